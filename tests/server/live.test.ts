// The live class view through the real API, on PGlite and on PostgreSQL: the grid is the engine's
// replay of the stored events (the scores the CLI's engine gives), the stream sends a grid and
// then every learner's batch in order, a reconnect with Last-Event-ID gets exactly the updates it
// missed, only the class's staff may watch, and on PostgreSQL an instructor streaming from one
// server process sees the batches a learner stores through another, even after the listening
// connection was cut.
import { randomUUID } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { sql } from 'kysely'
import pg from 'pg'
import { describe, expect, inject, it } from 'vitest'
import {
  replayTo,
  scoreAttempt,
  type Attempt,
  type AttemptEvent,
  type Model,
} from '../../src/core/index.ts'
import { hubFor, insertUpdate } from '../../src/server/live/hub.ts'
import { HEARTBEAT_MS } from '../../src/server/live/stream.ts'
import { forgetProgress, keptProgress } from '../../src/server/live/progress.ts'
import { generateAttempts } from '../bench/generate.ts'
import { forEachDatabase, startTestServer, twoProcesses } from './harness.ts'
import { Stream } from './sseReader.ts'
import { cli, scratchFolder } from '../cli/runCli.ts'
import {
  CONVEYOR_FILE,
  eventsPath,
  headerFor,
  workClass,
  type Learner,
  type WorkClass,
} from './workSetup.ts'

const livePath = (w: WorkClass) => `/api/assignments/${w.assignmentId}/live`
const streamPath = (w: WorkClass, query = '') => `${livePath(w)}/stream${query}`

/** A generated attempt of the conveyor (its events end with `end`), seeded. */
function generated(model: Model, seed: number): AttemptEvent[] {
  return generateAttempts(model, 1, 59, 240_000, seed)[0]!.events
}

/** Sends events[from, to) as one batch (the header with the first). */
async function send(
  w: WorkClass,
  learner: Learner,
  header: ReturnType<typeof headerFor>,
  events: readonly AttemptEvent[],
  from: number,
  to: number,
) {
  const answer = await learner.client.post(eventsPath(w.assignmentId, header.id), {
    ...(from === 0 ? { header } : {}),
    from,
    events: events.slice(from, to),
  })
  expect(answer.status, JSON.stringify(answer.body)).toBe(200)
  return answer.body
}

/** What the engine says of the events: steps done, hazards raised, the score when finished. */
function engineView(model: Model, header: ReturnType<typeof headerFor>, events: AttemptEvent[]) {
  const attempt: Attempt = { ...header, events }
  const scored = scoreAttempt(model, attempt)
  if (!scored.ok) throw new Error('the attempt does not score')
  const state = replayTo(model, attempt, Infinity)
  const hazards: string[] = []
  for (const h of scored.value.hazards) if (!hazards.includes(h.id)) hazards.push(h.id)
  return {
    stepsDone: scored.value.steps.filter((s) => s.complete).length,
    stepsDoneByReplay: state.stepDone.filter(Boolean).length,
    hazards,
    critical: scored.value.hazards.some((h) => h.severity === 'critical'),
    elapsedMs: events.length ? events[events.length - 1]!.t : 0,
    result: scored.value,
  }
}

