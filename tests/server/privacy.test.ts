// A learner's data on request, through the real API: the admin's export holds everything stored
// about them, their signed credentials too; deleting them takes all their attempts along; the retention setting deletes
// attempts after its days (the clock moved with advance).
import { randomUUID } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pino from 'pino'
import { expect, it } from 'vitest'
import type { TestServer } from './harness.ts'
import { forEachDatabase } from './harness.ts'
import { verifyBadge } from '../../src/server/badges/verify.ts'
import { applyRetention, scheduleRetention } from '../../src/server/people/privacy.ts'
import { instructorWithClass, joinedLearner } from './peopleFixtures.ts'
import { assignExample, publishExample, storeAttempt } from './reviewFixtures.ts'

const DAY = 86_400_000

/** An assignment of a (stored) scenario to `classId`, made in the database. */
async function assignmentIn(server: TestServer, classId: string): Promise<string> {
  const scenarioId = `privacy-${randomUUID().slice(0, 8)}`
  await server.db
    .insertInto('scenarios')
    .values({
      id: scenarioId,
      version: '1.0.0',
      sha256: 'a'.repeat(64),
      bytes: new TextEncoder().encode('{}'),
      title: JSON.stringify({ en: 'Brake check' }),
      published_by: null,
    })
    .execute()
  const id = randomUUID()
  await server.db
    .insertInto('assignments')
    .values({
      id,
      class_id: classId,
      scenario_id: scenarioId,
      scenario_version: '1.0.0',
      mode: 'assessment',
      created_by: null,
    })
    .execute()
  return id
}

/** An attempt of `userId` with two events, a result and a judgement change, last written at `at`. */
async function attemptOf(
  server: TestServer,
  assignmentId: string,
  userId: string,
  at: Date,
): Promise<string> {
  const id = randomUUID()
  await server.db
    .insertInto('attempts')
    .values({
      id,
      assignment_id: assignmentId,
      user_id: userId,
      header: JSON.stringify({
        format: 'practica-attempt/1',
        id,
        scenario: { id: 's', version: '1.0.0' },
        learner: { id: 'L', name: 'N' },
        mode: 'assessment',
        startedAt: at.toISOString(),
        faults: [],
      }),
      judgements: JSON.stringify({ j1: { mark: 1, assessor: 'A', at: at.toISOString() } }),
      next_seq: 2,
      ended: true,
      created_at: at,
      updated_at: at,
    })
    .execute()
  await server.db
    .insertInto('attempt_events')
    .values([
      { attempt_id: id, seq: 0, event: JSON.stringify({ t: 0, type: 'start' }) },
      { attempt_id: id, seq: 1, event: JSON.stringify({ t: 5, type: 'end' }) },
    ])
    .execute()
  await server.db
    .insertInto('results')
    .values({ attempt_id: id, revision: 2, result: JSON.stringify({ score: 0.5 }) })
    .execute()
  await server.db
    .insertInto('judgement_audit')
    .values({ attempt_id: id, judgement: 'j1', old_mark: null, new_mark: 1, by_user: null })
    .execute()
  return id
}

const count = async (
  server: TestServer,
  table: 'attempts' | 'attempt_events' | 'results',
  ids: string[],
) =>
  (
    await server.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where(table === 'attempts' ? 'id' : 'attempt_id', 'in', ids)
      .executeTakeFirstOrThrow()
  ).n

