/* Liaison service worker, written by hand.
 * - Install: caches the app shell: "/" (index.html) and every file of the build listed in /sw-manifest.json
 *   (written by the build), so every page, the site-log form included, opens without a connection.
 * - Pages (navigations): network first, the cached shell when offline.
 * - /assets/* (hashed, immutable): cache first.
 * - Other static files (icons, manifest, the district outline): cache, refreshed in the background.
 * - /api/*, /open311/*, non-GET: never cached; the app keeps its own drafts in IndexedDB.
 */
const PREFIX = 'liaison-shell-';
const VERSION = new URL(self.location.href).searchParams.get('v') || 'dev';
const CACHE = PREFIX + VERSION;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      let files = [];
      try {
        const res = await fetch('/sw-manifest.json', { cache: 'no-store' });
        if (res.ok) files = (await res.json()).files || [];
      } catch {
        /* offline at install: the shell fills as pages are visited */
      }
      await cache.addAll(['/', ...files.map((f) => '/' + f)]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

// A page that loaded while this worker was activating is not controlled; it asks to be claimed.
self.addEventListener('message', (event) => {
  if (event.data === 'claim') event.waitUntil(self.clients.claim());
});

function isApi(url) {
  return url.pathname.startsWith('/api/') || url.pathname.startsWith('/open311/') || url.pathname === '/healthz' || url.pathname === '/readyz' || url.pathname === '/metrics';
}

async function networkFirstPage(request) {
  const cache = await caches.open(CACHE);
  try {
    const res = await fetch(request);
    if (res.ok && (res.headers.get('content-type') || '').includes('text/html')) await cache.put('/', res.clone());
    return res;
  } catch (err) {
    const shell = await cache.match('/');
    if (shell) return shell;
    throw err;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const res = await fetch(request);
  if (res.ok) await cache.put(request, res.clone());
  return res;
}

async function staleWhileRevalidate(request, event) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request);
  const refresh = fetch(request)
    .then(async (res) => {
      if (res.ok) await cache.put(request, res.clone());
      return res;
    })
    .catch(() => undefined);
  if (hit) {
    event.waitUntil(refresh);
    return hit;
  }
  const res = await refresh;
  return res || Response.error();
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || isApi(url)) return;
  if (request.mode === 'navigate') {
    event.respondWith(networkFirstPage(request));
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(request));
  } else {
    event.respondWith(staleWhileRevalidate(request, event));
  }
});