forEachDatabase('live class view', (server) => {
  it('computes the grid with the engine from the stored events, as the CLI scores them', async () => {
    const w = await workClass(server())
    const idle = await w.learner('Not Started')
    const partial = await w.learner('Half Way')
    const done = await w.learner('Finished')
    const partialEvents = generated(w.model, 5).slice(0, 30)
    const doneEvents = generated(w.model, 7)
    const ph = headerFor(w.model, partial)
    const dh = headerFor(w.model, done)
    for (let from = 0; from < partialEvents.length; from += 10)
      await send(w, partial, ph, partialEvents, from, from + 10)
    for (let from = 0; from < doneEvents.length; from += 25)
      await send(w, done, dh, doneEvents, from, from + 25)

    const answer = await w.instructor.get(livePath(w))
    expect(answer.status).toBe(200)
    const grid = answer.body
    expect(grid).toMatchObject({
      assignmentId: w.assignmentId,
      idleMinutes: 3,
      stepsTotal: w.model.steps.length,
    })
    const row = (l: Learner) => grid.learners.find((r: any) => r.userId === l.userId)
    expect(row(idle)).toMatchObject({
      status: 'not-started',
      attemptId: null,
      stepsDone: 0,
      hazards: [],
      critical: false,
      score: null,
      idle: false,
    })
    const p = engineView(w.model, ph, partialEvents)
    expect(row(partial)).toMatchObject({
      status: 'working',
      attemptId: ph.id,
      nextSeq: 30,
      stepsDone: p.stepsDone,
      elapsedMs: p.elapsedMs,
      hazards: p.hazards,
      critical: p.critical,
      score: null,
      idle: false,
    })
    expect(row(partial).stepsDone).toBe(p.stepsDoneByReplay)
    expect(row(partial).steps.map((s: any) => s.id)).toEqual(w.model.steps.map((s) => s.id))
    expect(row(partial).steps.filter((s: any) => /done|outOfOrder/.test(s.status))).toHaveLength(
      p.stepsDone,
    )
    const d = engineView(w.model, dh, doneEvents)
    // this run raised hazards, a critical one among them
    expect(d.hazards.length).toBeGreaterThan(1)
    expect(d.critical).toBe(true)
    expect(row(done)).toMatchObject({
      status: 'finished',
      nextSeq: doneEvents.length,
      stepsDone: d.stepsDone,
      hazards: d.hazards,
      critical: d.critical,
      currentStep: null,
      score: {
        status: d.result.status,
        passed: d.result.passed,
        raw: d.result.score.raw,
        max: d.result.score.max,
        percent: d.result.score.percent,
        revision: 1,
      },
    })
    // the stored result is the engine's too
    const stored = await w.instructor.get(`/api/attempts/${dh.id}`)
    expect(stored.body.result).toEqual(d.result)
    // and `practica score` on the stored events says the same as the grid
    const scratch = scratchFolder('practica-live-')
    for (const [attemptId, l] of [
      [dh.id, done],
      [ph.id, partial],
    ] as const) {
      const back = (await w.instructor.get(`/api/attempts/${attemptId}`)).body
      const file = scratch.file(
        `${attemptId}.json`,
        JSON.stringify({ ...back.header, events: back.events }),
      )
      const scored = cli('score', fileURLToPath(CONVEYOR_FILE), file)
      expect(scored.status, scored.err).toBe(0)
      const result = JSON.parse(scored.out)
      expect(row(l).stepsDone).toBe(result.steps.filter((s: any) => s.complete).length)
      expect(row(l).hazards).toEqual([...new Set(result.hazards.map((h: any) => h.id))])
      expect(row(l).elapsedMs).toBe(back.events[back.events.length - 1].t)
      if (l === done)
        expect(row(l).score).toMatchObject({
          raw: result.score.raw,
          percent: result.score.percent,
          passed: result.passed,
        })
    }

    // computed from the start (nothing kept), the grid is the same
    forgetProgress()
    const again = await w.instructor.get(livePath(w))
    expect(again.body.learners).toEqual(grid.learners)
    expect(keptProgress(ph.id)).toBe(30)
  })

  it('advances the kept state with the new events only, to the same state as a replay', async () => {
    const w = await workClass(server())
    const learner = await w.learner()
    const events = generated(w.model, 11).slice(0, 40)
    const header = headerFor(w.model, learner)
    await send(w, learner, header, events, 0, 20)
    expect(keptProgress(header.id)).toBe(20)
    await send(w, learner, header, events, 20, 40)
    expect(keptProgress(header.id)).toBe(40)
    const incremental = (await w.instructor.get(livePath(w))).body.learners[0]
    forgetProgress()
    const replayed = (await w.instructor.get(livePath(w))).body.learners[0]
    expect(incremental).toEqual(replayed)
    expect(incremental.stepsDone).toBe(engineView(w.model, header, events).stepsDone)
  })

  it('shows a learner idle after the minutes set, by the query or by the instructor', async () => {
    const w = await workClass(server())
    const learner = await w.learner()
    const header = headerFor(w.model, learner)
    await send(w, learner, header, generated(w.model, 3), 0, 5)
    expect((await w.instructor.get(livePath(w))).body.learners[0].idle).toBe(false)
    server().advance(4 * 60_000)
    expect((await w.instructor.get(livePath(w))).body.learners[0].idle).toBe(true)
    expect((await w.instructor.get(`${livePath(w)}?idle=10`)).body.learners[0].idle).toBe(false)
    const set = await w.instructor.put(`${livePath(w)}/idle`, { minutes: 5 })
    expect(set.status).toBe(200)
    expect(set.body).toEqual({ idleMinutes: 5, default: false })
    const grid = (await w.instructor.get(livePath(w))).body
    expect(grid.idleMinutes).toBe(5)
    expect(grid.learners[0].idle).toBe(false)
    const bad = await w.instructor.get(`${livePath(w)}?idle=0`)
    expect(bad.status).toBe(400)
    expect(bad.body.error.message).toMatch(/idle.*whole number from 1 to 600/)
    const badSet = await w.instructor.put(`${livePath(w)}/idle`, { minutes: 0.5 })
    expect(badSet.status).toBe(400)
    expect((await w.instructor.put(`${livePath(w)}/idle`, { minutes: null })).body).toEqual({
      idleMinutes: 3,
      default: true,
    })
  })

  it('streams a grid, then each stored batch in order, and resumes by Last-Event-ID', async () => {
    const w = await workClass(server())
    const a = await w.learner('Ana')
    const b = await w.learner('Ben')
    const stream = new Stream(w.instructor, streamPath(w))
    expect(await stream.status).toBe(200)
    expect(stream.headers!.get('content-type')).toBe('text/event-stream')
    expect(stream.headers!.get('x-accel-buffering')).toBe('no')
    const [grid] = await stream.take(1)
    expect(grid!.event).toBe('grid')
    expect(grid!.data.learners.map((r: any) => r.status)).toEqual(['not-started', 'not-started'])
    const start = Number(grid!.id)

    const ae = generated(w.model, 21)
    const be = generated(w.model, 22)
    const ah = headerFor(w.model, a)
    const bh = headerFor(w.model, b)
    // interleaved: a 0–10, b 0–10, a 10–20, b 10–20
    await send(w, a, ah, ae, 0, 10)
    await send(w, b, bh, be, 0, 10)
    await send(w, a, ah, ae, 10, 20)
    await send(w, b, bh, be, 10, 20)
    const got = (await stream.take(5)).slice(1)
    expect(got.map((e) => e.event)).toEqual(['learner', 'learner', 'learner', 'learner'])
    expect(got.map((e) => Number(e.id))).toEqual([start + 1, start + 2, start + 3, start + 4])
    expect(got.map((e) => [e.data.userId, e.data.nextSeq])).toEqual([
      [a.userId, 10],
      [b.userId, 10],
      [a.userId, 20],
      [b.userId, 20],
    ])
    expect(got[2]!.data.stepsDone).toBe(engineView(w.model, ah, ae.slice(0, 20)).stepsDone)
    const lastSeen = got[3]!.id!
    stream.close()

    // while the instructor is away: three more batches and an end
    await send(w, a, ah, ae, 20, 30)
    await send(w, b, bh, be, 20, 30)
    const ended = await send(w, a, ah, ae, 30, ae.length)
    expect(ended.ended).toBe(true)
    const back = new Stream(w.instructor, streamPath(w, '?maxSeconds=0'), {
      'last-event-id': lastSeen,
    })
    const missed = await back.take(99)
    expect(back.ended).toBe(true)
    expect(missed.map((e) => e.event)).toEqual(['learner', 'learner', 'learner'])
    expect(missed.map((e) => Number(e.id))).toEqual([start + 5, start + 6, start + 7])
    expect(missed.map((e) => [e.data.userId, e.data.nextSeq, e.data.status])).toEqual([
      [a.userId, 30, 'working'],
      [b.userId, 30, 'working'],
      [a.userId, ae.length, 'finished'],
    ])
    const score = engineView(w.model, ah, ae).result.score
    expect(missed[2]!.data.score).toMatchObject({ raw: score.raw, percent: score.percent })

    // an id it never gave (or one whose updates were pruned) gets the whole grid instead
    const unknown = new Stream(w.instructor, streamPath(w, '?maxSeconds=0'), {
      'last-event-id': '999999',
    })
    const fresh = await unknown.take(99)
    expect(fresh.map((e) => e.event)).toEqual(['grid'])
    expect(Number(fresh[0]!.id)).toBe(start + 7)
    // the closed and ended streams are let go of
    const hub = hubFor(server().db)
    for (let i = 0; i < 50 && hub.size > 0; i++) await new Promise((r) => setTimeout(r, 100))
    expect(hub.size).toBe(0)
  })

  it('shows the latest attempt: a late batch of an earlier one sends no update', async () => {
    const w = await workClass(server())
    const learner = await w.learner()
    const first = headerFor(w.model, learner)
    const events = generated(w.model, 71)
    await send(w, learner, first, events, 0, 10)
    server().advance(1000)
    const second = headerFor(w.model, learner)
    await send(w, learner, second, events, 0, 5)
    const stream = new Stream(w.instructor, streamPath(w))
    const [grid] = await stream.take(1)
    expect(grid!.data.learners[0]).toMatchObject({ attemptId: second.id, nextSeq: 5 })
    await send(w, learner, first, events, 10, 20)
    await send(w, learner, second, events, 5, 10)
    const got = (await stream.take(2)).slice(1)
    expect(got.map((e) => [Number(e.id), e.data.attemptId, e.data.nextSeq])).toEqual([
      [Number(grid!.id) + 1, second.id, 10],
    ])
    expect((await w.instructor.get(livePath(w))).body.learners[0].attemptId).toBe(second.id)
    stream.close()
  })

  it('replays from the table, not from memory: pruned updates mean a fresh grid', async () => {
    const w = await workClass(server())
    const learner = await w.learner()
    const header = headerFor(w.model, learner)
    const events = generated(w.model, 31)
    await send(w, learner, header, events, 0, 10)
    await send(w, learner, header, events, 10, 20)
    const rows = await server()
      .db.selectFrom('live_updates')
      .select(['seq'])
      .where('assignment_id', '=', w.assignmentId)
      .orderBy('seq')
      .execute()
    expect(rows.map((r) => Number(r.seq))).toEqual([1, 2])
    const resumed = new Stream(w.instructor, streamPath(w, '?maxSeconds=0'), {
      'last-event-id': '1',
    })
    expect((await resumed.take(9)).map((e) => [e.event, e.id, e.data.nextSeq])).toEqual([
      ['learner', '2', 20],
    ])
    // the two are more than a day old; the next batch (ten minutes on: pruning is due) prunes them
    await sql`UPDATE live_updates SET at = at - interval '25 hours'
               WHERE assignment_id = ${w.assignmentId}`.execute(server().db)
    server().advance(11 * 60_000)
    await send(w, learner, header, events, 20, 25)
    // the pruning follows the batch's acknowledgement (hub.ts: after the write it waited for)
    await expect
      .poll(async () => {
        const left = await server()
          .db.selectFrom('live_updates')
          .select(['seq'])
          .where('assignment_id', '=', w.assignmentId)
          .execute()
        return left.map((r) => Number(r.seq))
      })
      .toEqual([3])
    const late = new Stream(w.instructor, streamPath(w, '?maxSeconds=0'), {
      'last-event-id': '1',
    })
    const got = await late.take(9)
    expect(got.map((e) => [e.event, e.id])).toEqual([['grid', '3']])
    expect(got[0]!.data.learners[0].nextSeq).toBe(25)
  })

  it('shows the attempts a close ended, scored at their last event, on the stream and the grid', async () => {
    const closesAt = new Date(Date.now() + 30 * 60_000).toISOString()
    const w = await workClass(server(), { closesAt })
    const learner = await w.learner()
    const header = headerFor(w.model, learner)
    const events = generated(w.model, 61).slice(0, 25)
    await send(w, learner, header, events, 0, 25)
    const stream = new Stream(w.instructor, streamPath(w))
    const [grid] = await stream.take(1)
    expect(grid!.data.learners[0].status).toBe('working')
    server().advance(31 * 60_000)
    // the grid's read processes the close that is now due, like every read of attempts
    const after = await w.instructor.get(livePath(w))
    const expected = engineView(w.model, header, events).result
    expect(after.body.learners[0]).toMatchObject({
      status: 'finished',
      score: { raw: expected.score.raw, percent: expected.score.percent, revision: 1 },
    })
    const got = (await stream.take(2)).slice(1)
    expect(got.map((e) => [e.event, Number(e.id), e.data.status, e.data.score?.raw])).toEqual([
      ['learner', Number(grid!.id) + 1, 'finished', expected.score.raw],
    ])
    stream.close()
  })

  it("gives a learner's latest attempt with its events from a seq on, to the class's staff only", async () => {
    const w = await workClass(server())
    const a = await w.learner('Ana')
    const attemptPath = (userId: string, query = '') =>
      `${livePath(w)}/learners/${userId}/attempt${query}`
    const none = await w.instructor.get(attemptPath(a.userId))
    expect(none.status).toBe(200)
    expect(none.body).toEqual({
      attemptId: null,
      header: null,
      from: 0,
      events: [],
      nextSeq: 0,
      ended: false,
    })
    const events = generated(w.model, 31)
    const header = headerFor(w.model, a)
    await send(w, a, header, events, 0, 10)
    const first = await w.instructor.get(attemptPath(a.userId, '?from=0'))
    expect(first.body).toMatchObject({ attemptId: header.id, from: 0, nextSeq: 10, ended: false })
    expect(first.body.header).toEqual({ ...header, faults: header.faults ?? [] })
    expect(first.body.events).toEqual(events.slice(0, 10))
    await send(w, a, header, events, 10, events.length)
    const rest = await w.instructor.get(attemptPath(a.userId, '?from=10'))
    expect(rest.body).toMatchObject({ from: 10, nextSeq: events.length, ended: true })
    expect(rest.body.events).toEqual(events.slice(10))
    // the header and the events put together replay as the stored attempt scores
    const joined: Attempt = {
      ...first.body.header,
      events: [...first.body.events, ...rest.body.events],
    }
    expect(scoreAttempt(w.model, joined)).toEqual(scoreAttempt(w.model, { ...header, events }))
    const past = await w.instructor.get(attemptPath(a.userId, `?from=${events.length}`))
    expect(past.body).toMatchObject({ from: events.length, events: [], nextSeq: events.length })

    // a bad `from`, someone not in the class, an id that is no id: said plainly
    const bad = await w.instructor.get(attemptPath(a.userId, '?from=-1'))
    expect(bad.status).toBe(400)
    expect(bad.body.error.message).toMatch(/"from" is the first event wanted/)
    const stranger = await server().signIn('learner', {
      classId: await server().makeClass((await server().signIn('instructor')).userId),
    })
    for (const userId of [stranger.userId, randomUUID(), 'not-an-id']) {
      const answer = await w.instructor.get(attemptPath(userId))
      expect(answer.status).toBe(404)
      expect(answer.body.error.message).toBe("There is no such learner in this assignment's class.")
    }
    // the class's staff only
    const classId = (
      await server()
        .db.selectFrom('assignments')
        .select('class_id')
        .where('id', '=', w.assignmentId)
        .executeTakeFirstOrThrow()
    ).class_id
    const assessor = await server().signIn('assessor', { classId })
    const other = await server().signIn('instructor')
    expect((await assessor.client.get(attemptPath(a.userId))).status).toBe(200)
    expect((await a.client.get(attemptPath(a.userId))).status).toBe(403)
    expect((await other.client.get(attemptPath(a.userId))).status).toBe(403)
    expect((await server().client().get(attemptPath(a.userId))).status).toBe(401)
  })

  it('lets the class’s instructor, its assessor and an admin watch; not a learner or another class', async () => {
    const w = await workClass(server())
    const learner = await w.learner()
    const other = await server().signIn('instructor')
    const classId = (
      await server()
        .db.selectFrom('assignments')
        .select('class_id')
        .where('id', '=', w.assignmentId)
        .executeTakeFirstOrThrow()
    ).class_id
    const assessor = await server().signIn('assessor', { classId })
    const admin = await server().signIn('admin')
    for (const path of [livePath(w), streamPath(w, '?maxSeconds=0')]) {
      for (const refused of [learner.client, other.client]) {
        const answer = await refused.get(path)
        expect(answer.status).toBe(403)
        expect(answer.body.error.message).toEqual(expect.any(String))
      }
      expect((await server().client().get(path)).status).toBe(401)
      for (const allowed of [w.instructor, assessor.client, admin.client])
        expect((await allowed.get(path)).status).toBe(200)
    }
    expect((await assessor.client.put(`${livePath(w)}/idle`, { minutes: 4 })).status).toBe(403)
    expect((await other.client.put(`${livePath(w)}/idle`, { minutes: 4 })).status).toBe(403)
  })
})