forEachDatabase(
  'privacy: export, delete, retention',
  (server) => {
    // the server clock's lead over the real one (this suite alone moves it)
    let moved = 0
    const serverNow = () => new Date(Date.now() + moved)

    it('exports everything stored about a learner: person, class, sessions, attempts with events, results and audit', async () => {
      const { classId, code } = await instructorWithClass(server(), { name: 'Export class' })
      const { userId } = await joinedLearner(server(), code, 'EX-1', { name: 'Zanele Mokoena' })
      const assignmentId = await assignmentIn(server(), classId)
      const attemptId = await attemptOf(server(), assignmentId, userId, new Date())
      const sentAt = new Date()
      await server()
        .db.insertInto('live_messages')
        .values([
          {
            assignment_id: assignmentId,
            seq: 1,
            kind: 'message',
            learner_id: userId,
            text: 'Check the isolator',
            sent_by: null,
            sent_at: sentAt,
          },
          {
            assignment_id: assignmentId,
            seq: 2,
            kind: 'message',
            learner_id: null,
            text: 'Ten minutes left',
            sent_by: null,
            sent_at: sentAt,
          },
        ])
        .execute()
      const admin = await server().signIn('admin')
      const answer = await admin.client.get(`/api/learners/${userId}/export`)
      expect(answer.status).toBe(200)
      const data = answer.body
      expect(data.format).toBe('practica-learner-export')
      expect(data.person).toMatchObject({ id: userId, role: 'learner', name: 'Zanele Mokoena' })
      expect(data.classes).toEqual([
        expect.objectContaining({
          classId,
          code,
          name: 'Export class',
          learnerId: 'EX-1',
          hasPin: false,
        }),
      ])
      expect(data.sessions).toHaveLength(1)
      expect(data.attempts).toHaveLength(1)
      expect(data.attempts[0]).toMatchObject({
        id: attemptId,
        assignmentId,
        header: { id: attemptId, mode: 'assessment' },
        judgements: { j1: { mark: 1 } },
        ended: true,
        events: [
          { t: 0, type: 'start' },
          { t: 5, type: 'end' },
        ],
        result: { revision: 2, result: { score: 0.5 } },
        audit: [expect.objectContaining({ judgement: 'j1', oldMark: null, newMark: 1 })],
        confirmation: null,
      })
      expect(data.credentials).toEqual([])
      // the messages sent to this learner alone, not the class's
      expect(data.messages).toEqual([
        { assignmentId, kind: 'message', text: 'Check the isolator', sentAt: sentAt.toISOString() },
      ])
      // no secrets in it: PIN and password hashes stay out
      expect(JSON.stringify(data)).not.toContain('scrypt$')
    })

    it('exports the learner’s credentials: each as signed and issued, whether revoked, and who confirmed the result', async () => {
      const db = server().db
      const instructor = await server().signIn('instructor')
      const classId = await server().makeClass(instructor.userId)
      const assessor = (await server().signIn('assessor', { classId, name: 'Jing Chen' })).client
      const learner = await server().signIn('learner', { classId, name: 'Amina Phiri' })
      const classmate = await server().signIn('learner', { classId })
      await publishExample(db)
      const attemptId = await storeAttempt(db, {
        assignmentId: await assignExample(db, classId),
        userId: learner.userId,
        learner: { id: 's-1042', name: 'Amina Phiri' },
        end: true,
      })
      await assessor.put(`/api/attempts/${attemptId}/judgements/housekeeping`, { mark: 2 })
      const confirmed = await assessor.post(`/api/attempts/${attemptId}/confirm`)
      expect(confirmed.status).toBe(200)
      const issued: { id: string; kind: string }[] = confirmed.body.credentials
      expect(issued.length).toBeGreaterThan(1)
      const revoked = issued.find((c) => c.kind === 'competency')!
      const path = (id: string) => `/api/attempts/${attemptId}/credentials/${id}`
      expect((await assessor.post(`${path(revoked.id)}/revoke`)).status).toBe(200)

      const admin = await server().signIn('admin')
      const data = (await admin.client.get(`/api/learners/${learner.userId}/export`)).body
      expect(data.attempts[0].confirmation).toEqual({
        by: 'Jing Chen',
        at: confirmed.body.confirmation.at,
        revision: confirmed.body.confirmation.revision,
      })
      expect(data.credentials.map((c: { id: string }) => c.id).sort()).toEqual(
        issued.map((c) => c.id).sort(),
      )
      for (const c of data.credentials) {
        // the signed JSON, exactly what the learner downloads, and its signature holds
        const file = (await learner.client.get(path(c.id))).body
        expect(c.credential).toEqual(file)
        expect((await verifyBadge(c.credential)).signature).toBe(true)
        expect(c).toMatchObject({ attemptId, name: file.name })
        if (c.id === revoked.id)
          expect(c).toMatchObject({
            revoked: true,
            revokedBy: 'Jing Chen',
            revokedAt: expect.any(String),
          })
        else expect(c).toMatchObject({ revoked: false, revokedAt: null, revokedBy: null })
      }
      // nobody else's credentials
      const other = (await admin.client.get(`/api/learners/${classmate.userId}/export`)).body
      expect(other.credentials).toEqual([])
    })

    it('deletes a learner with all their attempts, and nobody else’s', async () => {
      const { classId, code, instructor } = await instructorWithClass(server())
      const gone = await joinedLearner(server(), code, 'DEL-1')
      const stays = await joinedLearner(server(), code, 'DEL-2')
      const assignmentId = await assignmentIn(server(), classId)
      const theirs = [
        await attemptOf(server(), assignmentId, gone.userId, new Date()),
        await attemptOf(server(), assignmentId, gone.userId, new Date()),
      ]
      const other = [await attemptOf(server(), assignmentId, stays.userId, new Date())]
      const admin = await server().signIn('admin')
      const answer = await admin.client.delete(`/api/learners/${gone.userId}`)
      expect(answer.status).toBe(200)
      expect(answer.body).toEqual({ deleted: { userId: gone.userId, attempts: 2 } })
      for (const table of ['attempts', 'attempt_events', 'results'] as const) {
        expect(Number(await count(server(), table, theirs)), table).toBe(0)
        expect(Number(await count(server(), table, other)), table).toBeGreaterThan(0)
      }
      const person = await server()
        .db.selectFrom('users')
        .select('id')
        .where('id', '=', gone.userId)
        .executeTakeFirst()
      expect(person).toBeUndefined()
      expect((await gone.client.get('/api/session')).body.user).toBeNull()
      expect((await admin.client.get(`/api/learners/${gone.userId}/export`)).status).toBe(404)
      const learners = (await instructor.get(`/api/classes/${classId}`)).body.learners
      expect(learners.map((l: { learnerId: string }) => l.learnerId)).toEqual(['DEL-2'])
    })

    it('keeps a deleted learner’s revoked credential revoked when its status list is signed again', async () => {
      const db = server().db
      const instructor = await server().signIn('instructor')
      const classId = await server().makeClass(instructor.userId)
      const assessor = (await server().signIn('assessor', { classId })).client
      const admin = (await server().signIn('admin')).client
      await publishExample(db)
      const assignmentId = await assignExample(db, classId)
      /** a passed attempt of a new learner, confirmed: its scenario credential as downloaded */
      const credentialOf = async (name: string) => {
        const learner = await server().signIn('learner', { classId, name })
        const attemptId = await storeAttempt(db, {
          assignmentId,
          userId: learner.userId,
          learner: { id: name, name },
          end: true,
        })
        await assessor.put(`/api/attempts/${attemptId}/judgements/housekeeping`, { mark: 2 })
        const issued = (await assessor.post(`/api/attempts/${attemptId}/confirm`)).body.credentials
        const path = `/api/attempts/${attemptId}/credentials/${issued[0].id}`
        const file = (await learner.client.get(path)).body
        return { userId: learner.userId, path, file }
      }
      const gone = await credentialOf('Gone Learner')
      const stays = await credentialOf('Staying Learner')
      const listUrl = gone.file.credentialStatus.statusListCredential
      expect(stays.file.credentialStatus.statusListCredential).toBe(listUrl)
      const statusOf = async (vc: object) => {
        const list = (await server().client().get(new URL(listUrl).pathname)).body
        return (await verifyBadge(vc, { statusLists: [list] })).status
      }
      expect((await assessor.post(`${gone.path}/revoke`)).status).toBe(200)
      expect(await statusOf(gone.file)).toBe('revoked')
      expect((await admin.delete(`/api/learners/${gone.userId}`)).status).toBe(200)
      // the list is signed again for another revocation: the deleted learner's copy stays revoked
      expect((await assessor.post(`${stays.path}/revoke`)).status).toBe(200)
      expect(await statusOf(stays.file)).toBe('revoked')
      expect(await statusOf(gone.file)).toBe('revoked')
    })

    it('keeps attempts for ever by default, and deletes those past the server default when set', async () => {
      const { classId, code } = await instructorWithClass(server())
      const { userId } = await joinedLearner(server(), code, 'RET-0')
      const assignmentId = await assignmentIn(server(), classId)
      const old = await attemptOf(server(), assignmentId, userId, new Date(Date.now() - 400 * DAY))
      const admin = await server().signIn('admin')
      expect((await admin.client.get('/api/settings')).body).toEqual({ retentionDays: 0 })
      expect(await applyRetention(server().db, serverNow())).toBe(0)
      expect(Number(await count(server(), 'attempts', [old]))).toBe(1)
      // PRACTICA_RETENTION_DAYS=365 while the admin has set nothing
      expect(await applyRetention(server().db, serverNow(), 365)).toBe(1)
      expect(Number(await count(server(), 'attempts', [old]))).toBe(0)
    })

    it('applies the retention setting at once, then as the days pass', async () => {
      const { classId, code } = await instructorWithClass(server())
      const { userId } = await joinedLearner(server(), code, 'RET-1')
      const assignmentId = await assignmentIn(server(), classId)
      const old = await attemptOf(
        server(),
        assignmentId,
        userId,
        new Date(serverNow().getTime() - 40 * DAY),
      )
      const recent = await attemptOf(server(), assignmentId, userId, serverNow())
      const admin = await server().signIn('admin')
      const set = await admin.client.put('/api/settings', { retentionDays: 30 })
      expect(set.status).toBe(200)
      expect(set.body).toEqual({ retentionDays: 30, deletedAttempts: 1 })
      expect((await admin.client.get('/api/settings')).body).toEqual({ retentionDays: 30 })
      expect(Number(await count(server(), 'attempts', [old]))).toBe(0)
      expect(Number(await count(server(), 'attempts', [recent]))).toBe(1)
      server().advance(29 * DAY)
      moved += 29 * DAY
      expect(await applyRetention(server().db, serverNow())).toBe(0)
      server().advance(2 * DAY)
      moved += 2 * DAY
      // this one, and those the tests before wrote at the same time
      expect(await applyRetention(server().db, serverNow())).toBeGreaterThanOrEqual(1)
      expect(Number(await count(server(), 'attempts', [recent]))).toBe(0)
    })

    it('runs the retention when the server starts (and every day after)', async () => {
      const { classId, code } = await instructorWithClass(server())
      const { userId } = await joinedLearner(server(), code, 'RET-2')
      const assignmentId = await assignmentIn(server(), classId)
      const old = await attemptOf(
        server(),
        assignmentId,
        userId,
        new Date(serverNow().getTime() - 31 * DAY),
      )
      const schedule = scheduleRetention({
        db: server().db,
        now: serverNow,
        defaultDays: 0,
        log: pino({ level: 'silent' }),
      })
      await schedule.first
      schedule.stop()
      expect(Number(await count(server(), 'attempts', [old]))).toBe(0)
    })

    it('refuses a retention that is not a whole number of days', async () => {
      const admin = await server().signIn('admin')
      for (const retentionDays of [-1, 1.5, '30', null]) {
        const answer = await admin.client.put('/api/settings', { retentionDays })
        expect(answer.status, String(retentionDays)).toBe(400)
        expect(answer.body.error.field).toBe('retentionDays')
      }
      expect((await admin.client.get('/api/settings')).body).toEqual({ retentionDays: 30 })
    })
  },
  // the credentials' signing key is sealed with the server's secret in its data folder
  { dataDir: mkdtempSync(join(tmpdir(), 'practica-privacy-')) },
)
