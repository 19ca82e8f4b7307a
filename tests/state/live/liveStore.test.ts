// The live view's store on its stream: a grid, then learner rows on top of it; a stream the
// browser gave up on (the server answered an error) is opened again from the last id received,
// so the grid stays right; late events of an old stream are ignored; a refusal stops; idleness
// is reckoned on the server's clock; a learner newly in critical danger raises an alert. The
// stream is a stand-in EventSource the test drives; the requests go through the real client
// (apiRequest) to a stand-in fetch that answers as the server does.
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  createLiveStore,
  isIdle,
  serverNow,
  type LiveStore,
} from '../../../src/state/live/liveStore.ts'
import type { LiveGrid, LiveLearner } from '../../../src/api/live.ts'
import { streamUrl, type EventSourceLike } from '../../../src/state/live/liveStream.ts'

class FakeStream implements EventSourceLike {
  readyState = 0
  onopen: ((event: Event) => void) | null = null
  onerror: ((event: Event) => void) | null = null
  closed = false
  private readonly listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>()

  constructor(readonly url: string) {}

  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener])
  }

  close(): void {
    this.closed = true
    this.readyState = 2
  }

  open(): void {
    this.readyState = 1
    this.onopen?.(new Event('open'))
  }

  send(type: string, id: string, data: unknown): void {
    const event = new MessageEvent<string>(type, { data: JSON.stringify(data), lastEventId: id })
    for (const l of this.listeners.get(type) ?? []) l(event)
  }

  /** the connection dropped; `gaveUp`: the browser will not retry (an error answer) */
  drop(gaveUp: boolean): void {
    this.readyState = gaveUp ? 2 : 0
    this.onerror?.(new Event('error'))
  }
}

const learner = (userId: string, over: Partial<LiveLearner> = {}): LiveLearner => ({
  userId,
  learnerId: `L-${userId}`,
  name: `Learner ${userId}`,
  status: 'working',
  attemptId: `a-${userId}`,
  nextSeq: 1,
  currentStep: 'ppe-gloves',
  steps: [],
  stepsDone: 1,
  stepsTotal: 12,
  elapsedMs: 1000,
  hazards: [],
  critical: false,
  lastActivityAt: '2026-12-03T10:00:00.000Z',
  idle: false,
  score: null,
  ...over,
})

const grid = (learners: LiveLearner[]): LiveGrid => ({
  assignmentId: 'as-1',
  scenario: { id: 'conveyor-loto', version: '1.1.0' },
  serverTime: '2026-12-03T10:00:30.000Z',
  idleMinutes: 3,
  stepsTotal: 12,
  learners,
})

/** What the stand-in server answers to GET …/live (the refusal check) and the scenario's bytes. */
let liveAnswer = 200
const requests: string[] = []

function fakeFetch(input: string | URL | Request): Promise<Response> {
  const url = String(input)
  requests.push(url)
  if (url.endsWith('/live'))
    return Promise.resolve(
      liveAnswer === 200
        ? new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } })
        : new Response(
            JSON.stringify({ error: { code: 'forbidden', message: 'Not your class.' } }),
            { status: liveAnswer },
          ),
    )
  return Promise.resolve(
    new Response(JSON.stringify({ error: { code: 'not-found', message: 'No such scenario.' } }), {
      status: 404,
    }),
  )
}

let store: LiveStore | undefined
afterEach(() => {
  store?.getState().stop()
  vi.unstubAllGlobals()
  requests.length = 0
  liveAnswer = 200
})

/** A store on stand-in streams, with a clock at 10:00:00 here (30 s behind the server's). */
function watch() {
  vi.stubGlobal('fetch', vi.fn(fakeFetch))
  const streams: FakeStream[] = []
  let now = Date.parse('2026-12-03T10:00:00.000Z')
  store = createLiveStore('as-1', {
    openStream: (url) => {
      const s = new FakeStream(url)
      streams.push(s)
      return s
    },
    clock: () => now,
    tickMs: 60_000,
    retryMs: 5,
  })
  return { streams, store, setNow: (ms: number) => (now = ms) }
}

const settle = (ms = 30) => new Promise((r) => setTimeout(r, ms))

