// The calculator's Python: Pyodide with llmsize installed, started as fast as the browser lets.
//
// Nothing here runs when the page loads except registering the service worker (one small
// script, sw.js, that caches the runtime once it is fetched). Pyodide itself is fetched and
// started by start(), which calculator.js calls when the reader first touches the form.
//
// What makes a second visit fast:
// * the service worker answers for the runtime files and the wheel from Cache Storage, with
//   no network round trip;
// * a memory snapshot: after the first start, once llmsize is imported, the interpreter's
//   memory is saved into the same cache, and later visits restore it instead of starting
//   CPython and importing llmsize again. Pyodide checks that a snapshot belongs to its own
//   build; if restoring fails for any reason the snapshot is dropped and Python starts the
//   ordinary way.
// Both live in a cache named by the build's runtime key (data-runtime, filled in by
// docs/hooks/calculator.py), so a new build never meets an old runtime, wheel or snapshot.

const SITE = new URL("../../", import.meta.url); // <site>/ (this file is assets/calculator/)
const PREFIX = "llmsize-calculator-";
// Bump when the Python run before the snapshot changes (it is part of the snapshot).
const SNAPSHOT_FORMAT = 4;
// Run once, before the snapshot is taken, so that a restored interpreter has it all in memory:
// every llmsize module, three functions that return JSON text (the form's two and the file
// drop's), and one calculation (which also reads the presets, cached from then on).
const PRELOAD = `
import importlib, json, pkgutil
importlib.invalidate_caches()
import llmsize
for module in pkgutil.iter_modules(llmsize.__path__, "llmsize."):
    if module.name != "llmsize.__main__":  # that one runs the command line
        importlib.import_module(module.name)
from llmsize.calculator import calculate, preset_config
from llmsize.dropped import measure_files_json

def calculate_json(*args):
    return json.dumps(calculate(*args), ensure_ascii=False)

def preset_config_json(model):
    return json.dumps(preset_config(model), ensure_ascii=False)

calculate_json("deepseek-v3", None, "bf16", "bf16", 4096, 1, "en")
`;

// Marks on the page's performance timeline (llmsize:start ... llmsize:ready): the browser test
// reads them to report where the time goes.
const mark = (name) => performance.mark(`llmsize:${name}`);

export function readRuntime(form) {
  const text = form.dataset.runtime || "";
  if (!text.startsWith("{")) return null; // built without node_modules/pyodide
  return JSON.parse(text);
}

// Register the worker for this page's folder (the calculator page in this language). Cheap:
// the script is small and the worker caches nothing until the runtime is fetched.
export function registerWorker(runtime) {
  if (!("serviceWorker" in navigator)) return Promise.resolve(null);
  const url = new URL(runtime.worker, SITE);
  const scope = new URL("./", location.href);
  return navigator.serviceWorker.register(url, { scope: scope.pathname }).catch((err) => {
    console.warn("calculator: no service worker:", err && err.message ? err.message : err);
    return null;
  });
}

// Wait (briefly) for the worker to control the page, so the first fetch of the runtime fills
// its cache. Without one the runtime still loads; it is just cached by HTTP alone.
function controlled(registration, ms) {
  if (!registration || navigator.serviceWorker.controller) return Promise.resolve();
  return new Promise((resolve) => {
    navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true });
    setTimeout(resolve, ms);
  });
}

async function openCache(key) {
  try {
    return "caches" in self ? await caches.open(PREFIX + key) : null;
  } catch {
    return null; // e.g. storage blocked
  }
}

async function readSnapshot(cache, url) {
  try {
    const hit = cache && (await cache.match(url));
    return hit ? new Uint8Array(await hit.arrayBuffer()) : null;
  } catch {
    return null;
  }
}

// Start Pyodide, from the snapshot when there is one. Returns {py, snapshot}: snapshot is the
// memory to save (a fresh start) or null (a restore).
async function boot(runtime, loadPyodide, snapshot, cache, snapshotURL) {
  const options = {
    indexURL: new URL(runtime.index, SITE).href,
    lockFileContents: { info: runtime.lock, packages: {} },
    stdout: () => {},
    stderr: (line) => console.warn(line),
  };
  if (snapshot) {
    try {
      return { py: await loadPyodide({ ...options, _loadSnapshot: snapshot }), fresh: false };
    } catch (err) {
      console.warn("calculator: snapshot not usable, starting afresh:", err);
      await cache?.delete(snapshotURL);
    }
  }
  return { py: await loadPyodide({ ...options, _makeSnapshot: true }), fresh: true };
}

function saveSnapshot(py, cache, url) {
  try {
    const memory = py.makeMemorySnapshot();
    // Written in the background: the first result need not wait for the disk.
    setTimeout(() => cache.put(url, new Response(memory)).catch(() => {}), 0);
  } catch (err) {
    console.warn("calculator: no snapshot:", err);
  }
}

// Fetch and start everything, once for the page (the form and the file drop share it; a start
// that failed may be tried again); progress(step) reports 1 (runtime), 2 (llmsize), 3 (ready)
// to the first caller. Resolves to {calculate, presetConfig, measureFiles}: Python functions
// returning JSON text.
let started = null;
export function start(runtime, registration, progress) {
  started ??= startOnce(runtime, registration, progress).catch((err) => {
    started = null;
    throw err;
  });
  return started;
}

async function startOnce(runtime, registration, progress) {
  mark("start");
  await controlled(registration, 1000);
  const cache = await openCache(runtime.key);
  const snapshotURL = new URL(`snapshot-${SNAPSHOT_FORMAT}.bin?v=${runtime.key}`, SITE).href;
  const wheelURL = new URL(runtime.wheel, SITE);
  const wheel = fetch(wheelURL).then((r) => {
    if (!r.ok) throw new Error(`${r.status} ${wheelURL.pathname}`);
    return r.arrayBuffer();
  });
  wheel.catch(() => {}); // awaited below; do not report it twice
  const [snapshot, module] = await Promise.all([
    readSnapshot(cache, snapshotURL),
    import(new URL("pyodide.mjs", new URL(runtime.index, SITE)).href),
  ]);
  mark(snapshot ? "snapshot read" : "no snapshot");
  progress(1);
  const { py, fresh } = await boot(runtime, module.loadPyodide, snapshot, cache, snapshotURL);
  mark(fresh ? "python started" : "python restored");
  progress(2);
  // The wheel's files: needed before the first import, and on a restore only for the record
  // (its modules and presets are in memory already), so then they come after the first result.
  const install = async () => {
    const sitePackages = py.runPython("import site; site.getsitepackages()[0]");
    py.unpackArchive(await wheel, "wheel", { extractDir: sitePackages });
  };
  if (fresh || !py.globals.has("calculate_json")) {
    await install();
    py.runPython(PRELOAD);
    if (fresh && cache) saveSnapshot(py, cache, snapshotURL);
  } else {
    setTimeout(() => install().catch((err) => console.warn("calculator:", err)), 0);
  }
  mark("llmsize ready");
  progress(3);
  return {
    calculate: py.globals.get("calculate_json"),
    presetConfig: py.globals.get("preset_config_json"),
    measureFiles: py.globals.get("measure_files_json"),
  };
}
