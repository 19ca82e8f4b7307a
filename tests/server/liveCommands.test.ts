// The instructor's live commands through the real API, on PGlite and on PostgreSQL: who may send
// a message or end an assignment, what a message may be, a learner's inbox stream carrying only
// their own messages and the class's (live, and resumed by Last-Event-ID), "end now" reaching the
// apps, whose own `end` is taken within the grace while the attempts that never send one are
// scored at their last event when the assignment closes (the engine's scoreAttempt of the stored
// events both ways), the live grid told of the close, and the assessor seeing the messages sent
// while an attempt was under way. On PostgreSQL, a learner listening through one server process
// gets what the instructor sends through another.
import { describe, expect, inject, it } from 'vitest'
import { scoreAttempt, type Attempt, type AttemptEvent } from '../../src/core/index.ts'
import { END_GRACE_MS, MESSAGE_MAX } from '../../src/server/live/commands.ts'
import { generateAttempts } from '../bench/generate.ts'
import { forEachDatabase, twoProcesses } from './harness.ts'
import { Stream, type SseEvent } from './sseReader.ts'
import { eventsPath, headerFor, workClass, type Learner, type WorkClass } from './workSetup.ts'

const messagesPath = (w: WorkClass) => `/api/assignments/${w.assignmentId}/messages`
const endPath = (w: WorkClass) => `/api/assignments/${w.assignmentId}/end`
const inboxPath = (w: WorkClass, query = '') =>
  `/api/assignments/${w.assignmentId}/inbox/stream${query}`

/** Everything a learner's inbox holds now (the stream ends once it sent it). */
async function inboxNow(w: WorkClass, learner: Learner, after?: number): Promise<SseEvent[]> {
  const stream = new Stream(
    learner.client,
    inboxPath(w, '?maxSeconds=0'),
    after === undefined ? {} : { 'last-event-id': String(after) },
  )
  expect(await stream.status).toBe(200)
  await stream.take(1000, 5000)
  expect(stream.ended).toBe(true)
  return stream.events
}

/** A generated run of the conveyor (ends with `end`), seeded. */
const generated = (w: WorkClass, seed: number): AttemptEvent[] =>
  generateAttempts(w.model, 1, 59, 240_000, seed)[0]!.events

/** Sends events as one batch from `from` (the header with the first); the answer. */
async function send(
  w: WorkClass,
  learner: Learner,
  header: ReturnType<typeof headerFor>,
  events: readonly AttemptEvent[],
  from: number,
) {
  return learner.client.post(eventsPath(w.assignmentId, header.id), {
    ...(from === 0 ? { header } : {}),
    from,
    events,
  })
}

const engineResult = (
  header: ReturnType<typeof headerFor>,
  events: AttemptEvent[],
  w: WorkClass,
) => {
  const attempt: Attempt = { ...header, events }
  const scored = scoreAttempt(w.model, attempt)
  if (!scored.ok) throw new Error('the attempt does not score')
  return scored.value
}

