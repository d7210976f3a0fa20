// referat's offline copy, for a viewer served over http(s) (src/offline.rs registers it
// beside index.html). It keeps the page and the last bundle, so a tablet that opened the
// viewer once opens it again with no network. The network is asked first, so a newer
// page or bundle on the server replaces the kept one; the kept copy answers when the
// network fails or does not answer within a few seconds. Nothing else is fetched or sent.
const CACHE = 'referat-offline-v1';
const KEEP = ['./', './index.html', './bundle.json', './manifest.webmanifest', './icon.svg'];
const PATIENCE_MS = 4000;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      // One missing file (no icon, say) must not stop the rest from being kept.
      .then((cache) => Promise.allSettled(KEEP.map((url) => cache.add(url))))
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
  const url = new URL(request.url);
  // Only this viewer's own files; blob: workers and anything else pass through untouched.
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  const scope = new URL(self.registration.scope);
  if (!url.pathname.startsWith(scope.pathname)) return;
  event.respondWith(networkFirst(request));
});

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  const network = fetch(request).then((response) => {
    if (response.ok) cache.put(request, response.clone());
    return response;
  });
  const timeout = new Promise((resolve) => setTimeout(resolve, PATIENCE_MS, null));
  try {
    const first = await Promise.race([network, timeout]);
    if (first) return first;
  } catch (_) {
    // Offline: the kept copy below.
  }
  const kept = await cache.match(request, { ignoreSearch: true });
  if (kept) return kept;
  // Nothing kept: wait for the network after all (a slow first visit still loads).
  return network;
}
