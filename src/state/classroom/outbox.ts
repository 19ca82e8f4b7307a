// The outbox: sends the events of the signed-in learner's assignment attempts to the Practica
// server, after the attempt journal has stored them in this browser (attemptJournal.ts). Events
// go in order, batched, from where the server stopped (its `nextSeq`), the attempt's header with
// the first batch. Nothing is ever dropped or reordered: a batch the network lost is sent again
// from the server's `nextSeq` (the server acknowledges resent events without storing them twice),
// after a growing pause or as soon as the browser is back online. An attempt is sent only while
// its owner is signed in, so one learner's attempt never goes under the next learner's session.
import { createStore } from 'zustand/vanilla'
import type { AttemptEvent } from '../../core/index.ts'
import { headerOf, listStoredAttempts, onJournalWrite } from '../attemptJournal.ts'
import { getDatabase, type AttemptSync, type StoredAttempt } from '../database.ts'
import {
  ApiError,
  BATCH_SIZE,
  isTransient,
  listMyAttempts,
  sendEvents,
  type EventBatch,
  type EventsAck,
} from './api.ts'
import { onBeforeIdentityChange, sessionStore, type SessionStore } from './sessionStore.ts'

/** What the server acknowledged of each attempt this page sent, for the screens that show it. */
export const syncStore = createStore<{ readonly acks: Readonly<Record<string, AttemptSync>> }>()(
  () => ({ acks: {} }),
)

/** The attempt's events from `from` on, as many as follow each other without a hole, up to `max`. */
export async function loadEventsFrom(
  attemptId: string,
  from: number,
  max = BATCH_SIZE,
): Promise<AttemptEvent[]> {
  const db = await getDatabase()
  const rows = await db.getAll(
    'events',
    IDBKeyRange.bound([attemptId, from], [attemptId, Number.MAX_SAFE_INTEGER]),
    max,
  )
  const events: AttemptEvent[] = []
  for (const row of rows) {
    if (row.seq !== from + events.length) break
    events.push(row.event)
  }
  return events
}

/** How many events of the attempt this browser holds. */
export async function countEvents(attemptId: string): Promise<number> {
  return (await getDatabase()).countFromIndex('events', 'attemptId', attemptId)
}

/** Notes what the server holds of an attempt, in the attempt's record and for the screens. */
export async function saveSync(attemptId: string, patch: Partial<AttemptSync>): Promise<void> {
  const db = await getDatabase()
  const tx = db.transaction('attempts', 'readwrite', { durability: 'strict' })
  const current = await tx.store.get(attemptId)
  if (!current) return tx.done
  const sync: AttemptSync = { nextSeq: 0, ended: false, ...current.sync, ...patch }
  await tx.store.put({ ...current, sync })
  await tx.done
  syncStore.setState((s) => ({ acks: { ...s.acks, [attemptId]: sync } }))
}

/** What an attempt's sending came to. */
type Outcome = 'done' | 'retry' | 'signed-out' | 'stopped'

/**
 * The milliseconds a busy or unavailable server asked to be left alone (a 503 or 429 answer's
 * Retry-After, which the server also puts in the error's `retryAfter`, in seconds), capped at
 * five minutes; undefined when it asked nothing. Pure.
 */
export function retryAfterMs(e: unknown): number | undefined {
  if (!(e instanceof ApiError) || (e.status !== 503 && e.status !== 429)) return undefined
  const seconds = e.details['retryAfter']
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0
    ? Math.min(seconds, 300) * 1000
    : undefined
}

/**
 * What to do after the server refused a batch of the attempt `attemptId`: go on from the number
 * it answers (the server holds less than noted here, or nothing); `retry` later (a passing failure,
 * an older server without the route, or a sign-in the server ended while the owner is still signed
 * in here after `stillSignedIn` checked); `signed-out` (the batch stays here, unsent, and goes from
 * the server's nextSeq once the owner signs in again); or `done` with the attempt marked refused for
 * good (no attempts left, assignment closed, …): it stays in this browser.
 */
