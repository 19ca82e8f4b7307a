// The outbox: sends the events of the signed-in learner's assignment attempts to the Practica
// server, after the attempt journal has stored them in this browser (attemptJournal.ts). Events
// go in order, batched, from where the server stopped (its `nextSeq`), the attempt's header with
// the first batch. Nothing is ever dropped or reordered: a batch the network lost is sent again
// from the server's `nextSeq` (the server acknowledges resent events without storing them twice),
// after a growing pause or as soon as the browser is back online. An attempt is sent only while
// its owner is signed in, so one learner's attempt never goes under the next learner's session.
import { createStore } from 'zustand/vanilla'
import { ATTEMPT_FORMAT, type AttemptEvent } from '../../core/index.ts'
import { listStoredAttempts, onJournalWrite } from '../attemptJournal.ts'
import { getDatabase, type AttemptSync, type StoredAttempt } from '../database.ts'
import {
  ApiError,
  BATCH_SIZE,
  isTransient,
  listMyAttempts,
  sendEvents,
  type AttemptHeader,
  type EventBatch,
  type EventsAck,
} from './api.ts'
import { onBeforeIdentityChange, sessionStore, type SessionStore } from './sessionStore.ts'

/** What the server acknowledged of each attempt this page sent, for the screens that show it. */
export const syncStore = createStore<{ readonly acks: Readonly<Record<string, AttemptSync>> }>()(
  () => ({ acks: {} }),
)

/** The attempt's header as the server keeps it (spec section 5, without the events). Pure. */
export function headerOf(record: StoredAttempt): AttemptHeader {
  return {
    format: ATTEMPT_FORMAT,
    id: record.id,
    scenario: {
      id: record.scenario.id,
      version: record.scenario.version,
      ...(record.scenario.sha256 ? { sha256: record.scenario.sha256 } : {}),
    },
    learner: { ...record.learner },
    mode: record.mode,
    startedAt: record.startedAt,
    faults: [...record.faults],
  }
}

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

  const signedInOwner = (): string | undefined => {
    const { status, user } = session.getState()
    return status === 'online' ? user?.id : undefined
  }

  /** Sends one attempt's waiting events, batch after batch. */
  async function sendAttempt(record: StoredAttempt, owner: string): Promise<Outcome> {
    const assignmentId = record.assignmentId!
    let from = record.sync?.nextSeq ?? 0
    for (;;) {
      if (signedInOwner() !== owner) return 'stopped'
      const events = await loadEventsFrom(record.id, from)
      if (events.length === 0) return 'done'
      const batch: EventBatch =
        from === 0 ? { header: headerOf(record), from, events } : { from, events }
      let ack: EventsAck
      const controller = new AbortController()
      inFlight = controller
      try {
        ack = await send(assignmentId, record.id, batch, { signal: controller.signal })
      } catch (e) {
        if (controller.signal.aborted) return 'stopped'
        if (
          e instanceof ApiError &&
          (e.code === 'gap' || e.code === 'header-needed') &&
          typeof e.details['nextSeq'] === 'number'
        ) {
          // the server holds less than noted here (or nothing): go on from its end
          from = e.details['nextSeq']
          await saveSync(record.id, { nextSeq: from })
          continue
        }
        if (e instanceof ApiError && e.status === 401) {
          // the sign-in ended on the server: the batch stays here, unsent, and goes (from the
          // server's nextSeq) once the owner signs in again; if the server still knows them after
          // all, it is tried again after a pause rather than dropped or spun on
          await session.getState().check()
          return signedInOwner() === owner ? 'retry' : 'signed-out'
        }
        // an older server without the route, or a passing failure: try again later (no sooner
        // than a server without its database, or too busy, asked)
        if (isTransient(e) || (e instanceof ApiError && e.code === 'no-such-address')) {
          askedToWait = retryAfterMs(e)
          return 'retry'
        }
        // refused for good (no attempts left, assignment closed, …): it stays in this browser
        await saveSync(record.id, { refused: e instanceof ApiError ? e.code : 'refused' })
        return 'done'
      } finally {
        if (inFlight === controller) inFlight = undefined
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

  /** Notes what the server already holds of the owner's attempts (once per sign-in). */
  async function refresh(owner: string, mine: readonly StoredAttempt[]): Promise<void> {
    // nothing of theirs to compare (staff have no assignment attempts): no request at all
    if (refreshedFor === owner || mine.length === 0) return
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
      refreshedFor = owner
    } catch {
      // the events' answers say the same, attempt by attempt
    }
  }

  async function round(): Promise<void> {
    do {
      again = false
      const owner = signedInOwner()
      if (owner === undefined) return
      const mine = (await listStoredAttempts())
        .filter((a) => a.owner === owner && a.assignmentId !== undefined)
        .reverse()
      await refresh(owner, mine)
      for (const stale of mine) {
        if (signedInOwner() !== owner) return
        const record = (await (await getDatabase()).get('attempts', stale.id)) ?? stale
        if (record.sync?.refused) continue
        const outcome = await sendAttempt(record, owner)
        if (outcome === 'retry') {
          again = false
          clearTimeout(retryTimer)
          const pause = backoff[Math.min(failures, backoff.length - 1)]!
          // a whole class told to wait the same seconds does not come back in the same instant
          const asked = askedToWait === undefined ? 0 : askedToWait * (1 + Math.random() / 4)
          askedToWait = undefined
          retryTimer = setTimeout(kick, Math.max(pause, asked))
          failures++
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
  const online = () => {
    failures = 0
    void session
      .getState()
      .check()
      .then(() => kick())
  }
  const stops = [
    onJournalWrite(gather),
    session.subscribe((s, before) => {
      if (s.user?.id !== before.user?.id) refreshedFor = undefined
      if (s.user?.id !== before.user?.id || s.status !== before.status) kick()
    }),
    onBeforeIdentityChange(async () => {
      // a request in flight was sent under the person still signed in; wait it out or drop it
      inFlight?.abort()
      clearTimeout(retryTimer)
      clearTimeout(gatherTimer)
      await running
    }),
  ]
  globalThis.addEventListener?.('online', online)
  kick()
  return {
    kick,
    async idle() {
      while (running) await running
    },
    stop() {
      stops.forEach((s) => s())
      globalThis.removeEventListener?.('online', online)
      clearTimeout(retryTimer)
      clearTimeout(gatherTimer)
      inFlight?.abort()
    },
  }
}
