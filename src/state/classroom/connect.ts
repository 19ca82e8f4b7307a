// Connects the app to the Practica server at its origin, if there is one: looks for it, keeps
// looking while it is out of reach, and starts the outbox. With no server, one look at
// /api/health is all it costs.
import { createOutbox, type Outbox } from './outbox.ts'
import { sessionStore } from './sessionStore.ts'

/** Seconds between looks for a server that answered before and does not now. */
const RECHECK_MS = 5000

let outbox: Outbox | undefined

/** Starts once per page (main.tsx). */
export function connectToServer(): void {
  if (outbox) return
  void sessionStore.getState().check()
  outbox = createOutbox()
  setInterval(() => {
    if (sessionStore.getState().status === 'unreachable') void sessionStore.getState().check()
  }, RECHECK_MS)
}
