// The outbox against a server that keeps the contract of POST …/events (in memory here; the
// browser test serverLearner.test.ts runs the real server): events go in order, in batches, the
// header with the first; a lost request or a lost answer is sent again from the server's
// nextSeq, so the server ends with each event once; an attempt goes only under its owner's
// sign-in; a refusal for good is noted and not tried again.
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { createStore } from 'zustand/vanilla'
import type { AttemptEvent } from '../../../src/core/index.ts'
import { openJournal, type StoredAttempt } from '../../../src/state/attemptJournal.ts'
import { getDatabase } from '../../../src/state/database.ts'
import {
  ApiError,
  type EventBatch,
  type EventsAck,
  type ServerUser,
} from '../../../src/state/classroom/api.ts'
import { BATCH_SIZE } from '../../../src/state/classroom/api.ts'
import { createOutbox, type Outbox } from '../../../src/state/classroom/outbox.ts'
import type { SessionState } from '../../../src/state/classroom/sessionStore.ts'

const learner = (id: string): ServerUser => ({ id, role: 'learner', name: id, learnerId: id })

function session(user: ServerUser | null) {
  return createStore<SessionState>()(() => ({
    status: 'online',
    user,
    check: () => Promise.resolve(),
    join: () => Promise.reject(new Error('not here')),
    signIn: () => Promise.reject(new Error('not here')),
    signOut: () => Promise.resolve(),
    sessionLost: () => undefined,
    ended: null,
    dismissEnded: () => undefined,
  }))
}

function record(id: string, owner: string | undefined, assignmentId = 'a-1'): StoredAttempt {
  return {
    id,
    scenario: { id: 'conveyor-loto', version: '1.0.0', sha256: 'ab'.repeat(32) },
    scenarioText: '{}',
    learner: { id: owner ?? 'nobody', name: 'Test Learner' },
    mode: 'practice',
    startedAt: '2026-12-03T09:00:00.000Z',
    faults: [],
    finished: false,
    updatedAt: 1,
    result: undefined,
    ...(owner ? { owner, assignmentId } : {}),
  }
}

const press = (t: number): AttemptEvent => ({ t, action: 'press', target: `button_${t}` })

/** The events route's contract, in memory, with the network that can fail either way. */
function fakeServer() {
  const attempts = new Map<string, { owner: string; header: unknown; events: AttemptEvent[] }>()
  const batches: { attemptId: string; from: number; size: number; header: boolean }[] = []
  const state = { down: false, loseAnswers: 0, refuse: undefined as string | undefined }
  let signedIn = ''
  const send = (
    _assignmentId: string,
    attemptId: string,
    batch: EventBatch,
  ): Promise<EventsAck> => {
    if (state.down) return Promise.reject(new ApiError(0, 'network', 'no answer'))
    if (state.refuse) return Promise.reject(new ApiError(409, state.refuse, 'refused'))
    batches.push({
      attemptId,
      from: batch.from,
      size: batch.events.length,
      header: batch.header !== undefined,
    })
    let held = attempts.get(attemptId)
    if (held && held.owner !== signedIn)
      return Promise.reject(new ApiError(403, 'not-allowed', 'not yours'))
    if (!held) {
      if (!batch.header)
        return Promise.reject(new ApiError(409, 'header-needed', 'header', { nextSeq: 0 }))
      held = { owner: signedIn, header: batch.header, events: [] }
      attempts.set(attemptId, held)
    }
    if (batch.from > held.events.length)
      return Promise.reject(new ApiError(409, 'gap', 'gap', { nextSeq: held.events.length }))
    const fresh = batch.events.slice(held.events.length - batch.from)
    held.events.push(...fresh)
    const ack = { nextSeq: held.events.length, ended: held.events.at(-1)?.action === 'end' }
    if (state.loseAnswers > 0) {
      state.loseAnswers--
      return Promise.reject(new ApiError(0, 'network', 'the answer was lost'))
    }
    return Promise.resolve(ack)
  }
  return { attempts, batches, state, send, signInAs: (id: string) => (signedIn = id) }
}

const settle = (ms = 60) => new Promise((r) => setTimeout(r, ms))

let outbox: Outbox | undefined
afterEach(() => outbox?.stop())

