// Scenarios, assignments and sync through the real API, on PGlite and on PostgreSQL: publishing
// keeps exact bytes and every version, assignments list what learners used, batches are stored
// in order and exactly once, and an `end` gets the engine's score of the stored events.
import { createHash, randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import pino from 'pino'
import { expect, it } from 'vitest'
import { MAX_FILE_BYTES, scoreAttempt, type Attempt } from '../../src/core/index.ts'
import { startCloseTimer } from '../../src/server/work/close.ts'
import { rescoreAttempt } from '../../src/server/work/score.ts'
import { generateAttempts } from '../bench/generate.ts'
import { forEachDatabase } from './harness.ts'
import {
  CONVEYOR_BYTES,
  eventsPath,
  headerFor,
  sendAll,
  solvedEvents,
  workClass,
} from './workSetup.ts'

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/** The conveyor file with its version changed (and so its bytes). */
function conveyorVersion(version: string, title?: string): Uint8Array {
  const json = JSON.parse(new TextDecoder().decode(CONVEYOR_BYTES))
  json.version = version
  if (title) json.title = title
  return new TextEncoder().encode(JSON.stringify(json, null, 2))
}

forEachDatabase('scenarios and assignments', (server) => {
  it('publishes the exact bytes with their SHA-256, once per version, and lists every version', async () => {
    const { client } = await server().signIn('instructor')
    const bytes = conveyorVersion('7.0.0')
    const first = await client.request('POST', '/api/scenarios', bytes)
    expect(first.status).toBe(201)
    expect(first.body).toEqual({
      id: 'conveyor-loto',
      version: '7.0.0',
      sha256: sha256(bytes),
      title: expect.objectContaining({ en: expect.any(String) }),
    })
    const again = await client.request('POST', '/api/scenarios', bytes)
    expect(again.status).toBe(200)
    expect(again.body).toEqual(first.body)

    const next = conveyorVersion('7.0.1')
    expect((await client.request('POST', '/api/scenarios', next)).status).toBe(201)
    const list = await client.get('/api/scenarios')
    expect(list.status).toBe(200)
    const mine = list.body.filter((s: { version: string }) => s.version.startsWith('7.0.'))
    expect(mine.map((s: { version: string; sha256: string }) => [s.version, s.sha256])).toEqual([
      ['7.0.0', sha256(bytes)],
      ['7.0.1', sha256(next)],
    ])
    expect(Date.parse(mine[0].publishedAt)).not.toBeNaN()

    const back = await fetch(`${server().url}/api/scenarios/conveyor-loto/7.0.0`, {
      headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    })
    expect(back.status).toBe(200)
    expect(new Uint8Array(await back.arrayBuffer())).toEqual(bytes)
  })

  it('refuses other bytes under a published version with version-taken, keeping the first', async () => {
    const { client } = await server().signIn('admin')
    const bytes = conveyorVersion('8.0.0')
    expect((await client.request('POST', '/api/scenarios', bytes)).status).toBe(201)
    const other = conveyorVersion('8.0.0', 'Another title')
    const refused = await client.request('POST', '/api/scenarios', other)
    expect(refused.status).toBe(409)
    expect(refused.body.error.code).toBe('version-taken')
    expect(refused.body.error.message).toMatch(/8\.0\.0/)
    const row = await server()
      .db.selectFrom('scenarios')
      .select(['sha256'])
      .where('id', '=', 'conveyor-loto')
      .where('version', '=', '8.0.0')
      .execute()
    expect(row).toEqual([{ sha256: sha256(bytes) }])
  })

  it('refuses an invalid scenario with 422 and the engine’s problems, storing nothing', async () => {
    const { client } = await server().signIn('instructor')
    const json = JSON.parse(new TextDecoder().decode(CONVEYOR_BYTES))
    json.version = '9.0.0'
    json.steps[0].after = ['no-such-step']
    const bad = await client.request('POST', '/api/scenarios', JSON.stringify(json))
    expect(bad.status).toBe(422)
    expect(bad.body.error.code).toBe('invalid-scenario')
    expect(bad.body.error.problems.length).toBeGreaterThan(0)
    for (const p of bad.body.error.problems) {
      expect(p.code).toMatch(/^[a-z]+\.[A-Za-z]+$/)
      expect(p.message).toEqual(expect.any(String))
      expect(Array.isArray(p.path)).toBe(true)
    }
    const huge = await client.request('POST', '/api/scenarios', 'x'.repeat(MAX_FILE_BYTES + 1))
    expect(huge.status).toBe(413)
    expect(huge.body.error.code).toBe('too-large')
    const notJson = await client.request('POST', '/api/scenarios', '{"format": ')
    expect(notJson.status).toBe(422)
    expect(notJson.body.error.problems[0].code).toMatch(/^file\./)
    const stored = await server()
      .db.selectFrom('scenarios')
      .select('id')
      .where('version', '=', '9.0.0')
      .execute()
    expect(stored).toEqual([])
  })

  it('lets only a learner of a class with the scenario assigned download it', async () => {
    const work = await workClass(server())
    const path = `/api/scenarios/conveyor-loto/${work.model.scenario.version}`
    const learner = await work.learner()
    const got = await learner.client.get(path)
    expect(got.status).toBe(200)
    expect(got.body.id).toBe('conveyor-loto')
    const otherClass = await server().makeClass((await server().signIn('instructor')).userId)
    const stranger = await server().signIn('learner', { classId: otherClass })
    expect((await stranger.client.get(path)).status).toBe(403)
    expect((await learner.client.get('/api/scenarios/conveyor-loto/0.0.1')).status).toBe(404)
    expect((await learner.client.request('POST', '/api/scenarios', CONVEYOR_BYTES)).status).toBe(
      403,
    )
  })

  it('assigns a published version, lists it for the class, and counts a learner’s attempts', async () => {
    const work = await workClass(server(), { mode: 'assessment', maxAttempts: 2 })
    const list = await work.instructor.get(`/api/classes/${work.classId}/assignments`)
    expect(list.status).toBe(200)
    const [assignment] = list.body
    expect(assignment).toMatchObject({
      id: work.assignmentId,
      scenario: {
        id: 'conveyor-loto',
        version: work.model.scenario.version,
        sha256: work.model.sha256,
      },
      mode: 'assessment',
      maxAttempts: 2,
      opensAt: null,
      closesAt: null,
      closedAt: null,
    })
    expect(assignment.attemptsUsed).toBeUndefined()
    const learner = await work.learner()
    const mine = () => learner.client.get(`/api/classes/${work.classId}/assignments`)
    expect((await mine()).body[0].attemptsUsed).toBe(0)
    const header = headerFor(work.model, learner, 'assessment')
    const started = await learner.client.post(eventsPath(work.assignmentId, header.id), {
      header,
      from: 0,
      events: [],
    })
    expect(started.status).toBe(200)
    expect(started.body).toEqual({ nextSeq: 0, ended: false })
    expect((await mine()).body[0].attemptsUsed).toBe(1)

    const unknown = await work.instructor.post(`/api/classes/${work.classId}/assignments`, {
      scenarioId: 'conveyor-loto',
      version: '99.0.0',
      mode: 'practice',
    })
    expect(unknown.status).toBe(404)
    expect(unknown.body.error.code).toBe('unknown-scenario')
    const dates = await work.instructor.post(`/api/classes/${work.classId}/assignments`, {
      scenarioId: 'conveyor-loto',
      version: work.model.scenario.version,
      mode: 'practice',
      opensAt: '2026-12-05T10:00:00Z',
      closesAt: '2026-12-05T09:00:00Z',
    })
    expect(dates.status).toBe(400)
    expect(dates.body.error.code).toBe('bad-dates')

    const patched = await work.instructor.patch(`/api/assignments/${work.assignmentId}`, {
      maxAttempts: 3,
    })
    expect(patched.status).toBe(200)
    expect(patched.body.maxAttempts).toBe(3)
    expect((await work.instructor.patch(`/api/assignments/${work.assignmentId}`, {})).status).toBe(
      200,
    )
    const mode = await work.instructor.patch(`/api/assignments/${work.assignmentId}`, {
      mode: 'practice',
    })
    expect(mode.status).toBe(409)
    expect(mode.body.error.code).toBe('has-attempts')
  })
})

forEachDatabase('sync', (server) => {
  it('stores batches in order, and on end stores the engine’s score of the stored events', async () => {
    const work = await workClass(server())
    const learner = await work.learner()
    const [generated] = generateAttempts(work.model, 1, 99, 300_000, 3)
    const events = generated!.events
    expect(events).toHaveLength(100)
    const header = headerFor(work.model, learner)
    const path = eventsPath(work.assignmentId, header.id)
    const first = await learner.client.post(path, { header, from: 0, events: events.slice(0, 30) })
    expect(first.status).toBe(200)
    expect(first.body).toEqual({ nextSeq: 30, ended: false })
    const second = await learner.client.post(path, { from: 30, events: events.slice(30, 60) })
    expect(second.body).toEqual({ nextSeq: 60, ended: false })
    const last = await learner.client.post(path, { from: 60, events: events.slice(60) })
    expect(last.status).toBe(200)
    expect(last.body.nextSeq).toBe(100)
    expect(last.body.ended).toBe(true)
    expect(last.body.revision).toBe(1)
    const attempt: Attempt = { ...header, events }
    const expected = scoreAttempt(work.model, attempt)
    if (!expected.ok) throw new Error('the generated attempt does not score')
    expect(last.body.result).toEqual(expected.value)

    const read = await learner.client.get(`/api/attempts/${header.id}`)
    expect(read.status).toBe(200)
    expect(read.body.events).toEqual(events)
    expect(read.body.header).toEqual(header)
    expect(read.body).toMatchObject({ ended: true, nextSeq: 100, revision: 1 })
    expect(read.body.result).toEqual(expected.value)
    const staff = await work.instructor.get(`/api/attempts/${header.id}`)
    expect(staff.body.result).toEqual(expected.value)

    const mine = await learner.client.get('/api/me/attempts')
    expect(mine.status).toBe(200)
    expect(mine.body).toEqual([
      {
        id: header.id,
        assignmentId: work.assignmentId,
        scenario: header.scenario,
        mode: 'practice',
        startedAt: header.startedAt,
        nextSeq: 100,
        ended: true,
        result: expected.value,
        revision: 1,
      },
    ])
    // a finished attempt takes no more events
    const after = await learner.client.post(path, {
      from: 100,
      events: [{ t: 300_001, action: 'inspect', target: events[0]!.target }],
    })
    expect(after.status).toBe(409)
    expect(after.body.error.code).toBe('attempt-ended')
  })

  it('lets two copies of one batch race: one stores it, the other is acknowledged, no duplicates', async () => {
    const work = await workClass(server())
    const learner = await work.learner()
    const events = solvedEvents(work.model).slice(0, -1)
    const header = headerFor(work.model, learner)
    const path = eventsPath(work.assignmentId, header.id)
    expect((await learner.client.post(path, { header, from: 0, events: [] })).status).toBe(200)
    const batch = { from: 0, events }
    const answers = await Promise.all([1, 2, 3, 4].map(() => learner.client.post(path, batch)))
    for (const a of answers) expect(a.body).toEqual({ nextSeq: events.length, ended: false })
    const rows = await server()
      .db.selectFrom('attempt_events')
      .select(['seq'])
      .where('attempt_id', '=', header.id)
      .orderBy('seq')
      .execute()
    expect(rows.map((r) => r.seq)).toEqual(events.map((_, i) => i))

    // two different batches from the same place at once: one is stored, the other refused
    const a = { from: events.length, events: [{ t: 900_000, action: 'end' }] }
    const b = {
      from: events.length,
      events: [{ t: 900_000, action: 'inspect', target: events[0]!.target }],
    }
    const [ra, rb] = await Promise.all([learner.client.post(path, a), learner.client.post(path, b)])
    const statuses = [ra.status, rb.status].sort()
    expect(statuses).toEqual([200, 409])
    const refused = ra.status === 409 ? ra : rb
    expect(['events-changed', 'attempt-ended']).toContain(refused.body.error.code)
    const { rows: count } = await sql<{
      n: string
    }>`select count(*) as n from attempt_events where attempt_id = ${header.id}`.execute(
      server().db,
    )
    expect(Number(count[0]!.n)).toBe(events.length + 1)
  })

  it('checks a batch against the database when another server process moved the attempt', async () => {
    const work = await workClass(server())
    const learner = await work.learner()
    const header = headerFor(work.model, learner)
    const events = solvedEvents(work.model).slice(0, -1)
    const path = eventsPath(work.assignmentId, header.id)
    expect(
      (await learner.client.post(path, { header, from: 0, events: events.slice(0, 2) })).status,
    ).toBe(200)
    // another process stored event 2 meanwhile (what this process remembers is now stale)
    await server()
      .db.insertInto('attempt_events')
      .values({ attempt_id: header.id, seq: 2, event: JSON.stringify(events[2]) })
      .execute()
    await server()
      .db.updateTable('attempts')
      .set({ next_seq: 3 })
      .where('id', '=', header.id)
      .execute()
    const same = await learner.client.post(path, { from: 2, events: events.slice(2, 4) })
    expect(same.status).toBe(200)
    expect(same.body).toEqual({ nextSeq: 4, ended: false })
    await server()
      .db.updateTable('attempts')
      .set({ next_seq: 5 })
      .where('id', '=', header.id)
      .execute()
    await server()
      .db.insertInto('attempt_events')
      .values({
        attempt_id: header.id,
        seq: 4,
        event: JSON.stringify({ t: events[4]!.t, action: 'end' }),
      })
      .execute()
    const other = await learner.client.post(path, { from: 4, events: events.slice(4, 5) })
    expect(other.status).toBe(409)
    expect(other.body.error).toMatchObject({ code: 'events-changed', nextSeq: 5, seq: 4 })
    expect(
      await server()
        .db.selectFrom('attempt_events')
        .select('seq')
        .where('attempt_id', '=', header.id)
        .execute(),
    ).toHaveLength(5)
  })

  it('refuses an event the live simulator could not have produced, with its problem code', async () => {
    const work = await workClass(server(), { mode: 'assessment' })
    const learner = await work.learner()
    const header = headerFor(work.model, learner, 'assessment')
    const path = eventsPath(work.assignmentId, header.id)
    const step = work.model.steps[0]!.id
    const cases: [object, string][] = [
      [{ t: 10, action: 'press', target: 'no-such-part' }, 'event.unknownComponent'],
      [{ t: 10, action: 'hint', target: step }, 'event.hintInAssessment'],
      [{ t: 10, action: 'fly', target: 'x' }, 'event.unknownAction'],
      [{ t: 10, action: 'end', target: 'x' }, 'event.endTarget'],
    ]
    for (const [event, code] of cases) {
      const refused = await learner.client.post(path, { header, from: 0, events: [event] })
      expect(refused.status).toBe(422)
      expect(refused.body.error.code).toBe('invalid-event')
      expect(refused.body.error.problems[0].code).toBe(code)
    }
    // nothing stored, not even the attempt: it was never started
    const none = await server()
      .db.selectFrom('attempts')
      .select('id')
      .where('id', '=', header.id)
      .execute()
    expect(none).toEqual([])
    const good = solvedEvents(work.model)[0]!
    const ok = await learner.client.post(path, { header, from: 0, events: [{ ...good, t: 500 }] })
    expect(ok.status).toBe(200)
    const back = await learner.client.post(path, { from: 1, events: [{ ...good, t: 499 }] })
    expect(back.status).toBe(422)
    expect(back.body.error.problems[0].code).toBe('attempt.timeOrder')
    const shape = await learner.client.post(path, { from: 1, events: [{ t: -1, action: 'end' }] })
    expect(shape.status).toBe(400)
  })

  it('keeps the same revision when a rescore changes nothing, and raises it when a mark does', async () => {
    const work = await workClass(server())
    const learner = await work.learner()
    const header = headerFor(work.model, learner)
    const ended = await sendAll(learner.client, work.assignmentId, header, solvedEvents(work.model))
    expect(ended.body.revision).toBe(1)
    expect((await rescoreAttempt(server().db, header.id)).revision).toBe(1)
    const judgement = work.model.judgements[0]
    if (!judgement) return
    await server()
      .db.updateTable('attempts')
      .set({
        judgements: JSON.stringify({
          [judgement.id]: {
            mark: judgement.maxMark,
            assessor: 'j.chen',
            at: '2026-12-03T10:00:00Z',
          },
        }),
      })
      .where('id', '=', header.id)
      .execute()
    const marked = await rescoreAttempt(server().db, header.id)
    expect(marked.revision).toBe(2)
    expect(marked.result.judgements.find((j) => j.id === judgement.id)?.mark).toBe(
      judgement.maxMark,
    )
    const read = await learner.client.get(`/api/attempts/${header.id}`)
    expect(read.body.revision).toBe(2)
    await expect(rescoreAttempt(server().db, randomUUID())).rejects.toThrow(/no such attempt/)
  })
})

forEachDatabase('closing on a timer', (server) => {
  it('closes an assignment whose close date passed with no request touching it', async () => {
    const work = await workClass(server(), {
      closesAt: new Date(Date.now() + 60_000).toISOString(),
    })
    const learner = await work.learner()
    const header = headerFor(work.model, learner)
    const events = solvedEvents(work.model).slice(0, 3)
    const path = eventsPath(work.assignmentId, header.id)
    expect((await learner.client.post(path, { header, from: 0, events })).status).toBe(200)
    const log = pino({ level: 'silent' })
    // the server's own timer runs every minute; the same function, every 20 ms, an hour later
    const stop = startCloseTimer(server().db, () => new Date(Date.now() + 3_600_000), log, 20)
    try {
      await expect
        .poll(
          async () =>
            (
              await server()
                .db.selectFrom('assignments')
                .select('closed_at')
                .where('id', '=', work.assignmentId)
                .executeTakeFirstOrThrow()
            ).closed_at,
          { timeout: 10_000 },
        )
        .not.toBeNull()
    } finally {
      await stop()
    }
    const result = await server()
      .db.selectFrom('results')
      .select(['revision', 'result'])
      .where('attempt_id', '=', header.id)
      .executeTakeFirstOrThrow()
    expect(result.revision).toBe(1)
    expect((result.result as { durationMs: number }).durationMs).toBe(events[2]!.t)
  })
})
