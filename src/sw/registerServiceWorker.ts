// Registers the service worker of the built app (not in development, where files change).
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return
  // a relative URL, so the app also works below a sub-path
  navigator.serviceWorker.register('./sw.js').catch(() => undefined)
}