async function afterRefusal(
  e: unknown,
  attemptId: string,
  stillSignedIn: () => Promise<boolean>,
): Promise<number | Exclude<Outcome, 'stopped'>> {
  if (
    e instanceof ApiError &&
    (e.code === 'gap' || e.code === 'header-needed') &&
    typeof e.details['nextSeq'] === 'number'
  ) {
    await saveSync(attemptId, { nextSeq: e.details['nextSeq'] })
    return e.details['nextSeq']
  }
  if (e instanceof ApiError && e.status === 401)
    return (await stillSignedIn()) ? 'retry' : 'signed-out'
  if (isTransient(e) || (e instanceof ApiError && e.code === 'no-such-address')) return 'retry'
  await saveSync(attemptId, { refused: e instanceof ApiError ? e.code : 'refused' })
  return 'done'
}

/**
 * Notes in each attempt's record what the server already holds of it; false when the server
 * could not be asked (the events' answers then say the same, attempt by attempt).
 */
async function noteServerHeld(mine: readonly StoredAttempt[]): Promise<boolean> {
  try {
    const held = new Map((await listMyAttempts()).map((a) => [a.id, a]))
    for (const record of mine) {
      const server = held.get(record.id)
      if (!server) continue
      await saveSync(record.id, {
        nextSeq: server.nextSeq,
        ended: server.ended,
        ...(server.result ? { result: server.result } : {}),
        ...(typeof server.revision === 'number' ? { revision: server.revision } : {}),
      })
    }
    return true
  } catch {
    return false
  }
}

/**
 * The pause before trying again after `failures` failed tries in a row: the backoff's step, or
 * longer where the server asked to be left alone (`asked` ms), then by up to a quarter more, so
 * that a whole class told to wait the same seconds does not come back in the same instant.
 */
function pauseAfter(backoff: readonly number[], failures: number, asked: number | undefined) {
  const pause = backoff[Math.min(failures, backoff.length - 1)]!
  return Math.max(pause, asked === undefined ? 0 : asked * (1 + Math.random() / 4))
}

/** The id of the person signed in, while their session is online. */
function signedInOwner(session: SessionStore): string | undefined {
  const { status, user } = session.getState()
  return status === 'online' ? user?.id : undefined
}

/** The owner's assignment attempts kept in this browser, newest first. */
async function assignmentAttemptsOf(owner: string): Promise<StoredAttempt[]> {
  return (await listStoredAttempts())
    .filter((a) => a.owner === owner && a.assignmentId !== undefined)
    .reverse()
}

/** What sending an attempt needs of its outbox. */
interface Sending {
  readonly send: typeof sendEvents
  readonly session: SessionStore
  /** the request in flight, which a change of sign-in aborts */
  track(controller: AbortController): void
  untrack(controller: AbortController): void
  /** what a busy or unavailable server asked to be left alone, for the next pause */
  askedToWait(ms: number | undefined): void
}

/** Sends one attempt's waiting events, batch after batch, while its owner is signed in. */
async function sendAttempt(
  sending: Sending,
  record: StoredAttempt,
  owner: string,
): Promise<Outcome> {
  const assignmentId = record.assignmentId!
  let from = record.sync?.nextSeq ?? 0
  for (;;) {
    if (signedInOwner(sending.session) !== owner) return 'stopped'
    const events = await loadEventsFrom(record.id, from)
    if (events.length === 0) return 'done'
    const batch: EventBatch =
      from === 0 ? { header: headerOf(record), from, events } : { from, events }
    let ack: EventsAck
    const controller = new AbortController()
    sending.track(controller)
    try {
      ack = await sending.send(assignmentId, record.id, batch, { signal: controller.signal })
    } catch (e) {
      if (controller.signal.aborted) return 'stopped'
      const next = await afterRefusal(e, record.id, async () => {
        await sending.session.getState().check()
        return signedInOwner(sending.session) === owner
      })
      if (typeof next === 'number') {
        from = next
        continue
      }
      if (next === 'retry') sending.askedToWait(retryAfterMs(e))
      return next
    } finally {
      sending.untrack(controller)
    }
    await saveSync(record.id, {
      nextSeq: ack.nextSeq,
      ended: ack.ended,
      ...(ack.result ? { result: ack.result } : {}),
      ...(ack.revision !== undefined ? { revision: ack.revision } : {}),
    })
    // the server took nothing of the batch: not a loop to spin in
    if (ack.nextSeq <= from) return 'retry'
    from = ack.nextSeq
  }
}

export interface OutboxOptions {
  readonly session?: SessionStore
  readonly send?: typeof sendEvents
  /** Pauses after failed tries, in milliseconds; the last one repeats. */
  readonly backoff?: readonly number[]
  /** Milliseconds to wait after an event is stored, so that events close together go together. */
  readonly gatherMs?: number
}

