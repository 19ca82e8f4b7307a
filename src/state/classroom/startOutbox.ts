// The outbox's start, the module connect.ts loads by import() once there is a Practica server: a
// module of its own, so that the static app (no server) never downloads the outbox. The outbox
// itself is shared with the screens that show what the server holds (useSavedStatus). The live
// inbox (the instructor's messages and "end now" while a learner plays an assignment) starts here
// too.
import { startLiveInbox } from './liveInbox.ts'
import { createOutbox, type Outbox } from './outbox.ts'

/** Starts the page's outbox and live inbox. */
export function startOutbox(): Outbox {
  startLiveInbox()
  return createOutbox()
}
