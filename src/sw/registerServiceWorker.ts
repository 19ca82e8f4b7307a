// Registers the service worker of the built app (not in development, where files change). Outside
// a secure context (the app on http://192.168.…) browsers run no service worker: the app then
// keeps no offline copy, and says so (src/view/panels/InsecureNotice.tsx).
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !globalThis.isSecureContext || !('serviceWorker' in navigator))
    return
  // a relative URL, so the app also works below a sub-path
  navigator.serviceWorker.register('./sw.js').catch(() => undefined)
}
