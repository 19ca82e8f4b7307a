// The live actions' store against a server that keeps the contract of the live commands' routes
// (in memory here; tests/server/liveCommands.test.ts runs the real server, and the browser test
// liveMessages.test.ts the whole way): a draft's own problem is said before anything is sent, a
// sent message joins the list, the learner's actions list theirs and the class's, a refusal is
// kept (a closed assignment: nothing more to send), and "end now" notes when it closes.
import { describe, expect, it } from 'vitest'
import { ApiError } from '../../../src/state/classroom/api.ts'
import { showsFor, type InboxMessage } from '../../../src/state/classroom/liveInbox.ts'
import {
  createLiveActions,
  draftProblem,
  liveCommandsApi,
  MESSAGE_MAX,
} from '../../../src/state/live/liveCommands.ts'
import type { LiveMessage } from '../../../src/api/live.ts'

/** The routes' contract, in memory: messages numbered 1, 2, 3 …; a closed assignment refuses. */
function fakeServer() {
  const messages: LiveMessage[] = []
  let closed = false
  const refuse = () => ({
    ok: false as const,
    error: new ApiError(409, 'assignment-closed', 'This assignment is closed.'),
  })
  const api: typeof liveCommandsApi = {
    async send(_assignmentId, text, learnerId) {
      if (closed) return refuse()
      const message: LiveMessage = {
        seq: messages.length + 1,
        kind: 'message',
        text,
        toClass: learnerId === null,
        learnerId,
        sentAt: new Date().toISOString(),
        sentBy: 'Thandi Mokoena',
      }
      messages.push(message)
      return { ok: true, value: message }
    },
    list: async () => ({ ok: true, value: [...messages] }),
    async end() {
      if (closed) return refuse()
      messages.push({
        seq: messages.length + 1,
        kind: 'end',
        text: '',
        toClass: true,
        learnerId: null,
        sentAt: new Date().toISOString(),
        sentBy: 'Thandi Mokoena',
      })
      return {
        ok: true,
        value: { seq: messages.length, closesAt: '2026-12-03T10:00:30.000Z', graceSeconds: 30 },
      }
    },
    duringAttempt: async () => ({ ok: true, value: [] }),
  }
  return { api, messages, close: () => (closed = true) }
}

describe('the live actions', () => {
  it('says what is wrong with a draft before sending it', () => {
    expect(draftProblem('  ')).toBe('empty')
    expect(draftProblem('x'.repeat(MESSAGE_MAX + 1))).toBe('too-long')
    expect(draftProblem(` ${'x'.repeat(MESSAGE_MAX)} `)).toBeUndefined()
  })

  it('sends to the class, lists what was sent, ends the assignment once asked', async () => {
    const server = fakeServer()
    const store = createLiveActions('a-1', null, server.api)
    expect(await store.getState().send('   ')).toBe(false)
    expect(store.getState().draftProblem).toBe('empty')
    expect(server.messages).toEqual([])
    expect(await store.getState().send('  Ten minutes left. ')).toBe(true)
    expect(store.getState().draftProblem).toBeNull()
    expect(store.getState().sent.map((m) => [m.text, m.toClass])).toEqual([
      ['Ten minutes left.', true],
    ])
    expect(await store.getState().end()).toBe(true)
    expect(store.getState()).toMatchObject({ closesAt: '2026-12-03T10:00:30.000Z', endSent: true })
    await store.getState().refresh()
    expect(store.getState().sent.map((m) => m.kind)).toEqual(['message', 'end'])
  })

  it("lists a learner's messages and the class's, and stops at a closed assignment", async () => {
    const server = fakeServer()
    await server.api.send('a-1', 'To everyone', null)
    await server.api.send('a-1', 'To Bo', 'bo')
    await server.api.send('a-1', 'To Amina', 'amina')
    const amina = createLiveActions('a-1', 'amina', server.api)
    await amina.getState().refresh()
    expect(amina.getState().sent.map((m) => m.text)).toEqual(['To everyone', 'To Amina'])
    server.close()
    expect(await amina.getState().send('Too late')).toBe(false)
    expect(amina.getState()).toMatchObject({ closed: true })
    expect(amina.getState().refusal?.code).toBe('assignment-closed')
  })
})

describe("the learner's inbox", () => {
  const message = (sentAt: string): InboxMessage => ({
    seq: 1,
    kind: 'message',
    text: 'hi',
    toClass: true,
    sentAt,
  })
  it('shows the messages of this lesson: from a quarter of an hour before the attempt started', () => {
    const start = '2026-12-03T10:00:00.000Z'
    expect(showsFor(message('2026-12-03T10:05:00.000Z'), start)).toBe(true)
    expect(showsFor(message('2026-12-03T09:50:00.000Z'), start)).toBe(true)
    expect(showsFor(message('2026-12-03T09:40:00.000Z'), start)).toBe(false)
    expect(showsFor(message('2026-11-20T10:00:00.000Z'), start)).toBe(false)
  })
})
