// The Content Security Policy of the built app: only its own scripts, styles, workers and
// requests; no eval, no inline script, no plugins, no framing. The Practica server and `vite
// preview` send it with the app, public/_headers gives it to static hosts, and README.md
// ("Deploying: Content Security Policy") to any other server.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')