describe('the live view store', () => {
  it('opens the stream, takes the grid, then each learner row on top of it', () => {
    const { streams, store } = watch()
    expect(streams.map((s) => s.url)).toEqual(['/api/assignments/as-1/live/stream'])
    expect(store.getState().connection).toBe('connecting')
    streams[0]!.open()
    streams[0]!.send('grid', '5', grid([learner('1'), learner('2')]))
    const s = store.getState()
    expect(s.connection).toBe('live')
    expect(s.order).toEqual(['1', '2'])
    expect(s.lastEventId).toBe('5')
    // the server's clock is 30 s ahead of this one
    expect(s.offsetMs).toBe(30_000)
    streams[0]!.send('learner', '6', learner('2', { nextSeq: 4, stepsDone: 3 }))
    streams[0]!.send('learner', '7', learner('3', { name: 'Newcomer' }))
    const after = store.getState()
    expect(after.learners['2']).toMatchObject({ nextSeq: 4, stepsDone: 3 })
    expect(after.learners['1']).toEqual(learner('1'))
    expect(after.order).toEqual(['1', '2', '3'])
    expect(after.lastEventId).toBe('7')
  })

  it('says it is reconnecting while the browser retries, and live again when it is back', () => {
    const { streams, store } = watch()
    streams[0]!.open()
    streams[0]!.send('grid', '5', grid([learner('1')]))
    streams[0]!.drop(false)
    expect(store.getState().connection).toBe('reconnecting')
    // the browser's own retry: the same EventSource, with Last-Event-ID
    expect(streams).toHaveLength(1)
    streams[0]!.open()
    expect(store.getState().connection).toBe('live')
    expect(store.getState().order).toEqual(['1'])
  })

  it('opens a new stream from the last id when the browser gave up, and keeps the grid right', async () => {
    const { streams, store } = watch()
    streams[0]!.open()
    streams[0]!.send('grid', '5', grid([learner('1'), learner('2')]))
    streams[0]!.send('learner', '6', learner('1', { nextSeq: 2 }))
    streams[0]!.drop(true)
    expect(store.getState().connection).toBe('reconnecting')
    await vi.waitFor(() => expect(streams).toHaveLength(2))
    // asked whether the view is still allowed, then resumed from the last id it saw
    expect(requests.some((r) => r.endsWith('/api/assignments/as-1/live'))).toBe(true)
    expect(streams[1]!.url).toBe(streamUrl('as-1', '6'))
    expect(streams[1]!.url).toBe('/api/assignments/as-1/live/stream?lastEventId=6')
    streams[1]!.open()
    streams[1]!.send('learner', '7', learner('2', { nextSeq: 3 }))
    // a late event of the stream given up on changes nothing
    streams[0]!.send('learner', '8', learner('1', { nextSeq: 99 }))
    const s = store.getState()
    expect(s.connection).toBe('live')
    expect(s.learners['1']!.nextSeq).toBe(2)
    expect(s.learners['2']!.nextSeq).toBe(3)
    expect(s.lastEventId).toBe('7')
    // a pruned id: the server sends a whole grid instead, which replaces the rows
    streams[1]!.send('grid', '20', grid([learner('2', { nextSeq: 9 })]))
    expect(store.getState().order).toEqual(['2'])
    expect(store.getState().learners['1']).toBeUndefined()
  })

  it('stops on a refusal, and says why', async () => {
    const { streams, store } = watch()
    liveAnswer = 403
    streams[0]!.drop(true)
    await vi.waitFor(() => expect(store.getState().connection).toBe('refused'))
    expect(store.getState().refusal).toMatchObject({ status: 403, code: 'forbidden' })
    await settle()
    expect(streams).toHaveLength(1)
  })

  it('reckons idleness on the server’s clock with the setting', () => {
    const { streams, store, setNow } = watch()
    streams[0]!.send(
      'grid',
      '1',
      grid([
        learner('1', { lastActivityAt: '2026-12-03T09:58:00.000Z' }),
        learner('2', { status: 'finished', lastActivityAt: '2026-12-03T09:50:00.000Z' }),
        learner('3', { status: 'not-started', attemptId: null, lastActivityAt: null }),
      ]),
    )
    const at = () => serverNow(store.getState())
    const idle = (id: string) => isIdle(store.getState().learners[id]!, at(), 3)
    // 10:00:30 on the server: 2.5 minutes since learner 1's last event
    expect(at()).toBe(Date.parse('2026-12-03T10:00:30.000Z'))
    expect(idle('1')).toBe(false)
    setNow(Date.parse('2026-12-03T10:00:31.000Z'))
    store.setState({ now: Date.parse('2026-12-03T10:00:31.000Z') })
    // 10:01:01 on the server: more than 3 minutes
    expect(idle('1')).toBe(true)
    expect(idle('2')).toBe(false)
    expect(idle('3')).toBe(false)
  })

  it('alerts once when a learner newly raises a critical hazard', () => {
    const { streams, store } = watch()
    streams[0]!.send('grid', '1', grid([learner('1'), learner('2', { critical: true })]))
    expect(store.getState()).toMatchObject({ alerts: 1, alertFor: '2' })
    streams[0]!.send('learner', '2', learner('1', { critical: true, hazards: ['guard-live'] }))
    expect(store.getState()).toMatchObject({ alerts: 2, alertFor: '1' })
    streams[0]!.send('learner', '3', learner('1', { critical: true, nextSeq: 5 }))
    expect(store.getState().alerts).toBe(2)
  })
})
