// referat's offline copy, for a viewer served over http(s) (src/offline.rs registers it
// beside index.html). It keeps the viewer's own files (the page and the last bundle), so a
// tablet that opened the viewer once opens it again with no network. The network is asked
// first, so a newer page or bundle on the server replaces the kept one; the kept copy
// answers when the network fails, answers with a server error, or takes over four seconds.
// Any other request (other pages on the same server, the worker's own blobs) passes through
// untouched. Nothing else is fetched or sent.
const CACHE = 'referat-offline-v1';
const KEEP = ['./', './index.html', './bundle.json', './manifest.webmanifest', './icon.svg'];
const PATIENCE_MS = 4000;
const kept = () => new Set(KEEP.map((f) => new URL(f, self.registration.scope).href));

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      // One missing file (no icon, say) must not stop the rest from being kept.
      .then((cache) => Promise.allSettled(KEEP.map((f) => fetch(f).then((r) => keepable(f, r) && cache.put(f, r)))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  url.search = '';
  url.hash = '';
  if (!kept().has(url.href)) return;
  event.respondWith(networkFirst(event, request, url.href));
});

/**
 * Only a whole, direct answer from this server is kept: not a redirect (a captive portal's
 * login page), not an error, and for the bundle only JSON.
 */
function keepable(url, response) {
  if (!response.ok || response.redirected || response.type !== 'basic') return false;
  if (String(url).endsWith('bundle.json')) return (response.headers.get('content-type') || '').includes('json');
  return true;
}

async function networkFirst(event, request, key) {
  const cache = await caches.open(CACHE);
  const network = fetch(request).then((response) => {
    if (keepable(key, response)) event.waitUntil(cache.put(key, response.clone()));
    return response;
  });
  // The race below may leave `network` unanswered: its failure is expected, not an error.
  network.catch(() => {});
  const timeout = new Promise((resolve) => setTimeout(resolve, PATIENCE_MS, null));
  try {
    const first = await Promise.race([network, timeout]);
    if (first && first.status < 500) return first;
  } catch (_) {
    // Offline: the kept copy below.
  }
  const copy = await cache.match(key);
  if (copy) return copy;
  // Nothing kept: wait for the network after all (a slow first visit still loads).
  return network;
}
