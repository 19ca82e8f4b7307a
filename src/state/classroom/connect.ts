// Connects the app to the Practica server at its origin, if there is one: looks for it, keeps
// looking while it is out of reach, and starts the outbox. With no server, one look at
// /api/health is all it costs: the outbox (and the library's server panel, LibraryScreen) is
// downloaded only once a server answers here, or answered this browser before.
import type { Outbox } from './outbox.ts'
import { sessionStore, type SessionState } from './sessionStore.ts'

/** Seconds between looks for a server that answered before and does not now. */
const RECHECK_MS = 5000

let started = false
let outbox: Promise<Outbox> | undefined

/** Whether there is a server to work with: it answers, or answered before, or someone is signed in. Pure. */
export function hasServerSide(s: Pick<SessionState, 'status' | 'user'>): boolean {
  return s.status === 'online' || s.status === 'unreachable' || s.user !== null
}

/** Starts once per page (main.tsx). */
export function connectToServer(): void {
  if (started) return
  started = true
  // the outbox sends only while the server answers: it starts (and listens to the journal, the
  // session and the network) as soon as there is a server, and sends what is waiting at once
  const startOutbox = (s: SessionState) => {
    if (outbox || !hasServerSide(s)) return
    outbox = import('./startOutbox.ts').then((m) => m.startOutbox())
    outbox.catch(() => (outbox = undefined))
  }
  sessionStore.subscribe(startOutbox)
  startOutbox(sessionStore.getState())
  void sessionStore.getState().check()
  setInterval(() => {
    if (sessionStore.getState().status === 'unreachable') void sessionStore.getState().check()
  }, RECHECK_MS)
  // the network back before any server was found: look again (the outbox does so once started)
  globalThis.addEventListener?.('online', () => {
    if (!outbox) void sessionStore.getState().check()
  })
}
