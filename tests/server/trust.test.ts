// Trust tests: what a learner's app claims, the server checks. A forged mode, an attempt over the
// limit, a changed header and another learner's attempt are refused; a client's own result is
// ignored (the server's result is what `npm run -s cli -- score` prints for the same events);
// resends store nothing twice, a gap is refused, an offline learner resumes; a close scores the
// unfinished attempts at their last event. On PGlite and on PostgreSQL.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, expect, it } from 'vitest'
import { runCli } from '../../src/cli/main.ts'
import type { AttemptEvent } from '../../src/core/index.ts'
import { generateAttempts } from '../bench/generate.ts'
import { forEachDatabase, type TestServer } from './harness.ts'
import {
  CONVEYOR_BYTES,
  eventsPath,
  headerFor,
  sendAll,
  solvedEvents,
  workClass,
  type Learner,
  type WorkClass,
} from './workSetup.ts'

const folder = mkdtempSync(join(tmpdir(), 'practica-trust-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

/** What `npm run -s cli -- score scenario attempt` prints for this attempt file. */
function cliScore(attempt: object): unknown {
  const scenarioFile = join(folder, 'conveyor.json')
  const attemptFile = join(folder, `${(attempt as { id: string }).id}.json`)
  writeFileSync(scenarioFile, CONVEYOR_BYTES)
  writeFileSync(attemptFile, JSON.stringify(attempt))
  const out: string[] = []
  const err: string[] = []
  const status = runCli(['score', scenarioFile, attemptFile], {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    write: (t) => out.push(t),
  })
  if (status !== 0) throw new Error(`cli score failed: ${err.join('\n')}`)
  return JSON.parse(out.join('\n'))
}

async function eventRows(server: TestServer, attemptId: string): Promise<number[]> {
  const rows = await server.db
    .selectFrom('attempt_events')
    .select('seq')
    .where('attempt_id', '=', attemptId)
    .orderBy('seq')
    .execute()
  return rows.map((r) => r.seq)
}

async function attemptCount(server: TestServer, learner: Learner): Promise<number> {
  const { rows } = await sql<{
    n: string
  }>`select count(*) as n from attempts where user_id = ${learner.userId}`.execute(server.db)
  return Number(rows[0]!.n)
}

/** A generated practice run of the conveyor: 59 acts and `end`. */
function sixtyEvents(work: WorkClass, seed = 5): AttemptEvent[] {
  return generateAttempts(work.model, 1, 59, 200_000, seed)[0]!.events
}

forEachDatabase('trust', (server) => {
  it('refuses a forged mode, and stores nothing', async () => {
    const work = await workClass(server(), { mode: 'assessment' })
    const learner = await work.learner()
    const header = headerFor(work.model, learner, 'practice')
    const step = work.model.steps[0]!.id
    const forged = await learner.client.post(eventsPath(work.assignmentId, header.id), {
      header,
      from: 0,
      events: [{ t: 100, action: 'hint', target: step }],
    })
    expect(forged.status).toBe(409)
    expect(forged.body.error.code).toBe('wrong-mode')
    expect(forged.body.error.mode).toBe('assessment')
    expect(await attemptCount(server(), learner)).toBe(0)
  })

  it('refuses an attempt over the number allowed; a re-sent first batch is no new attempt', async () => {
    const work = await workClass(server(), { maxAttempts: 2 })
    const learner = await work.learner()
    const events = solvedEvents(work.model)
    const first = headerFor(work.model, learner)
    const firstBatch = { header: first, from: 0, events: events.slice(0, 2) }
    expect(
      (await learner.client.post(eventsPath(work.assignmentId, first.id), firstBatch)).status,
    ).toBe(200)
    // the answer was lost: the same first batch again
    const resent = await learner.client.post(eventsPath(work.assignmentId, first.id), firstBatch)
    expect(resent.status).toBe(200)
    expect(resent.body).toEqual({ nextSeq: 2, ended: false })
    const second = headerFor(work.model, learner)
    expect((await sendAll(learner.client, work.assignmentId, second, events)).status).toBe(200)
    const third = headerFor(work.model, learner)
    const over = await learner.client.post(eventsPath(work.assignmentId, third.id), {
      header: third,
      from: 0,
      events: events.slice(0, 2),
    })
    expect(over.status).toBe(409)
    expect(over.body.error.code).toBe('no-attempts-left')
    expect(await attemptCount(server(), learner)).toBe(2)
    // two new attempts at once, with one left: exactly one gets it
    const other = await work.learner('Li Wei')
    const racing = [
      headerFor(work.model, other),
      headerFor(work.model, other),
      headerFor(work.model, other),
    ]
    const answers = await Promise.all(
      racing.map((h) =>
        other.client.post(eventsPath(work.assignmentId, h.id), { header: h, from: 0, events: [] }),
      ),
    )
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 409])
    expect(await attemptCount(server(), other)).toBe(2)
  })

  it('refuses a changed header; the same header in another key order is the same', async () => {
    const work = await workClass(server())
    const learner = await work.learner()
    const header = headerFor(work.model, learner)
    const path = eventsPath(work.assignmentId, header.id)
    const events = solvedEvents(work.model)
    expect(
      (await learner.client.post(path, { header, from: 0, events: events.slice(0, 1) })).status,
    ).toBe(200)
    const changes = [
      { ...header, startedAt: '2026-12-03T09:30:00.000Z' },
      { ...header, learner: { ...header.learner, name: 'Someone Else' } },
      { ...header, scenario: { id: header.scenario.id, version: header.scenario.version } },
      { ...header, mode: 'assessment' },
    ]
    for (const changed of changes) {
      const refused = await learner.client.post(path, {
        header: changed,
        from: 1,
        events: events.slice(1, 2),
      })
      expect(refused.status).toBe(409)
      expect(refused.body.error.code).toBe('header-changed')
    }
    const reordered = Object.fromEntries(Object.entries(header).reverse())
    const same = await learner.client.post(path, {
      header: reordered,
      from: 1,
      events: events.slice(1, 2),
    })
    expect(same.status).toBe(200)
    expect(same.body.nextSeq).toBe(2)
    const stored = await server()
      .db.selectFrom('attempts')
      .select('header')
      .where('id', '=', header.id)
      .executeTakeFirstOrThrow()
    expect(stored.header).toEqual(header)
  })

  it('refuses a header that names another learner, scenario or an unknown fault', async () => {
    const work = await workClass(server())
    const learner = await work.learner()
    const cases: [object, number, string][] = [
      [{ learner: { id: 'S-someone-else' } }, 409, 'wrong-learner'],
      [{ scenario: { id: 'pump-startup', version: '1.0.0' } }, 409, 'wrong-scenario'],
      [
        {
          scenario: {
            id: 'conveyor-loto',
            version: work.model.scenario.version,
            sha256: 'ab'.repeat(32),
          },
        },
        409,
        'wrong-scenario',
      ],
      [{ faults: ['no-such-fault'] }, 422, 'invalid-attempt'],
    ]
    for (const [change, status, code] of cases) {
      const header = { ...headerFor(work.model, learner), ...change }
      const refused = await learner.client.post(eventsPath(work.assignmentId, header.id), {
        header,
        from: 0,
        events: [],
      })
      expect(refused.status).toBe(status)
      expect(refused.body.error.code).toBe(code)
    }
    expect(await attemptCount(server(), learner)).toBe(0)
  })

  it("refuses another learner's writes to an attempt (403), and their reading it", async () => {
    const work = await workClass(server())
    const owner = await work.learner()
    const header = headerFor(work.model, owner)
    const events = solvedEvents(work.model)
    const path = eventsPath(work.assignmentId, header.id)
    expect(
      (await owner.client.post(path, { header, from: 0, events: events.slice(0, 2) })).status,
    ).toBe(200)
    const thief = await work.learner('Thabo')
    const forged = { ...header, learner: { id: thief.learnerId, name: 'Thabo' } }
    for (const batch of [
      { from: 2, events: events.slice(2, 3) },
      { header, from: 2, events: events.slice(2, 3) },
      { header: forged, from: 0, events: events.slice(0, 2) },
    ]) {
      const refused = await thief.client.post(path, batch)
      expect(refused.status).toBe(403)
    }
    expect((await thief.client.get(`/api/attempts/${header.id}`)).status).toBe(403)
    expect(await eventRows(server(), header.id)).toEqual([0, 1])
  })

  it("ignores a client's result: the server's is the CLI's score of the same events", async () => {
    const work = await workClass(server())
    const learner = await work.learner()
    const header = headerFor(work.model, learner)
    const events = sixtyEvents(work)
    const path = eventsPath(work.assignmentId, header.id)
    expect(
      (await learner.client.post(path, { header, from: 0, events: events.slice(0, 40) })).status,
    ).toBe(200)
    const bragging = {
      status: 'passed',
      passed: true,
      score: { raw: 100, max: 100, percent: 100 },
    }
    const last = await learner.client.post(path, {
      from: 40,
      events: events.slice(40),
      result: bragging,
      score: bragging.score,
    })
    expect(last.status).toBe(200)
    const expected = cliScore({ ...header, events })
    expect(last.body.result).toEqual(expected)
    expect(last.body.result.score.percent).not.toBe(100)
    const stored = await server()
      .db.selectFrom('results')
      .select(['result', 'revision'])
      .where('attempt_id', '=', header.id)
      .executeTakeFirstOrThrow()
    expect(stored).toEqual({ result: expected, revision: 1 })
  })

  it('stores nothing twice on resends, refuses a gap or a changed event, and resumes after a loss', async () => {
    const work = await workClass(server())
    const learner = await work.learner()
    const header = headerFor(work.model, learner)
    const events = sixtyEvents(work, 9)
    const path = eventsPath(work.assignmentId, header.id)
    const send = (from: number, to: number, withHeader = false) =>
      learner.client.post(path, {
        ...(withHeader ? { header } : {}),
        from,
        events: events.slice(from, to),
      })
    expect((await send(0, 20, true)).body).toEqual({ nextSeq: 20, ended: false })
    // every batch sent twice
    expect((await send(0, 20, true)).body).toEqual({ nextSeq: 20, ended: false })
    const gap = await send(30, 40)
    expect(gap.status).toBe(409)
    expect(gap.body.error).toMatchObject({ code: 'gap', nextSeq: 20 })
    // the network drops while 20–35 is on its way: stored, but the answer never arrives; the
    // app comes back online and sends everything it has not seen acknowledged, from 20
    const lost = await send(20, 35)
    expect(lost.status).toBe(200)
    const resumed = await send(20, 45)
    expect(resumed.body).toEqual({ nextSeq: 45, ended: false })
    const changed = await learner.client.post(path, {
      from: 40,
      events: [{ ...events[40]!, t: events[40]!.t + 1 }, ...events.slice(41, 50)],
    })
    expect(changed.status).toBe(409)
    expect(changed.body.error).toMatchObject({ code: 'events-changed', nextSeq: 45, seq: 40 })
    const end = await send(40, 60)
    expect(end.body).toMatchObject({ nextSeq: 60, ended: true, revision: 1 })
    const again = await send(40, 60)
    expect(again.status).toBe(200)
    expect(again.body).toEqual(end.body)
    expect(await eventRows(server(), header.id)).toEqual(events.map((_, i) => i))
    const read = await learner.client.get(`/api/attempts/${header.id}`)
    expect(read.body.events).toEqual(events)
    expect(end.body.result).toEqual(cliScore({ ...header, events }))
  })

  it('closes an assignment: unfinished attempts end at their last event, as the CLI scores them', async () => {
    const work = await workClass(server())
    const learner = await work.learner()
    const unfinished = headerFor(work.model, learner)
    const events = sixtyEvents(work, 11).slice(0, 30)
    const path = eventsPath(work.assignmentId, unfinished.id)
    expect((await learner.client.post(path, { header: unfinished, from: 0, events })).status).toBe(
      200,
    )
    const finished = headerFor(work.model, learner)
    const done = await sendAll(
      learner.client,
      work.assignmentId,
      finished,
      solvedEvents(work.model),
    )
    const learnerAnswer = await learner.client.post(`/api/assignments/${work.assignmentId}/close`)
    expect(learnerAnswer.status).toBe(403)
    const closed = await work.instructor.post(`/api/assignments/${work.assignmentId}/close`)
    expect(closed.status).toBe(200)
    expect(Date.parse(closed.body.closedAt)).not.toBeNaN()
    const read = await learner.client.get(`/api/attempts/${unfinished.id}`)
    expect(read.body).toMatchObject({ ended: true, revision: 1, nextSeq: 30 })
    const expected = cliScore({ ...unfinished, events }) as { durationMs: number }
    expect(read.body.result).toEqual(expected)
    expect(expected.durationMs).toBe(events[events.length - 1]!.t)
    // the finished attempt keeps its result and revision
    const kept = await learner.client.get(`/api/attempts/${finished.id}`)
    expect(kept.body.result).toEqual(done.body.result)
    expect(kept.body.revision).toBe(1)
    // nothing new is taken; a resend of what was stored is still acknowledged
    const more = await learner.client.post(path, {
      from: 30,
      events: [{ t: events[29]!.t + 10, action: 'end' }],
    })
    expect(more.status).toBe(409)
    expect(more.body.error.code).toBe('assignment-closed')
    const resend = await learner.client.post(path, { from: 20, events: events.slice(20) })
    expect(resend.status).toBe(200)
    expect(resend.body).toMatchObject({ nextSeq: 30, ended: true, result: expected })
    const fresh = headerFor(work.model, learner)
    const late = await learner.client.post(eventsPath(work.assignmentId, fresh.id), {
      header: fresh,
      from: 0,
      events: [],
    })
    expect(late.body.error.code).toBe('assignment-closed')
  })

  it('closes an assignment when its close date passes, and takes nothing before it opens', async () => {
    const now = Date.now()
    const work = await workClass(server(), {
      opensAt: new Date(now + 600_000).toISOString(),
      closesAt: new Date(now + 2_400_000).toISOString(),
    })
    const learner = await work.learner()
    const header = headerFor(work.model, learner)
    const path = eventsPath(work.assignmentId, header.id)
    const events = sixtyEvents(work, 13).slice(0, 10)
    const early = await learner.client.post(path, { header, from: 0, events })
    expect(early.status).toBe(409)
    expect(early.body.error.code).toBe('assignment-closed')
    expect(early.body.error.message).toMatch(/opens at/)
    server().advance(660_000)
    expect((await learner.client.post(path, { header, from: 0, events })).status).toBe(200)
    server().advance(1_800_000)
    const list = await learner.client.get(`/api/classes/${work.classId}/assignments`)
    const assignment = list.body.find((a: { id: string }) => a.id === work.assignmentId)
    expect(assignment.closedAt).not.toBeNull()
    expect(assignment.attemptsUsed).toBe(1)
    const read = await learner.client.get(`/api/attempts/${header.id}`)
    expect(read.body).toMatchObject({ ended: true, revision: 1 })
    expect(read.body.result).toEqual(cliScore({ ...header, events }))
  })

  it('refuses an invalid scenario upload with 422 and its problem codes, and version-taken with 409', async () => {
    const { client } = await server().signIn('instructor')
    const json = JSON.parse(new TextDecoder().decode(CONVEYOR_BYTES))
    json.version = '3.0.0'
    json.components[0].kind = 'no-such-kind'
    const invalid = await client.request('POST', '/api/scenarios', JSON.stringify(json))
    expect(invalid.status).toBe(422)
    expect(invalid.body.error.code).toBe('invalid-scenario')
    expect(invalid.body.error.problems.map((p: { path: unknown[] }) => p.path)).toContainEqual([
      'components',
      0,
      'kind',
    ])
    delete json.components[0].kind
    json.components[0].kind = JSON.parse(
      new TextDecoder().decode(CONVEYOR_BYTES),
    ).components[0].kind
    const good = new TextEncoder().encode(JSON.stringify(json))
    expect((await client.request('POST', '/api/scenarios', good)).status).toBe(201)
    const taken = await client.request('POST', '/api/scenarios', JSON.stringify(json, null, 1))
    expect(taken.status).toBe(409)
    expect(taken.body.error.code).toBe('version-taken')
  })
})