export interface Outbox {
  /** Sends whatever is waiting, now (or after the current round). */
  kick(): void
  /** Resolves when nothing is being sent (the test's and the sign-out's wait). */
  idle(): Promise<void>
  /** Stops listening. */
  stop(): void
}

/**
 * Calls the outbox when there is something to send: an event stored (`gather`), the signed-in
 * person or their session's status changed, or the browser back online (after checking the
 * session). Returns what stops listening.
 */
function listenForWork(
  session: SessionStore,
  on: {
    gather(): void
    kick(): void
    online(): void
    userChanged(): void
    beforeIdentityChange(): Promise<void>
  },
): () => void {
  const online = () => {
    on.online()
    void session
      .getState()
      .check()
      .then(() => on.kick())
  }
  const stops = [
    onJournalWrite(on.gather),
    session.subscribe((s, before) => {
      if (s.user?.id !== before.user?.id) on.userChanged()
      if (s.user?.id !== before.user?.id || s.status !== before.status) on.kick()
    }),
    onBeforeIdentityChange(on.beforeIdentityChange),
  ]
  globalThis.addEventListener?.('online', online)
  return () => {
    stops.forEach((s) => s())
    globalThis.removeEventListener?.('online', online)
  }
}

/** The outbox of one page: listens to the journal, the session and the network. */
export function createOutbox(options: OutboxOptions = {}): Outbox {
  const session = options.session ?? sessionStore
  const send = options.send ?? sendEvents
  const backoff = options.backoff ?? [1000, 2000, 4000, 8000, 15_000, 30_000]
  const gatherMs = options.gatherMs ?? 150
  let running: Promise<void> | undefined
  let again = false
  let failures = 0
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  let gatherTimer: ReturnType<typeof setTimeout> | undefined
  let inFlight: AbortController | undefined
  let refreshedFor: string | undefined
  /** what the server's last refusal asked to wait (Retry-After), for the next pause */
  let askedToWait: number | undefined

  const sending: Sending = {
    send,
    session,
    track: (controller) => (inFlight = controller),
    untrack: (controller) => {
      if (inFlight === controller) inFlight = undefined
    },
    askedToWait: (ms) => (askedToWait = ms),
  }

  async function round(): Promise<void> {
    do {
      again = false
      const owner = signedInOwner(session)
      if (owner === undefined) return
      const mine = await assignmentAttemptsOf(owner)
      // what the server already holds, once per sign-in (staff have no assignment attempts: no
      // request at all)
      if (refreshedFor !== owner && mine.length > 0 && (await noteServerHeld(mine)))
        refreshedFor = owner
      for (const stale of mine) {
        if (signedInOwner(session) !== owner) return
        const record = (await (await getDatabase()).get('attempts', stale.id)) ?? stale
        if (record.sync?.refused) continue
        const outcome = await sendAttempt(sending, record, owner)
        if (outcome === 'retry') {
          again = false
          clearTimeout(retryTimer)
          retryTimer = setTimeout(kick, pauseAfter(backoff, failures++, askedToWait))
          askedToWait = undefined
          return
        }
        if (outcome !== 'done') return
      }
      failures = 0
    } while (again)
  }

  function kick(): void {
    clearTimeout(gatherTimer)
    if (running) {
      again = true
      return
    }
    running = round()
      .catch(() => {
        // the browser's storage failed: the next event or sign-in tries again
      })
      .finally(() => {
        running = undefined
        if (again) kick()
      })
  }

  const gather = () => {
    clearTimeout(gatherTimer)
    gatherTimer = setTimeout(kick, gatherMs)
  }
  const stopListening = listenForWork(session, {
    gather,
    kick,
    online: () => (failures = 0),
    userChanged: () => (refreshedFor = undefined),
    beforeIdentityChange: async () => {
      // a request in flight was sent under the person still signed in; wait it out or drop it
      inFlight?.abort()
      clearTimeout(retryTimer)
      clearTimeout(gatherTimer)
      await running
    },
  })
  kick()
  return {
    kick,
    async idle() {
      while (running) await running
    },
    stop() {
      stopListening()
      clearTimeout(retryTimer)
      clearTimeout(gatherTimer)
      inFlight?.abort()
    },
  }
}
