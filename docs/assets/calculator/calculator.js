// The calculator page: wires the form to llmsize.calculator.calculate(), which runs under
// Pyodide in the reader's browser (runtime.js starts it; docs/hooks/calculator.py publishes
// the runtime and the llmsize wheel into <site>/assets/). Python is fetched and started when
// the reader first touches the form (focus, pointer or input), not when the page loads. Every
// figure and label comes from llmsize; this script only moves text into the page (always as
// text, never as HTML).

import { render } from "./results.js";
import { readRuntime, registerWorker, start } from "./runtime.js";

const idle = (fn) =>
  "requestIdleCallback" in window ? requestIdleCallback(fn, { timeout: 500 }) : setTimeout(fn, 50);

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
    gpu: $("calc-gpu"),
    gpus: $("calc-gpus"),
    fitBox: $("calc-fit-box"),
    fitTitle: $("calc-fit-title"),
    fit: $("calc-fit"),
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
  const runtime = readRuntime(form);
  let registration = null; // Promise of the service worker's registration
  let python = null; // Promise of {calculate, presetConfig}, once loading has begun
  let ready = false;
  let timer = 0;

  showSource();
  if (!runtime) return; // the page shows why (built without the runtime)
  el.run.disabled = false;
  el.edit.disabled = false;
  // The worker only caches what is fetched later; registering it fetches one small script.
  const register = () => {
    registration ??= registerWorker(runtime);
  };
  if (document.readyState === "complete") idle(register);
  else addEventListener("load", () => idle(register), { once: true });
  // The reader's first touch of the form starts Python in the background.
  for (const type of ["focusin", "pointerdown", "input"]) {
    form.addEventListener(type, () => idle(load), { once: true, capture: true });
  }

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

  const steps = [null, text.msgRuntime, text.msgLibrary, text.msgReady];
  function progress(step) {
    el.status.hidden = false;
    el.progress.hidden = false;
    el.progress.value = step;
    el.statusText.textContent = steps[step];
  }

  function load() {
    if (!python) {
      register();
      python = (async () => {
        progress(1);
        const api = await start(runtime, await registration, progress);
        ready = true;
        el.status.hidden = true;
        return api;
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
          el.gpu.value || undefined,
          number(el.gpus),
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
    render(el, out, text);
    performance.mark("llmsize:result");
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
          : message.startsWith("gpus") || message.startsWith("tp")
            ? el.gpus
            : null;
    for (const f of [el.config, el.context, el.batch, el.gpus]) {
      f.toggleAttribute("aria-invalid", f === field);
    }
  }

  function clearError() {
    el.error.hidden = true;
    el.error.textContent = "";
    for (const f of [el.config, el.context, el.batch, el.gpus]) f.removeAttribute("aria-invalid");
  }
}