describe('the outbox', () => {
  it('sends every event once, in order, in batches, through lost requests and lost answers', async () => {
    const server = fakeServer()
    server.signInAs('u-1')
    const journal = await openJournal(record('att-1', 'u-1'))
    const total = BATCH_SIZE * 2 + 30
    for (let seq = 0; seq < 40; seq++) await journal.append(seq, press(seq))
    server.state.down = true
    outbox = createOutbox({
      session: session(learner('u-1')),
      send: server.send,
      backoff: [20],
      gatherMs: 0,
    })
    await settle()
    expect(server.attempts.size).toBe(0)
    server.state.down = false
    server.state.loseAnswers = 2
    for (let seq = 40; seq < total; seq++) await journal.append(seq, press(seq))
    await journal.append(total, { t: total, action: 'end' })
    for (let i = 0; i < 100 && (server.attempts.get('att-1')?.events.length ?? 0) <= total; i++)
      await settle(20)
    await outbox.idle()
    const held = server.attempts.get('att-1')!
    expect(held.events).toEqual([
      ...Array.from({ length: total }, (_, seq) => press(seq)),
      { t: total, action: 'end' },
    ])
    expect(server.batches.every((b) => b.size <= BATCH_SIZE)).toBe(true)
    // the header goes with the first batch (and with it again, when its answer was lost), only there
    expect(server.batches.every((b) => b.header === (b.from === 0))).toBe(true)
    const kept = await (await getDatabase()).get('attempts', 'att-1')
    expect(kept?.sync).toMatchObject({ nextSeq: total + 1, ended: true })
  })

  it('waits as long as a server without its database asks (503, Retry-After), then sends everything', async () => {
    const server = fakeServer()
    server.signInAs('u-9')
    const journal = await openJournal(record('att-9', 'u-9'))
    for (let seq = 0; seq < 5; seq++) await journal.append(seq, press(seq))
    const tries: number[] = []
    let away = true
    const send: typeof server.send = (...args) => {
      tries.push(performance.now())
      return away
        ? Promise.reject(new ApiError(503, 'database-away', 'away', { retryAfter: 0.4 }))
        : server.send(...args)
    }
    outbox = createOutbox({ session: session(learner('u-9')), send, backoff: [20], gatherMs: 0 })
    await settle(1000)
    // its own 20 ms pause would have made some fifty tries; the server asked for 400 ms each
    expect(tries.length).toBeGreaterThanOrEqual(2)
    expect(tries.length).toBeLessThanOrEqual(3)
    for (let i = 1; i < tries.length; i++)
      expect(tries[i]! - tries[i - 1]!).toBeGreaterThanOrEqual(390)
    away = false
    for (let i = 0; i < 50 && (server.attempts.get('att-9')?.events.length ?? 0) < 5; i++)
      await settle(20)
    expect(server.attempts.get('att-9')!.events).toEqual([0, 1, 2, 3, 4].map(press))
  })

  it("never sends an attempt under another person's sign-in; its owner's sign-in sends it", async () => {
    const server = fakeServer()
    const journal = await openJournal(record('att-2', 'u-2'))
    await journal.append(0, press(0))
    await journal.append(1, press(1))
    // nobody's attempt (made with nobody signed in) is never sent either
    await (await openJournal(record('att-none', undefined))).append(0, press(0))
    server.signInAs('u-3')
    const people = session(learner('u-3'))
    outbox = createOutbox({ session: people, send: server.send, backoff: [20], gatherMs: 0 })
    await settle(100)
    await outbox.idle()
    expect(server.attempts.has('att-2')).toBe(false)
    expect(server.attempts.has('att-none')).toBe(false)
    server.signInAs('u-2')
    people.setState({ user: learner('u-2') })
    for (let i = 0; i < 50 && !server.attempts.has('att-2'); i++) await settle(20)
    await outbox.idle()
    expect(server.attempts.get('att-2')).toMatchObject({
      owner: 'u-2',
      events: [press(0), press(1)],
    })
    expect(server.attempts.has('att-none')).toBe(false)
  })

  it('notes a refusal for good, keeps the events, and does not try again', async () => {
    const server = fakeServer()
    server.signInAs('u-4')
    server.state.refuse = 'no-attempts-left'
    const journal = await openJournal(record('att-4', 'u-4'))
    await journal.append(0, press(0))
    outbox = createOutbox({
      session: session(learner('u-4')),
      send: server.send,
      backoff: [20],
      gatherMs: 0,
    })
    await settle(100)
    await outbox.idle()
    const kept = await (await getDatabase()).get('attempts', 'att-4')
    expect(kept?.sync?.refused).toBe('no-attempts-left')
    server.state.refuse = undefined
    outbox.kick()
    await settle(100)
    await outbox.idle()
    expect(server.attempts.has('att-4')).toBe(false)
    expect(await (await getDatabase()).countFromIndex('events', 'attemptId', 'att-4')).toBe(1)
  })
})
