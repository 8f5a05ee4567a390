// The calculator page's file drop: safetensors files chosen or dropped here are measured from
// their headers by llmsize.dropped.measure_files, under the same Pyodide runtime as the form
// (runtime.js starts it once for both). Only the first bytes of each file are sliced: its
// 8-byte header length, then, if that length is within the safetensors limit and the file,
// the header itself. Nothing is uploaded; the weights are never read. A config.json (or the
// index) dropped with them is read whole: it is small. Text goes into the page as text only.

import { readRuntime, registerWorker, start } from "./runtime.js";

const HEADER_LIMIT = 100_000_000n; // llmsize.safetensors.HEADER_LIMIT, the safetensors limit
const JSON_LIMIT = 64 << 20; // a config.json or index is a few megabytes at most

const box = document.getElementById("calc-files");
if (box) setUp(box);

function setUp(box) {
  const $ = (id) => document.getElementById(id);
  const input = $("calc-files-input");
  const status = $("calc-files-status");
  const error = $("calc-files-error");
  const result = $("calc-files-result");
  const form = document.getElementById("llmsize-calculator");
  const runtime = form ? readRuntime(form) : null;
  if (!runtime) {
    input.disabled = true;
    return;
  }
  input.addEventListener("change", () => measure([...input.files]));
  box.addEventListener("dragover", (event) => event.preventDefault());
  box.addEventListener("drop", (event) => {
    event.preventDefault();
    measure([...event.dataTransfer.files]);
  });

  async function measure(files) {
    if (!files.length) return;
    error.hidden = true;
    status.hidden = false;
    status.textContent = box.dataset.msgReading;
    try {
      const blobs = await Promise.all(files.map(firstBytes));
      const api = await start(runtime, await registerWorker(runtime), () => {});
      const names = files.map((f) => f.name);
      const sizes = files.map((f) => f.size);
      show(JSON.parse(api.measureFiles(names, sizes, blobs, box.dataset.lang)));
    } catch (err) {
      show({ error: String(err && err.message ? err.message : err).split("\n").pop() });
    }
  }

  function show(out) {
    status.hidden = true;
    if (out.error) {
      error.textContent = out.error;
      error.hidden = false;
      result.hidden = true;
      return;
    }
    fill($("calc-files-dtypes"), out.dtypes);
    fill($("calc-files-rows"), out.rows);
    const check = $("calc-files-check");
    check.replaceChildren(...out.check.map((line) => cell("li", line)));
    result.hidden = false;
  }
}

// The bytes the header needs, and no more.
async function firstBytes(file) {
  if (!file.name.endsWith(".safetensors")) {
    const whole = file.size <= JSON_LIMIT ? file : file.slice(0, 0);
    return new Uint8Array(await whole.arrayBuffer());
  }
  const first = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  if (first.length < 8) return first;
  const n = new DataView(first.buffer).getBigUint64(0, true);
  if (n > HEADER_LIMIT || n + 8n > BigInt(file.size)) return first; // Python says why
  return new Uint8Array(await file.slice(0, 8 + Number(n)).arrayBuffer());
}

function cell(name, text) {
  const el = document.createElement(name);
  el.textContent = text;
  return el;
}

function fill(table, rows) {
  const body = table.tBodies[0];
  body.replaceChildren(
    ...rows.map((row) => {
      const tr = document.createElement("tr");
      tr.append(...row.map((text, i) => cell(i === 0 ? "th" : "td", text)));
      tr.firstChild.scope = "row";
      return tr;
    }),
  );
}
