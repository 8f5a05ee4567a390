// The calculator page: wires the form to llmsize.calculator.calculate(), which runs under
// Pyodide in the reader's browser. Pyodide's runtime and the llmsize wheel are self-hosted next
// to this file (docs/hooks/calculator.py publishes them into <site>/assets/) and are fetched
// only when the reader asks for a first result. Every figure and label comes from llmsize; this
// script only moves text into the page (always as text, never as HTML).

const ASSETS = new URL("../", import.meta.url); // <site>/assets/
const PYODIDE = new URL("pyodide/", ASSETS);
const SVG = "http://www.w3.org/2000/svg";

// Python run once after llmsize is installed: two functions that return JSON text.
const GLUE = `
import importlib, json
importlib.invalidate_caches()
from llmsize.calculator import calculate, preset_config

def calculate_json(*args):
    return json.dumps(calculate(*args), ensure_ascii=False)

def preset_config_json(model):
    return json.dumps(preset_config(model), ensure_ascii=False)
`;

const form = document.getElementById("llmsize-calculator");
if (form) {
  setUp(form);
}

function setUp(form) {
  const $ = (id) => document.getElementById(id);
  const el = {
    model: $("calc-model"),
    edit: $("calc-edit"),
    sourceHint: $("calc-source-hint"),
    config: $("calc-config"),
    clear: $("calc-clear"),
    dtype: $("calc-dtype"),
    kvDtype: $("calc-kv-dtype"),
    context: $("calc-context"),
    batch: $("calc-batch"),
    error: $("calc-error"),
    run: $("calc-run"),
    status: $("calc-status"),
    progress: $("calc-progress"),
    statusText: $("calc-status-text"),
    results: $("calc-results"),
    modelName: $("calc-model-name"),
    notes: $("calc-notes"),
    summary: $("calc-summary"),
    memory: $("calc-memory"),
    chart: $("calc-chart"),
    chartTitle: $("calc-chart-title"),
    breakdown: $("calc-breakdown"),
  };
  const text = form.dataset; // data-msg-* in the page's language
  const lang = form.dataset.lang;
  let python = null; // Promise of {calculate, presetConfig}, once loading has begun
  let ready = false;
  let timer = 0;

  el.run.disabled = false;
  el.edit.disabled = false;
  showSource();

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    calculate();
  });
  // Once Python is loaded, every change recomputes at once (debounced while typing).
  const changed = () => {
    showSource();
    if (!ready) return;
    clearTimeout(timer);
    timer = setTimeout(calculate, 150);
  };
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  el.clear.addEventListener("click", () => {
    el.config.value = "";
    changed();
    el.config.focus();
  });
  el.edit.addEventListener("click", async () => {
    const api = await load();
    if (!api) return;
    const out = JSON.parse(api.presetConfig(el.model.value));
    if (out.error) {
      showError(out.error);
      return;
    }
    el.config.value = out.config;
    showSource();
    calculate();
  });

  function showSource() {
    const pasted = el.config.value.trim() !== "";
    el.sourceHint.hidden = !pasted;
    el.clear.hidden = !pasted;
    el.model.classList.toggle("calc-unused", pasted);
  }

  function progress(step, message) {
    el.status.hidden = false;
    el.progress.hidden = false;
    el.progress.value = step;
    el.statusText.textContent = message;
  }

  function load() {
    if (!python) {
      python = (async () => {
        progress(1, text.msgRuntime);
        const { loadPyodide } = await import(new URL("pyodide.mjs", PYODIDE).href);
        const py = await loadPyodide({
          indexURL: PYODIDE.href,
          stdout: () => {},
          stderr: (line) => console.warn(line),
        });
        progress(2, text.msgLibrary);
        const wheel = new URL(form.dataset.wheel, ASSETS);
        const response = await fetch(wheel);
        if (!response.ok) {
          throw new Error(`${response.status} ${wheel.pathname}`);
        }
        const sitePackages = py.runPython("import site; site.getsitepackages()[0]");
        py.unpackArchive(await response.arrayBuffer(), "wheel", { extractDir: sitePackages });
        progress(3, text.msgReady);
        py.runPython(GLUE);
        ready = true;
        return {
          calculate: py.globals.get("calculate_json"),
          presetConfig: py.globals.get("preset_config_json"),
        };
      })();
    }
    return python.catch((err) => {
      python = null; // let the reader try again
      el.progress.hidden = true;
      el.status.hidden = false;
      el.statusText.textContent = `${text.msgFailed} ${err && err.message ? err.message : err}`;
      return null;
    });
  }

  function number(field) {
    const value = field.value.trim();
    return value === "" ? undefined : Number(value); // undefined reaches Python as None
  }

  async function calculate() {
    const api = await load();
    if (!api) return;
    let out;
    try {
      const pasted = el.config.value.trim() !== "" ? el.config.value : undefined;
      out = JSON.parse(
        api.calculate(
          el.model.value,
          pasted,
          el.dtype.value,
          el.kvDtype.value,
          number(el.context),
          number(el.batch),
          lang,
        ),
      );
    } catch (err) {
      out = { error: String(err && err.message ? err.message : err).split("\n").pop() };
    }
    el.status.hidden = true;
    if (out.error) {
      showError(out.error);
      return;
    }
    clearError();
    render(out);
  }

  function showError(message) {
    el.error.textContent = message;
    el.error.hidden = false;
    el.results.hidden = true;
    const field = message.startsWith("config.json")
      ? el.config
      : message.startsWith("context")
        ? el.context
        : message.startsWith("batch")
          ? el.batch
          : null;
    for (const f of [el.config, el.context, el.batch]) {
      f.toggleAttribute("aria-invalid", f === field);
    }
  }

  function clearError() {
    el.error.hidden = true;
    el.error.textContent = "";
    for (const f of [el.config, el.context, el.batch]) f.removeAttribute("aria-invalid");
  }

  function cell(tag, content, className) {
    const node = document.createElement(tag);
    node.textContent = content;
    if (className) node.className = className;
    return node;
  }

  function fill(table, rows, makeCells) {
    const body = table.tBodies[0];
    body.replaceChildren(
      ...rows.map((row) => {
        const tr = document.createElement("tr");
        tr.dataset.key = row.path || row.key;
        tr.append(...makeCells(row));
        return tr;
      }),
    );
  }

  function render(out) {
    const source = out.source === "config" ? text.msgFromConfig : text.msgFromPreset;
    const name = cell("strong", out.model);
    el.modelName.replaceChildren(
      lang === "zh" ? text.msgResultFor : `${text.msgResultFor} `,
      name,
      lang === "zh" ? `（${source}）` : ` (${source})`,
    );
    el.notes.replaceChildren(...out.notes.map((note) => cell("li", note)));
    el.notes.hidden = out.notes.length === 0;
    fill(el.summary, out.summary, (r) => [
      cell("td", r.label),
      cell("td", r.count, "calc-num"),
      cell("td", r.exact, "calc-num"),
    ]);
    fill(el.memory, out.memory, (r) => [
      cell("td", r.label),
      cell("td", r.text, "calc-num"),
      cell("td", r.exact, "calc-num"),
    ]);
    fill(el.breakdown, out.breakdown, (r) => {
      const label = cell("td", r.group && r.layers > 1 ? `${r.label} ×${r.layers}` : r.label);
      label.style.paddingLeft = `${0.8 + 1.2 * r.depth}em`;
      if (r.group) label.classList.add("calc-group");
      return [
        label,
        cell("td", r.count, "calc-num"),
        cell("td", r.exact, "calc-num"),
        cell("td", r.share, "calc-num"),
      ];
    });
    drawChart(out.chart, out.chart_title);
    el.results.hidden = false;
  }

  // Horizontal bars on a linear scale, drawn in the page's colours (currentColor and Material's
  // theme variables, so the chart follows light and dark mode).
  function drawChart(rows, title) {
    const width = 720;
    const rowHeight = 36;
    const pad = 8;
    const labelWidth = 190;
    const valueWidth = 170;
    const height = 2 * pad + rows.length * rowHeight;
    const largest = Math.max(1, ...rows.map((r) => r.bytes));
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", title);
    const titleNode = document.createElementNS(SVG, "title");
    titleNode.textContent = title;
    svg.append(titleNode);
    rows.forEach((row, i) => {
      const y = pad + i * rowHeight;
      const barWidth = Math.max(1, ((width - labelWidth - valueWidth) * row.bytes) / largest);
      const label = document.createElementNS(SVG, "text");
      label.setAttribute("x", labelWidth - 10);
      label.setAttribute("y", y + rowHeight / 2);
      label.setAttribute("text-anchor", "end");
      label.setAttribute("dominant-baseline", "middle");
      label.textContent = row.label;
      const bar = document.createElementNS(SVG, "rect");
      bar.setAttribute("x", labelWidth);
      bar.setAttribute("y", y + 8);
      bar.setAttribute("width", barWidth);
      bar.setAttribute("height", rowHeight - 16);
      bar.setAttribute("rx", 2);
      bar.setAttribute("class", `calc-bar calc-bar-${row.key.split("_")[0]}`);
      const value = document.createElementNS(SVG, "text");
      value.setAttribute("x", labelWidth + barWidth + 8);
      value.setAttribute("y", y + rowHeight / 2);
      value.setAttribute("dominant-baseline", "middle");
      value.textContent = row.text;
      svg.append(label, bar, value);
    });
    el.chart.querySelector("svg")?.remove();
    el.chart.prepend(svg);
    el.chartTitle.textContent = title;
  }
}
