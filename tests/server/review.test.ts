// Issue 14 section 5 through the API: the assessor opens a class from the server (full attempt
// files with their stored results), marks judgements (who, when, an audit row per change, the
// result re-scored by the engine with its revision one higher), and exports the class.
import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import validateStatement from '@learninglocker/xapi-validation'
import {
  exportMoodleFramework,
  formatScored,
  loadAttempt,
  loadScenario,
  scoreAttempt,
  type Attempt,
  type Model,
} from '../../src/core/index.ts'
import { parseCsv } from '../core/export/csvParse.ts'
import { ROOT } from '../helpers.ts'
import { forEachDatabase, type Client } from './harness.ts'
import {
  assignExample,
  EXAMPLE,
  EXPECTED_FILE,
  publishExample,
  SCENARIO_BYTES,
  SCENARIO_SHA256,
  storeAttempt,
} from './reviewFixtures.ts'

const MODEL: Model = (() => {
  const loaded = loadScenario(SCENARIO_BYTES)
  if (!loaded.ok) throw new Error('the worked example does not load')
  return loaded.value
})()
const EXPECTED = JSON.parse(readFileSync(EXPECTED_FILE, 'utf8'))

forEachDatabase('review from the server', (server) => {
  const s = {} as {
    admin: Client
    instructor: Client
    assessor: Client
    assessorId: string
    assessorLogin: string
    otherInstructor: Client
    otherAssessor: Client
    learner: Client
    classId: string
    otherClassId: string
    assignmentId: string
    otherAssignmentId: string
    ended: string
    underway: string
    otherAttempt: string
  }

  beforeAll(async () => {
    const db = server().db
    s.admin = (await server().signIn('admin')).client
    const instructor = await server().signIn('instructor')
    s.instructor = instructor.client
    s.classId = await server().makeClass(instructor.userId)
    const assessor = await server().signIn('assessor', { classId: s.classId, name: 'Jing Chen' })
    s.assessor = assessor.client
    s.assessorId = assessor.userId
    s.assessorLogin = (await db
      .selectFrom('users')
      .select('login')
      .where('id', '=', assessor.userId)
      .executeTakeFirstOrThrow())!.login!
    const other = await server().signIn('instructor')
    s.otherInstructor = other.client
    s.otherClassId = await server().makeClass(other.userId)
    s.otherAssessor = (await server().signIn('assessor', { classId: s.otherClassId })).client
    const amina = await server().signIn('learner', {
      classId: s.classId,
      learnerId: 's-1042',
      name: 'Amina Phiri',
    })
    s.learner = amina.client
    const bo = await server().signIn('learner', {
      classId: s.classId,
      learnerId: 's-2077',
      name: 'Bo Wang',
    })
    const carol = await server().signIn('learner', { classId: s.otherClassId, name: 'Carol' })
    await publishExample(db)
    s.assignmentId = await assignExample(db, s.classId)
    s.otherAssignmentId = await assignExample(db, s.otherClassId)
    s.ended = await storeAttempt(db, {
      id: EXAMPLE.id,
      assignmentId: s.assignmentId,
      userId: amina.userId,
      learner: { id: 's-1042', name: 'Amina Phiri' },
      end: true,
    })
    s.underway = await storeAttempt(db, {
      assignmentId: s.assignmentId,
      userId: bo.userId,
      learner: { id: 's-2077', name: 'Bo Wang' },
      end: false,
      eventCount: 5,
    })
    s.otherAttempt = await storeAttempt(db, {
      assignmentId: s.otherAssignmentId,
      userId: carol.userId,
      learner: { id: 'c-1', name: 'Carol' },
      end: true,
    })
  }, 60_000)

  const auditCount = async () =>
    Number(
      (
        await server()
          .db.selectFrom('judgement_audit')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
  const stored = async (attemptId: string) =>
    server()
      .db.selectFrom('results')
      .select(['revision', 'result'])
      .where('attempt_id', '=', attemptId)
      .executeTakeFirst()

  describe('opening a class', () => {
    it('gives every attempt as a spec attempt file with the stored result and revision', async () => {
      const answer = await s.assessor.get(`/api/classes/${s.classId}/results`)
      expect(answer.status).toBe(200)
      expect(answer.body.scenarios).toEqual([
        { id: 'conveyor-loto', version: '1.0.0', sha256: SCENARIO_SHA256 },
      ])
      const attempts = answer.body.attempts as any[]
      expect(attempts.map((a) => a.learnerName)).toEqual(['Amina Phiri', 'Bo Wang'])
      const [ended, underway] = attempts
      // the attempt file loads in the engine as a file would, and scores to the stored result
      const loaded = loadAttempt(JSON.stringify(ended.attempt))
      expect(loaded.ok).toBe(true)
      const attempt = (loaded as { value: Attempt }).value
      expect(attempt.events).toEqual(EXAMPLE.events)
      expect(attempt.judgements).toEqual({})
      const scored = scoreAttempt(MODEL, attempt)
      expect(scored.ok && scored.value).toEqual(ended.result)
      expect(ended.result.status).toBe('pending')
      expect(ended.revision).toBe(1)
      expect(ended.assignmentId).toBe(s.assignmentId)
      expect(underway.result).toBeNull()
      expect(underway.revision).toBeNull()
      expect(underway.ended).toBe(false)
      expect(underway.attempt.events).toEqual(EXAMPLE.events.slice(0, 5))
    })

    it("gives an assignment's attempts to the class's instructor", async () => {
      const answer = await s.instructor.get(`/api/assignments/${s.assignmentId}/results`)
      expect(answer.status).toBe(200)
      expect(answer.body.attempts).toHaveLength(2)
      const other = await s.admin.get(`/api/assignments/${s.otherAssignmentId}/results`)
      expect(other.body.attempts.map((a: any) => a.learnerName)).toEqual(['Carol'])
    })

    it('refuses learners, strangers and staff of another class', async () => {
      const path = `/api/classes/${s.classId}/results`
      expect((await server().client().get(path)).status).toBe(401)
      expect((await s.learner.get(path)).status).toBe(403)
      expect((await s.otherInstructor.get(path)).status).toBe(403)
      expect((await s.otherAssessor.get(path)).status).toBe(403)
      const audit = `/api/attempts/${s.ended}/audit`
      expect((await s.learner.get(audit)).status).toBe(403)
      expect((await s.otherAssessor.get(audit)).status).toBe(403)
      const mark = `/api/attempts/${s.ended}/judgements/housekeeping`
      expect((await s.learner.put(mark, { mark: 3 })).status).toBe(403)
      expect((await s.otherInstructor.put(mark, { mark: 3 })).status).toBe(403)
      expect((await stored(s.ended))!.revision).toBe(1)
    })
  })

  describe('marking a judgement', () => {
    it('stores the mark with who and when, audits it, re-scores with revision + 1', async () => {
      const before = await auditCount()
      const answer = await s.assessor.put(`/api/attempts/${s.ended}/judgements/housekeeping`, {
        mark: 2,
      })
      expect(answer.status).toBe(200)
      expect(answer.body.revision).toBe(2)
      // the worked example with its mark of 2: the spec's expected result, exactly
      expect(answer.body.result).toEqual(EXPECTED)
      expect(await stored(s.ended)).toEqual({ revision: 2, result: EXPECTED })
      expect(await auditCount()).toBe(before + 1)

      const opened = await s.assessor.get(`/api/classes/${s.classId}/results`)
      const attempt = opened.body.attempts[0].attempt
      expect(attempt.judgements.housekeeping.mark).toBe(2)
      expect(attempt.judgements.housekeeping.assessor).toBe(s.assessorLogin)
      expect(Date.parse(attempt.judgements.housekeeping.at)).toBeGreaterThan(Date.now() - 60_000)
      expect(opened.body.attempts[0].revision).toBe(2)

      const audit = await s.instructor.get(`/api/attempts/${s.ended}/audit`)
      expect(audit.status).toBe(200)
      expect(audit.body).toEqual([
        {
          judgement: 'housekeeping',
          oldMark: null,
          newMark: 2,
          by: 'Jing Chen',
          byId: s.assessorId,
          at: attempt.judgements.housekeeping.at,
        },
      ])
    })

    it('changes nothing for the same mark again', async () => {
      const before = await auditCount()
      const answer = await s.instructor.put(`/api/attempts/${s.ended}/judgements/housekeeping`, {
        mark: 2,
      })
      expect(answer.status).toBe(200)
      expect(answer.body.revision).toBe(2)
      expect(await auditCount()).toBe(before)
    })

    it('audits each change in order and clears a mark with null', async () => {
      const path = `/api/attempts/${s.ended}/judgements/housekeeping`
      server().advance(1_000)
      const three = await s.admin.put(path, { mark: 3 })
      expect(three.body.revision).toBe(3)
      expect(three.body.result.score.raw).toBe(EXPECTED.score.raw + 2)
      server().advance(1_000)
      const cleared = await s.assessor.put(path, { mark: null })
      expect(cleared.status).toBe(200)
      expect(cleared.body.revision).toBe(4)
      expect(cleared.body.result.status).toBe('pending')
      expect(cleared.body.result.judgements[0].mark).toBeNull()
      const audit = (await s.assessor.get(`/api/attempts/${s.ended}/audit`)).body as any[]
      expect(audit.map((a) => [a.oldMark, a.newMark])).toEqual([
        [null, 2],
        [2, 3],
        [3, null],
      ])
      expect(audit.map((a) => Date.parse(a.at))).toEqual(
        [...audit.map((a) => Date.parse(a.at))].sort((a, b) => a - b),
      )
      const opened = await s.assessor.get(`/api/assignments/${s.assignmentId}/results`)
      expect(opened.body.attempts[0].attempt.judgements).toEqual({})
      // marked again for the exports below
      expect((await s.assessor.put(path, { mark: 2 })).body.revision).toBe(5)
    })

    it('refuses a mark outside 0..maxMark with 422 and a plain message, storing nothing', async () => {
      const before = { audit: await auditCount(), result: await stored(s.ended) }
      const path = `/api/attempts/${s.ended}/judgements/housekeeping`
      for (const mark of [4, -1, 1000]) {
        const answer = await s.assessor.put(path, { mark })
        expect(answer.status).toBe(422)
        expect(answer.body.error.code).toBe('mark-out-of-range')
        expect(answer.body.error.message).toContain('from 0 to 3')
      }
      for (const mark of [1.5, '2', true]) {
        const answer = await s.assessor.put(path, { mark })
        expect(answer.status).toBe(400)
        expect(answer.body.error.message).toContain('whole number')
      }
      expect((await s.assessor.put(path, {})).status).toBe(400)
      expect(await auditCount()).toBe(before.audit)
      expect(await stored(s.ended)).toEqual(before.result)
    })

    it('refuses an unknown judgement, an attempt still under way, an unknown attempt', async () => {
      const unknown = await s.assessor.put(`/api/attempts/${s.ended}/judgements/tidiness`, {
        mark: 1,
      })
      expect(unknown.status).toBe(404)
      expect(unknown.body.error.code).toBe('unknown-judgement')
      expect(unknown.body.error.message).toContain('tidiness')
      const underway = await s.assessor.put(`/api/attempts/${s.underway}/judgements/housekeeping`, {
        mark: 1,
      })
      expect(underway.status).toBe(409)
      expect(underway.body.error.code).toBe('attempt-not-ended')
      expect(await stored(s.underway)).toBeUndefined()
      const none = await s.assessor.put(
        '/api/attempts/00000000-0000-4000-8000-000000000000/judgements/housekeeping',
        { mark: 1 },
      )
      expect(none.status).toBe(404)
    })
  })

  describe('exports', () => {
    const exported = (client: Client, query: string) =>
      client.get(`/api/classes/${s.classId}/export?${query}`)

    /** the class's scored attempts as the CLI's file export sees them, with their revisions */
    async function scoredNow() {
      const opened = await s.assessor.get(`/api/classes/${s.classId}/results`)
      return (opened.body.attempts as any[])
        .filter((a) => a.result)
        .map((a) => ({ model: MODEL, attempt: a.attempt, result: a.result, revision: a.revision }))
    }

    it('writes the gradebook CSV with the revision of each result', async () => {
      const answer = await exported(s.assessor, 'format=csv')
      expect(answer.status).toBe(200)
      expect(answer.headers.get('content-type')).toContain('text/csv')
      expect(answer.headers.get('content-disposition')).toMatch(
        /^attachment; filename="practica-\w+\.gradebook\.csv"$/,
      )
      const rows = parseCsv(answer.body as string)
      expect(rows).toHaveLength(2)
      const column = rows[0]!.indexOf('revision')
      expect(rows[1]![column]).toBe('5')
      expect(rows[1]![rows[0]!.indexOf('status')]).toBe('passed')
      // the client reads text as browsers do, without the byte-order mark; the bytes keep it
      expect('\uFEFF' + answer.body).toBe(formatScored('csv', await scoredNow()))
      const raw = await fetch(`${server().url}/api/classes/${s.classId}/export?format=csv`, {
        headers: { cookie: [...s.assessor.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      })
      const bytes = Buffer.from(await raw.arrayBuffer())
      expect(bytes.toString('utf8')).toBe(formatScored('csv', await scoredNow()))
    })

    it('writes xAPI statements naming the revision, valid xAPI 1.0.3', async () => {
      const answer = await exported(s.instructor, `format=xapi&assignment=${s.assignmentId}`)
      expect(answer.status).toBe(200)
      const statements = answer.body as any[]
      expect(statements.length).toBeGreaterThan(3)
      for (const st of statements) expect(validateStatement(st)).toEqual([])
      const revisions = statements
        .map((st) => st.result?.extensions?.['https://practica.example/xapi/extensions/revision'])
        .filter((r) => r !== undefined)
      expect(revisions).toEqual([5, 5, 5])
      expect(JSON.stringify(statements, null, 2) + '\n').toBe(
        formatScored('xapi', await scoredNow()),
      )
    })

    it('writes result JSON with each revision, and the Moodle framework of the scenario', async () => {
      const json = await exported(s.admin, 'format=json')
      expect(json.status).toBe(200)
      expect(json.body).toEqual([{ revision: 5, result: EXPECTED }])
      const moodle = await exported(s.assessor, 'format=moodle')
      expect(moodle.status).toBe(200)
      expect('\uFEFF' + moodle.body).toBe(exportMoodleFramework(MODEL))
      expect('\uFEFF' + moodle.body).toBe(
        readFileSync(`${ROOT}tests/golden-export/conveyor.moodle.csv`, 'utf8'),
      )
    })

    it('refuses an unknown format, an assignment of another class, other classes', async () => {
      const bad = await exported(s.assessor, 'format=pdf')
      expect(bad.status).toBe(400)
      expect(bad.body.error.code).toBe('bad-format')
      expect(bad.body.error.message).toContain('csv, xapi, json, moodle')
      expect((await exported(s.assessor, '')).status).toBe(400)
      const foreign = await exported(s.assessor, `format=csv&assignment=${s.otherAssignmentId}`)
      expect(foreign.status).toBe(404)
      expect((await exported(s.assessor, 'format=csv&assignment=nope')).status).toBe(404)
      expect((await exported(s.otherAssessor, 'format=csv')).status).toBe(403)
      expect((await exported(s.learner, 'format=csv')).status).toBe(403)
    })
  })

  describe('marks sent at once', () => {
    it('take turns: every change audited after the one before, one revision each', async () => {
      const before = {
        audit: (await s.assessor.get(`/api/attempts/${s.ended}/audit`)).body as any[],
        revision: (await stored(s.ended))!.revision,
      }
      const path = `/api/attempts/${s.ended}/judgements/housekeeping`
      const answers = await Promise.all(
        [0, 1, 3, 1, 0, 2, 3].map((mark, i) =>
          (i % 2 ? s.instructor : s.assessor).put(path, { mark }),
        ),
      )
      expect(answers.map((a) => a.status)).toEqual(Array(7).fill(200))
      const audit = (await s.assessor.get(`/api/attempts/${s.ended}/audit`)).body as any[]
      const added = audit.slice(before.audit.length)
      expect(added.length).toBeGreaterThan(0)
      // each change starts from the mark the one before it left
      let mark = before.audit.at(-1)!.newMark
      for (const change of added) {
        expect(change.oldMark).toBe(mark)
        expect(change.newMark).not.toBe(mark)
        mark = change.newMark
      }
      const times = added.map((a) => Date.parse(a.at))
      expect(times).toEqual([...times].sort((a, b) => a - b))
      const after = (await stored(s.ended))!
      expect(after.revision).toBe(before.revision + added.length)
      expect((after.result as any).judgements[0].mark).toBe(mark)
      const revisions = answers.map((a) => a.body.revision)
      expect(Math.max(...revisions)).toBe(after.revision)
    })
  })

  describe('an assignment that closes', () => {
    it('scores an attempt under way at its last event, which can then be marked', async () => {
      const closesAt = new Date(Date.now() + 60_000)
      await server()
        .db.updateTable('assignments')
        .set({ closes_at: closesAt })
        .where('id', '=', s.assignmentId)
        .execute()
      server().advance(10 * 60_000)
      const answer = await s.assessor.put(`/api/attempts/${s.underway}/judgements/housekeeping`, {
        mark: 1,
      })
      expect(answer.status).toBe(200)
      // revision 1 when the close scored it, 2 with the mark
      expect(answer.body.revision).toBe(2)
      expect(answer.body.result.judgements[0].mark).toBe(1)
      const opened = await s.assessor.get(`/api/assignments/${s.assignmentId}/results`)
      const underway = opened.body.attempts.find((a: any) => a.attempt.id === s.underway)
      expect(underway).toMatchObject({ ended: true, revision: 2 })
    })
  })
})
