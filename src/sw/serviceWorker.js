// Practica's service worker: after the first visit the app and its bundled scenarios work with
// no network at all. The build fills in the list of files and the version (precachePlugin.ts).
// A new version installs beside the old one and takes over on the next visit, never mid-attempt.
const VERSION = __VERSION__
const PRECACHE = __PRECACHE__
const CACHE = `practica-${VERSION}`

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)))
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith('practica-') && k !== CACHE).map((k) => caches.delete(k)),
        ),
      ),
  )
})

self.addEventListener('fetch', (event) => {
  const request = event.request
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      // every page of the app is the one index.html
      const key = request.mode === 'navigate' ? './' : request
      // module scripts are requested with an Origin header; the cached copies were fetched without
      const hit = await cache.match(key, { ignoreVary: true })
      if (hit) return hit
      return fetch(request)
    }),
  )
})