describe('live updates across server processes [postgres]', () => {
  const missing = inject('postgresMissing')
  it.skipIf(missing !== '' && !process.env['CI'])(
    'an instructor on process A sees every batch a learner stores through process B, in order, also after the listening connection is cut',
    async () => {
      if (missing) throw new Error(`No PostgreSQL server for the tests under CI: ${missing}`)
      const two = await twoProcesses()
      try {
        const w = await workClass(two.onA)
        const learner = await w.learner()
        // the learner's requests go to B; the instructor's stream comes from A
        const viaB = two.viaB(learner.client)
        const onB = { ...learner, client: viaB }
        const stream = new Stream(w.instructor, streamPath(w))
        expect(await stream.status).toBe(200)
        expect((await stream.take(1))[0]!.event).toBe('grid')
        const header = headerFor(w.model, onB)
        const events = generated(w.model, 41)
        for (let from = 0; from < 30; from += 5) await send(w, onB, header, events, from, from + 5)
        const first = (await stream.take(7)).slice(1)
        expect(first.map((e) => [Number(e.id), e.data.nextSeq])).toEqual([
          [1, 5],
          [2, 10],
          [3, 15],
          [4, 20],
          [5, 25],
          [6, 30],
        ])

        // the database drops both processes' listening connections: what B stores meanwhile
        // reaches A's stream once A listens again
        const admin = new pg.Client({ connectionString: two.databaseUrl })
        await admin.connect()
        const { rowCount } = await admin.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE application_name = 'practica-live' AND datname = current_database()`,
        )
        await admin.end()
        expect(rowCount).toBe(2)
        for (let from = 30; from < events.length; from += 10)
          await send(w, onB, header, events, from, Math.min(from + 10, events.length))
        const all = (await stream.take(7 + Math.ceil((events.length - 30) / 10))).slice(1)
        expect(all.map((e) => Number(e.id))).toEqual(all.map((_, i) => i + 1))
        expect(all[all.length - 1]!.data).toMatchObject({
          status: 'finished',
          nextSeq: events.length,
        })
        stream.close()
      } finally {
        await two.close()
      }
    },
    60_000,
  )
})

describe('live updates announced by NOTIFY on PGlite', () => {
  it('reach the stream through pglite.listen, not only through the process that stored them', async () => {
    const s = await startTestServer('pglite')
    try {
      const w = await workClass(s)
      const learner = await w.learner()
      const header = headerFor(w.model, learner)
      await send(w, learner, header, generated(w.model, 51), 0, 4)
      const stream = new Stream(w.instructor, streamPath(w))
      const [grid] = await stream.take(1)
      expect(grid!.event).toBe('grid')
      const row = grid!.data.learners[0]
      // stored and announced as another writer would: this process's hub is not told directly
      const seq = await insertUpdate(s.db, w.assignmentId, { ...row, nextSeq: 99 }, new Date())
      const got = await stream.take(2, 5000)
      expect(got.slice(1).map((e) => [e.event, Number(e.id), e.data.nextSeq])).toEqual([
        ['learner', seq, 99],
      ])
      stream.close()
    } finally {
      await s.close()
    }
  })

  it('sends a comment every 15 seconds on a quiet stream', async () => {
    const s = await startTestServer('pglite')
    try {
      const w = await workClass(s)
      const stream = new Stream(w.instructor, streamPath(w))
      expect((await stream.take(1))[0]!.event).toBe('grid')
      expect(stream.comments).toBe(0)
      await new Promise((resolve) => setTimeout(resolve, HEARTBEAT_MS + 1000))
      expect(stream.comments).toBe(1)
      stream.close()
    } finally {
      await s.close()
    }
  }, 30_000)
})