forEachDatabase('live commands', (server) => {
  it('lets the class instructor and admins send, assessors read, and refuses bad messages clearly', async () => {
    const w = await workClass(server())
    const amina = await w.learner('Amina Phiri')
    const assessor = await server().signIn('assessor', { classId: w.classId })
    const admin = await server().signIn('admin')

    const toClass = await w.instructor.post(messagesPath(w), { text: '  Ten minutes left.  ' })
    expect(toClass.status, JSON.stringify(toClass.body)).toBe(201)
    expect(toClass.body).toMatchObject({
      seq: 1,
      kind: 'message',
      text: 'Ten minutes left.',
      toClass: true,
      learnerId: null,
    })
    const byAdmin = await admin.client.post(messagesPath(w), {
      text: 'Lock the isolator first.',
      learnerId: amina.userId,
    })
    expect(byAdmin.status).toBe(201)
    expect(byAdmin.body).toMatchObject({ seq: 2, toClass: false, learnerId: amina.userId })

    // learners and assessors may not send; the assessor reads what was sent
    expect((await amina.client.post(messagesPath(w), { text: 'hi' })).status).toBe(403)
    expect((await assessor.client.post(messagesPath(w), { text: 'hi' })).status).toBe(403)
    expect((await assessor.client.post(endPath(w))).status).toBe(403)
    expect((await amina.client.post(endPath(w))).status).toBe(403)
    const list = await assessor.client.get(messagesPath(w))
    expect(list.status).toBe(200)
    expect(list.body.map((m: any) => m.text)).toEqual([
      'Ten minutes left.',
      'Lock the isolator first.',
    ])
    expect(list.body[1].sentBy).toBe(byAdmin.body.sentBy)
    // staff have no inbox
    expect((await w.instructor.get(inboxPath(w, '?maxSeconds=0'))).status).toBe(403)

    const refusals: [unknown, number, string][] = [
      [{ text: '   ' }, 400, 'empty'],
      [{ text: 'x'.repeat(MESSAGE_MAX + 1) }, 400, `at most ${MESSAGE_MAX}`],
      [{ text: 'hi', learnerId: 'S-1' }, 400, 'learnerId'],
      [{ text: 'hi', to: 'everyone' }, 400, 'to'],
      [{}, 400, 'text'],
      [{ text: 'hi', learnerId: admin.userId }, 404, 'no such learner'],
    ]
    for (const [body, status, words] of refusals) {
      const answer = await w.instructor.post(messagesPath(w), body)
      expect(answer.status, JSON.stringify(body)).toBe(status)
      expect(answer.body.error.message).toContain(words)
    }
    // nothing refused was stored
    expect((await w.instructor.get(messagesPath(w))).body).toHaveLength(2)
    // another class's learner is not one of this class
    const other = await workClass(server())
    const stranger = await other.learner('Stranger')
    const wrong = await w.instructor.post(messagesPath(w), {
      text: 'hi',
      learnerId: stranger.userId,
    })
    expect(wrong.status).toBe(404)
  })

  it("gives a learner only their own messages and the class's, live and resumed by Last-Event-ID", async () => {
    const w = await workClass(server())
    const amina = await w.learner('Amina Phiri')
    const bo = await w.learner('Bo Chen')
    const live = new Stream(amina.client, inboxPath(w))
    expect(await live.status).toBe(200)
    const say = async (text: string, to?: Learner) => {
      const answer = await w.instructor.post(messagesPath(w), {
        text,
        ...(to ? { learnerId: to.userId } : {}),
      })
      expect(answer.status).toBe(201)
      return answer.body.seq as number
    }
    await say('Everyone: start with the lockout.')
    await say('Amina: check the guard.', amina)
    await say('Bo: put your gloves on.', bo)
    const last = await say('Everyone: five minutes.')

    // the open stream got Amina's and the class's, in order, without a reconnect
    const got = await live.take(3)
    expect(got.map((e) => [e.event, e.id, e.data.text])).toEqual([
      ['message', '1', 'Everyone: start with the lockout.'],
      ['message', '2', 'Amina: check the guard.'],
      ['message', '4', 'Everyone: five minutes.'],
    ])
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(live.events).toHaveLength(3)
    live.close()

    expect((await inboxNow(w, bo)).map((e) => e.data.text)).toEqual([
      'Everyone: start with the lockout.',
      'Bo: put your gloves on.',
      'Everyone: five minutes.',
    ])
    // resuming after id 2 (a dropped connection): only what came after, nothing twice
    expect((await inboxNow(w, amina, 2)).map((e) => e.id)).toEqual(['4'])
    expect(await inboxNow(w, amina, last)).toEqual([])
    // the query form of the id too (a client that cannot set the header)
    const byQuery = new Stream(amina.client, inboxPath(w, '?maxSeconds=0&lastEventId=1'))
    await byQuery.take(10, 3000)
    expect(byQuery.events.map((e) => e.id)).toEqual(['2', '4'])
    // a learner of another class may not listen
    const other = await workClass(server())
    const stranger = await other.learner('Stranger')
    expect((await stranger.client.get(inboxPath(w, '?maxSeconds=0'))).status).toBe(403)
    expect((await amina.client.get(inboxPath(w, '?maxSeconds=soon'))).status).toBe(400)
  })

  it("ends the assignment now: the apps' own end is taken within the grace, the rest are scored at their last event", async () => {
    const s = server()
    const w = await workClass(s, { mode: 'assessment' })
    const online = await w.learner('Online Learner')
    const offline = await w.learner('Offline Learner')
    const idle = await w.learner('Never Started')
    const onlineHeader = headerFor(w.model, online, 'assessment')
    const offlineHeader = headerFor(w.model, offline, 'assessment')
    // both are partway through (no `end` yet)
    const onlineEvents = generated(w, 11)
      .filter((e) => e.action !== 'end')
      .slice(0, 25)
    const offlineEvents = generated(w, 12)
      .filter((e) => e.action !== 'end')
      .slice(0, 18)
    expect((await send(w, online, onlineHeader, onlineEvents, 0)).status).toBe(200)
    expect((await send(w, offline, offlineHeader, offlineEvents, 0)).status).toBe(200)
    const message = await w.instructor.post(messagesPath(w), {
      text: 'Finish the step you are on.',
      learnerId: online.userId,
    })
    expect(message.status).toBe(201)

    const inbox = new Stream(online.client, inboxPath(w))
    const idleInbox = new Stream(idle.client, inboxPath(w))
    const grid = new Stream(w.instructor, `/api/assignments/${w.assignmentId}/live/stream`)
    expect(await grid.status).toBe(200)
    await grid.take(1)
    const before = Date.now()
    const ended = await w.instructor.post(endPath(w))
    expect(ended.status, JSON.stringify(ended.body)).toBe(202)
    expect(ended.body.graceSeconds).toBe(END_GRACE_MS / 1000)
    const closesAt = Date.parse(ended.body.closesAt)
    expect(closesAt).toBeGreaterThanOrEqual(before + END_GRACE_MS - 1000)
    expect(closesAt).toBeLessThanOrEqual(Date.now() + END_GRACE_MS + 1000)
    // the assignment says when it closes; it is not closed yet
    const listed = await w.instructor.get(`/api/classes/${w.classId}/assignments`)
    const assignment = listed.body.find((a: any) => a.id === w.assignmentId)
    expect(assignment).toMatchObject({ closesAt: ended.body.closesAt, closedAt: null })

    // every learner's app is told, after what it was sent before
    const got = await inbox.take(2)
    expect(got.map((e) => e.event)).toEqual(['message', 'end'])
    expect(got[1]!.data).toMatchObject({ kind: 'end', toClass: true, text: '' })
    expect((await idleInbox.take(1)).map((e) => e.event)).toEqual(['end'])
    inbox.close()
    idleInbox.close()

    // the online app appends `end` itself and sends it within the grace: taken, scored as sent
    s.advance(END_GRACE_MS - 5000)
    const last = onlineEvents[onlineEvents.length - 1]!.t
    const withEnd = [...onlineEvents, { t: last + 1500, action: 'end' }]
    const answer = await send(w, online, onlineHeader, withEnd.slice(25), 25)
    expect(answer.status, JSON.stringify(answer.body)).toBe(200)
    expect(answer.body.ended).toBe(true)
    expect(answer.body.result).toEqual(engineResult(onlineHeader, withEnd, w))
    // a second "end now" does not move the close later; messages still go until it closes
    const again = await w.instructor.post(endPath(w))
    expect(again.status).toBe(202)
    expect(again.body.closesAt).toBe(ended.body.closesAt)

    // the grace is over: the server process closes the assignment by itself (no request needed),
    // and the offline attempt is scored at its last event, as the spec says
    s.advance(6000)
    const closedAt = async () =>
      (
        await s.db
          .selectFrom('assignments')
          .select('closed_at')
          .where('id', '=', w.assignmentId)
          .executeTakeFirstOrThrow()
      ).closed_at
    for (let waited = 0; !(await closedAt()) && waited < 5000; waited += 100)
      await new Promise((resolve) => setTimeout(resolve, 100))
    expect(await closedAt()).not.toBeNull()
    const results = await w.instructor.get(`/api/assignments/${w.assignmentId}/results`)
    expect(results.status).toBe(200)
    const offlineResult = results.body.attempts.find((a: any) => a.attempt.id === offlineHeader.id)
    expect(offlineResult.ended).toBe(true)
    expect(offlineResult.result).toEqual(engineResult(offlineHeader, offlineEvents, w))
    // the live grid was told: the offline learner's row, finished with the server's score
    const finishedRow = () =>
      grid.events.find(
        (e) =>
          e.event === 'learner' && e.data.userId === offline.userId && e.data.status === 'finished',
      )
    for (let waited = 0; !finishedRow() && waited < 5000; waited += 50)
      await new Promise((resolve) => setTimeout(resolve, 50))
    const offlineRow = finishedRow()
    expect(offlineRow?.data).toMatchObject({
      status: 'finished',
      score: { raw: offlineResult.result.score.raw, percent: offlineResult.result.score.percent },
    })
    grid.close()

    // closed: nothing more is taken, sent or ended
    const late = await send(w, offline, offlineHeader, [{ t: 999_999, action: 'end' }], 18)
    expect(late.status).toBe(409)
    expect((await w.instructor.post(messagesPath(w), { text: 'too late' })).status).toBe(409)
    const endAgain = await w.instructor.post(endPath(w))
    expect(endAgain.status).toBe(409)
    expect(endAgain.body.error.code).toBe('assignment-closed')

    // the assessor sees, beside each attempt, what its learner was sent while it was under way
    const assessor = await s.signIn('assessor', { classId: w.classId })
    const seen = await assessor.client.get(`/api/attempts/${onlineHeader.id}/messages`)
    expect(seen.status).toBe(200)
    expect(seen.body.map((m: any) => [m.kind, m.text])).toEqual([
      ['message', 'Finish the step you are on.'],
      ['end', ''],
    ])
    const offlineSeen = await assessor.client.get(`/api/attempts/${offlineHeader.id}/messages`)
    expect(offlineSeen.body.map((m: any) => m.kind)).toEqual(['end'])
    // a learner may not read them through the review route
    expect((await online.client.get(`/api/attempts/${onlineHeader.id}/messages`)).status).toBe(403)
  })

  it("publishes the grid on the instructor's own close too", async () => {
    const s = server()
    const w = await workClass(s)
    const bo = await w.learner('Bo Chen')
    const header = headerFor(w.model, bo)
    const events = generated(w, 21)
      .filter((e) => e.action !== 'end')
      .slice(0, 10)
    expect((await send(w, bo, header, events, 0)).status).toBe(200)
    // the instructor's own close (no end command): the grid shows the score
    const grid = new Stream(w.instructor, `/api/assignments/${w.assignmentId}/live/stream`)
    await grid.take(1)
    const closed = await w.instructor.post(`/api/assignments/${w.assignmentId}/close`)
    expect(closed.status).toBe(200)
    const got = await grid.take(2, 5000)
    const row = got.filter((e) => e.event === 'learner' && e.data.userId === bo.userId).at(-1)
    expect(row?.data).toMatchObject({ status: 'finished', attemptId: header.id })
    expect(row?.data.score.raw).toBe(engineResult(header, events, w).score.raw)
    grid.close()
  })
})

