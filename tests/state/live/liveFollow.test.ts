// One learner's live 3D view follows their attempt: the first row fetches it whole, each later row
// only the events stored since (from the count held), a new attempt is fetched whole, and a row
// that comes during a fetch is caught up to when it ends. The server is a stand-in that answers
// from a list of stored events, as …/live/learners/:userId/attempt?from=N does.
import { describe, expect, it } from 'vitest'
import type { AttemptEvent } from '../../../src/core/index.ts'
import { createFollowStore, type LiveAttemptAnswer } from '../../../src/state/live/liveFollow.ts'

const event = (t: number): AttemptEvent => ({ t, action: 'press', target: 'stop_btn' })

function server() {
  const stored: { id: string | null; events: AttemptEvent[]; ended: boolean } = {
    id: null,
    events: [],
    ended: false,
  }
  const asked: number[] = []
  let gate: Promise<void> = Promise.resolve()
  const fetchFrom = async (from: number): Promise<LiveAttemptAnswer> => {
    asked.push(from)
    // the answer is what was stored when the request came
    const { id, ended } = stored
    const events = [...stored.events]
    await gate
    return {
      attemptId: id,
      header: id
        ? {
            format: 'practica.attempt/1',
            id,
            scenario: { id: 'conveyor-loto', version: '1.1.0' },
            learner: { id: 'S-1', name: 'Amina' },
            mode: 'practice',
            startedAt: '2026-12-03T10:00:00.000Z',
            faults: [],
          }
        : null,
      from,
      events: id ? events.slice(from) : [],
      nextSeq: events.length,
      ended,
    }
  }
  return {
    stored,
    asked,
    fetchFrom,
    hold() {
      let open = () => undefined as void
      gate = new Promise<void>((r) => (open = r))
      return () => open()
    },
  }
}

const settle = () => new Promise((r) => setTimeout(r, 10))

describe('following a learner live', () => {
  it('fetches only the events stored since, and a new attempt whole', async () => {
    const s = server()
    const follow = createFollowStore(s.fetchFrom)
    follow.getState().catchUp({ attemptId: null, nextSeq: 0 })
    await settle()
    expect(follow.getState()).toMatchObject({ attempt: null, started: false })

    s.stored.id = 'a1'
    s.stored.events = [event(100), event(200)]
    follow.getState().catchUp({ attemptId: 'a1', nextSeq: 2 })
    await settle()
    expect(follow.getState().attempt?.events).toEqual([event(100), event(200)])
    s.stored.events.push(event(300), event(400))
    follow.getState().catchUp({ attemptId: 'a1', nextSeq: 4 })
    await settle()
    expect(follow.getState().attempt?.events.map((e) => e.t)).toEqual([100, 200, 300, 400])
    // a row that says nothing new asks nothing
    follow.getState().catchUp({ attemptId: 'a1', nextSeq: 4 })
    await settle()
    expect(s.asked).toEqual([0, 0, 2])

    // a new attempt: from the start
    s.stored.id = 'a2'
    s.stored.events = [event(50)]
    s.stored.ended = true
    follow.getState().catchUp({ attemptId: 'a2', nextSeq: 1 })
    await settle()
    expect(follow.getState().attempt).toMatchObject({ id: 'a2', events: [event(50)] })
    expect(follow.getState().ended).toBe(true)
    expect(s.asked.at(-1)).toBe(0)
  })

  it('catches up after a fetch to the row that came meanwhile', async () => {
    const s = server()
    s.stored.id = 'a1'
    s.stored.events = [event(1)]
    const follow = createFollowStore(s.fetchFrom)
    const open = s.hold()
    follow.getState().catchUp({ attemptId: 'a1', nextSeq: 1 })
    s.stored.events.push(event(2), event(3))
    follow.getState().catchUp({ attemptId: 'a1', nextSeq: 3 })
    open()
    await settle()
    expect(follow.getState().attempt?.events.map((e) => e.t)).toEqual([1, 2, 3])
    // one fetch at a time: the second asked from what the first brought
    expect(s.asked).toEqual([0, 1])
  })
})
