// The calculator's service worker, published at the site root as calculator-sw.js (by
// docs/hooks/calculator.py) and registered by the calculator page with that page's folder as
// its scope, so it controls the calculator page in each language and nothing else.
//
// It answers only for the Python runtime (assets/pyodide/<version>/...) and the llmsize wheel:
// cache first, from a Cache Storage cache named by the build's runtime key (the ?v= of this
// script's URL), filled the first time each file is fetched. A new build has a new key, hence
// a new worker and a new cache; the old caches are deleted when it takes over. Every other
// request (pages, styles, search) goes to the network as if there were no worker.

const KEY = new URL(self.location.href).searchParams.get("v") || "none";
const PREFIX = "llmsize-calculator-";
const CACHE = PREFIX + KEY;
const SITE = new URL("./", self.location.href).href; // the folder this script is served from
const RUNTIME = SITE + "assets/pyodide/";
const WHEEL = /^assets\/llmsize-[^/]+\.whl$/;

function isRuntime(url) {
  if (url.startsWith(RUNTIME)) return true;
  if (!url.startsWith(SITE)) return false;
  return WHEEL.test(url.slice(SITE.length).split("?")[0]);
}

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !isRuntime(request.url)) return;
  event.respondWith(fromCache(request, event));
});

async function fromCache(request, event) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok && response.type === "basic") {
    event.waitUntil(cache.put(request, response.clone()).catch(() => {})); // e.g. over quota
  }
  return response;
}