describe('live commands across server processes [postgres]', () => {
  const missing = inject('postgresMissing')
  it.skipIf(missing !== '' && !process.env['CI'])(
    'a learner listening through process B gets the message and the end sent through process A',
    async () => {
      if (missing) throw new Error(`No PostgreSQL server for the tests under CI: ${missing}`)
      const two = await twoProcesses()
      try {
        const w = await workClass(two.onA)
        const learner = await w.learner()
        const viaB = two.viaB(learner.client)
        const inbox = new Stream(viaB, inboxPath(w))
        expect(await inbox.status).toBe(200)
        // the stream is open (and B listens) before anything is sent through A
        await new Promise((resolve) => setTimeout(resolve, 300))
        expect(inbox.events).toEqual([])
        const sent = await w.instructor.post(messagesPath(w), {
          text: 'Hands off the belt.',
          learnerId: learner.userId,
        })
        expect(sent.status).toBe(201)
        expect((await w.instructor.post(endPath(w))).status).toBe(202)
        const got = await inbox.take(2)
        expect(got.map((e) => [e.event, e.id, e.data.text])).toEqual([
          ['message', '1', 'Hands off the belt.'],
          ['end', '2', ''],
        ])
        inbox.close()
      } finally {
        await two.close()
      }
    },
    60_000,
  )
})
