// Issue 16 §5 through the API: the assessor confirms a result (who, when; the server re-scores
// the stored events), the server issues signed Open Badges 3.0 credentials (the scenario when
// passed, each competency at Competent or better), the learner downloads them, they verify with
// the network blocked and fail once a field changes, a revocation shows in the published status
// list, and a rotated key leaves the old credentials verifiable.
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, expect, it } from 'vitest'
import { verifyCommand } from '../../src/cli/verify.ts'
import { keyPairOf } from '../../src/server/badges/keys.ts'
import { SealError, serverSecret, unseal } from '../../src/server/badges/secret.ts'
import { verifyBadge, verifyOnServer } from '../../src/server/badges/verify.ts'
import type { Result } from '../../src/core/index.ts'
import { forEachDatabase, type Client } from './harness.ts'
import { assignExample, publishExample, storeAttempt } from './reviewFixtures.ts'

const DATA = mkdtempSync(join(tmpdir(), 'practica-badges-'))

/** Runs `work` with every fetch refused: verification must need no network. */
async function offline<T>(work: () => Promise<T>): Promise<T> {
  const real = globalThis.fetch
  let tried = 0
  globalThis.fetch = (() => {
    tried++
    throw new Error('the network is blocked in this test')
  }) as typeof fetch
  try {
    return await work()
  } finally {
    globalThis.fetch = real
    expect(tried, 'fetch calls during verification').toBe(0)
  }
}

forEachDatabase(
  'Open Badges credentials',
  (server) => {
    const s = {} as {
      admin: Client
      instructor: Client
      assessor: Client
      otherAssessor: Client
      learner: Client
      classmate: Client
      outsider: Client
      assignmentId: string
      passed: string
      failed: string
      learnerUserId: string
      credentials: { id: string; kind: string; achievement: string }[]
      scenarioCredential: Record<string, any>
      list: Record<string, any>
    }
    const now = () => new Date(Date.now() + 60_000)

    beforeAll(async () => {
      const db = server().db
      s.admin = (await server().signIn('admin')).client
      const instructor = await server().signIn('instructor')
      s.instructor = instructor.client
      const classId = await server().makeClass(instructor.userId)
      s.assessor = (await server().signIn('assessor', { classId, name: 'Jing Chen' })).client
      const other = await server().signIn('instructor')
      const otherClass = await server().makeClass(other.userId)
      s.otherAssessor = (await server().signIn('assessor', { classId: otherClass })).client
      s.outsider = (await server().signIn('learner', { classId: otherClass })).client
      const amina = await server().signIn('learner', { classId, name: 'Amina Phiri' })
      s.learner = amina.client
      s.learnerUserId = amina.userId
      s.classmate = (await server().signIn('learner', { classId })).client
      await publishExample(db)
      s.assignmentId = await assignExample(db, classId)
      const learner = { id: 's-1042', name: 'Amina Phiri' }
      s.passed = await storeAttempt(db, {
        assignmentId: s.assignmentId,
        userId: amina.userId,
        learner,
        end: true,
      })
      // glasses, stop, radio: the critical steps never done
      s.failed = await storeAttempt(db, {
        assignmentId: s.assignmentId,
        userId: amina.userId,
        learner,
        end: true,
        eventCount: 3,
      })
    })

    it('lets only the staff of the attempt’s class confirm, and only a result with every judgement marked', async () => {
      const path = `/api/attempts/${s.passed}/confirm`
      for (const who of [s.learner, s.outsider, s.otherAssessor])
        expect((await who.post(path)).status).toBe(403)
      const unmarked = await s.assessor.post(path)
      expect(unmarked.status).toBe(409)
      expect(unmarked.body.error.code).toBe('judgements-unmarked')
      const marked = await s.assessor.put(`/api/attempts/${s.passed}/judgements/housekeeping`, {
        mark: 2,
      })
      expect(marked.status).toBe(200)
      expect(marked.body.result.status).toBe('passed')
      // nothing recorded by the refusals
      expect((await s.assessor.get(`/api/attempts/${s.passed}/credentials`)).body).toEqual({
        confirmation: null,
        credentials: [],
      })
    })

    it('issues the scenario’s and each competency’s credential once the assessor confirms', async () => {
      const before = Date.now()
      const answer = await s.assessor.post(`/api/attempts/${s.passed}/confirm`)
      expect(answer.status).toBe(200)
      expect(answer.body.confirmation.by).toBe('Jing Chen')
      expect(Date.parse(answer.body.confirmation.at)).toBeGreaterThanOrEqual(before - 1000)
      const stored = await server()
        .db.selectFrom('results')
        .select('result')
        .where('attempt_id', '=', s.passed)
        .executeTakeFirstOrThrow()
      const result = stored.result as Result
      const reached = result.competencies
        .filter((c) => c.level === 'competent' || c.level === 'proficient')
        .map((c) => c.id)
      expect(reached.length).toBeGreaterThan(0)
      expect(reached.length).toBeLessThan(result.competencies.length)
      s.credentials = answer.body.credentials
      // each named in the scenario's languages, for the screens
      expect(s.credentials.find((c) => c.kind === 'scenario')).toMatchObject({
        name: 'Lockout/tagout of a belt conveyor drive',
        names: {
          en: 'Lockout/tagout of a belt conveyor drive',
          'zh-CN': '带式输送机驱动的上锁挂牌',
        },
      })
      expect(s.credentials.map((c) => `${c.kind} ${c.achievement}`).sort()).toEqual(
        ['scenario conveyor-loto', ...reached.map((id) => `competency ${id}`)].sort(),
      )
      // confirming again issues nothing new
      const again = await s.instructor.post(`/api/attempts/${s.passed}/confirm`)
      expect(again.body).toEqual(answer.body)
    })

    it('gives the learner their credential as signed OB 3.0 JSON that verifies with no network', async () => {
      const mine = await s.learner.get('/api/me/credentials')
      expect(mine.body.map((c: { id: string }) => c.id).sort()).toEqual(
        s.credentials.map((c) => c.id).sort(),
      )
      const scenario = s.credentials.find((c) => c.kind === 'scenario')!
      const path = `/api/attempts/${s.passed}/credentials/${scenario.id}`
      expect((await s.classmate.get(path)).status).toBe(403)
      expect((await s.outsider.get(path)).status).toBe(403)
      const file = await s.learner.get(path)
      expect(file.status).toBe(200)
      expect(file.headers.get('content-disposition')).toMatch(/attachment; filename=".+\.json"/)
      const vc = file.body
      s.scenarioCredential = vc
      expect(vc['@context']).toEqual([
        'https://www.w3.org/ns/credentials/v2',
        'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      ])
      expect(vc.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential'])
      expect(vc.issuer.id).toMatch(/^did:key:z6Mk/)
      expect(vc.proof).toMatchObject({
        type: 'DataIntegrityProof',
        cryptosuite: 'eddsa-rdfc-2022',
        proofPurpose: 'assertionMethod',
      })
      const achievement = vc.credentialSubject.achievement
      expect(achievement.name).toBe('Lockout/tagout of a belt conveyor drive')
      // the criteria: every step, in both of the scenario's languages
      expect(achievement.criteria.narrative).toContain('**en**')
      expect(achievement.criteria.narrative).toContain('**zh-CN**')
      expect(achievement.criteria.narrative).toContain('12. ')
      expect(vc.credentialSubject.identifier[0].identityHash).toBe('Amina Phiri')
      expect(vc.evidence[0].id).toBe(`urn:uuid:${s.passed}`)
      expect(vc.evidence[0].narrative).toContain('Score 81.8%')
      expect(vc.evidence[0].narrative).toContain('passed')
      expect(vc.credentialSubject.result[0].value).toBe('81.8')
      expect(vc.credentialStatus.type).toBe('BitstringStatusListEntry')
      const listPath = new URL(vc.credentialStatus.statusListCredential).pathname
      const list = await server().client().get(listPath)
      expect(list.status).toBe(200)
      s.list = list.body
      const checked = await offline(() => verifyBadge(vc, { statusLists: [list.body], now: now() }))
      expect(checked).toEqual({
        verified: true,
        signature: true,
        issuer: vc.issuer.id,
        status: 'not-revoked',
        problems: [],
      })
      // without its status list: the signature holds, the revocation is not checked
      const alone = await offline(() => verifyBadge(vc, { now: now() }))
      expect([alone.signature, alone.status]).toEqual([true, 'unchecked'])
      // the server's own check, with the list it publishes
      expect((await verifyOnServer(server().db, vc, now())).verified).toBe(true)
    })

    it('refuses a credential with one field changed, or a context that would have to be fetched', async () => {
      const changes: ((vc: any) => void)[] = [
        (vc) => (vc.credentialSubject.achievement.name = 'Lockout/tagout (expert)'),
        (vc) => (vc.credentialSubject.result[0].value = '99'),
        (vc) => (vc.credentialSubject.identifier[0].identityHash = 'Someone Else'),
        (vc) => (vc.validFrom = '2020-01-01T00:00:00.000Z'),
      ]
      for (const change of changes) {
        const vc = structuredClone(s.scenarioCredential)
        change(vc)
        const checked = await offline(() => verifyBadge(vc, { statusLists: [s.list], now: now() }))
        expect(checked.verified).toBe(false)
        expect(checked.signature).toBe(false)
        expect(checked.problems.join(' ')).toContain('Invalid signature')
      }
      const remote = structuredClone(s.scenarioCredential)
      remote['@context'].push('https://example.org/more-terms/v1')
      const refused = await offline(() => verifyBadge(remote, { now: now() }))
      expect(refused.verified).toBe(false)
      expect(refused.problems.join(' ')).toContain('nothing is fetched')
    })

    it('gives a failed attempt no scenario credential', async () => {
      const answer = await s.assessor.post(`/api/attempts/${s.failed}/confirm`)
      expect(answer.status).toBe(200)
      expect(answer.body.confirmation.by).toBe('Jing Chen')
      expect(
        answer.body.credentials.filter((c: { kind: string }) => c.kind === 'scenario'),
      ).toEqual([])
    })

    it('revokes through the published status list: the admin or the one who confirmed', async () => {
      const scenario = s.credentials.find((c) => c.kind === 'scenario')!
      const competency = s.credentials.find((c) => c.kind === 'competency')!
      const path = `/api/attempts/${s.passed}/credentials/${scenario.id}/revoke`
      expect((await s.learner.post(path)).status).toBe(403)
      expect((await s.otherAssessor.post(path)).status).toBe(403)
      const instructor = await s.instructor.post(path)
      expect(instructor.status).toBe(403)
      expect(instructor.body.error.message).toContain('confirmed')
      const revoked = await s.assessor.post(path)
      expect(revoked.status).toBe(200)
      expect(revoked.body.revokedAt).not.toBeNull()
      const listPath = new URL(s.scenarioCredential.credentialStatus.statusListCredential).pathname
      const list = (await server().client().get(listPath)).body
      const checked = await offline(() =>
        verifyBadge(s.scenarioCredential, { statusLists: [list], now: now() }),
      )
      expect(checked).toMatchObject({ verified: false, signature: true, status: 'revoked' })
      // the other credential of the same list is not revoked
      const other = (await s.learner.get(`/api/attempts/${s.passed}/credentials/${competency.id}`))
        .body
      const fine = await offline(() => verifyBadge(other, { statusLists: [list], now: now() }))
      expect(fine).toMatchObject({ verified: true, status: 'not-revoked' })
      // the learner sees it revoked
      const mine = await s.learner.get('/api/me/credentials')
      expect(mine.body.find((c: { id: string }) => c.id === scenario.id).revokedAt).not.toBeNull()
      // the CLI: a credential and the saved list; exit 1 and says revoked
      const dir = mkdtempSync(join(tmpdir(), 'practica-verify-'))
      writeFileSync(join(dir, 'badge.json'), JSON.stringify(s.scenarioCredential))
      writeFileSync(join(dir, 'list.json'), JSON.stringify(list))
      writeFileSync(join(dir, 'other.json'), JSON.stringify(other))
      const lines: string[] = []
      const io = {
        out: (t: string) => lines.push(t),
        err: (t: string) => lines.push(t),
        write: () => {},
      }
      expect(
        await offline(() =>
          verifyCommand([join(dir, 'badge.json'), join(dir, 'list.json')], io, ''),
        ),
      ).toBe(1)
      expect(lines.join('\n')).toContain('REVOKED')
      lines.length = 0
      expect(
        await offline(() =>
          verifyCommand([join(dir, 'other.json'), join(dir, 'list.json')], io, ''),
        ),
      ).toBe(0)
      expect(lines.join('\n')).toContain('not revoked')
    })

    it('rotates the key: new credentials are signed with the new one, old ones still verify and can be revoked', async () => {
      const keys = await s.admin.get('/api/badges/keys')
      expect(keys.body).toHaveLength(1)
      expect((await s.assessor.post('/api/badges/keys/rotate')).status).toBe(403)
      const rotated = await s.admin.post('/api/badges/keys/rotate')
      expect(rotated.status).toBe(200)
      const after = (await s.admin.get('/api/badges/keys')).body
      expect(after.map((k: { did: string }) => k.did)).toEqual([rotated.body.did, keys.body[0].did])
      expect(after[1].retiredAt).not.toBeNull()
      // a new passed attempt, confirmed after the rotation
      const db = server().db
      const again = await storeAttempt(db, {
        assignmentId: s.assignmentId,
        userId: s.learnerUserId,
        learner: { id: 's-1042', name: 'Amina Phiri' },
        end: true,
      })
      await s.assessor.put(`/api/attempts/${again}/judgements/housekeeping`, { mark: 3 })
      const issued = (await s.assessor.post(`/api/attempts/${again}/confirm`)).body.credentials
      const fresh = (await s.learner.get(`/api/attempts/${again}/credentials/${issued[0].id}`)).body
      expect(fresh.issuer.id).toBe(rotated.body.did)
      const freshList = (
        await server().client().get(new URL(fresh.credentialStatus.statusListCredential).pathname)
      ).body
      expect(fresh.credentialStatus.statusListCredential).not.toBe(
        s.scenarioCredential.credentialStatus.statusListCredential,
      )
      expect(
        (await offline(() => verifyBadge(fresh, { statusLists: [freshList], now: now() })))
          .verified,
      ).toBe(true)
      // an old credential: still valid, and its old key still signs its list when the admin revokes it
      const competency = s.credentials.find((c) => c.kind === 'competency')!
      const old = (await s.learner.get(`/api/attempts/${s.passed}/credentials/${competency.id}`))
        .body
      expect(old.issuer.id).toBe(keys.body[0].did)
      const oldList = () =>
        server().client().get(new URL(old.credentialStatus.statusListCredential).pathname)
      const before = (await oldList()).body
      expect(
        (await offline(() => verifyBadge(old, { statusLists: [before], now: now() }))).verified,
      ).toBe(true)
      expect(
        (await s.admin.post(`/api/attempts/${s.passed}/credentials/${competency.id}/revoke`))
          .status,
      ).toBe(200)
      const list = (await oldList()).body
      expect(list.issuer).toBe(keys.body[0].did)
      expect((await verifyBadge(old, { statusLists: [list], now: now() })).status).toBe('revoked')
    })

    it('keeps the secret key sealed in the database, opened only with the server’s secret', async () => {
      const rows = await server().db.selectFrom('badge_keys').selectAll().execute()
      const secretFile = join(DATA, 'credentials.secret')
      expect(statSync(secretFile).mode & 0o777).toBe(0o600)
      for (const row of rows) {
        const secret = unseal(row.sealed_secret, serverSecret(DATA), row.did)
        expect(secret).toMatch(/^z/)
        expect(row.sealed_secret).not.toContain(secret)
        expect(JSON.stringify(row)).not.toContain(secret)
        // another row's label, or another server's secret, cannot open it
        expect(() => unseal(row.sealed_secret, serverSecret(DATA), 'did:key:other')).toThrow(
          SealError,
        )
      }
      const elsewhere = mkdtempSync(join(tmpdir(), 'practica-other-server-'))
      await expect(keyPairOf(rows[0]!, elsewhere)).rejects.toMatchObject({
        code: 'signing-key-unreadable',
      })
      expect(readFileSync(secretFile, 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/)
    })

    it('confirms again once a mark changed the result: the earlier credentials revoked, new ones issued', async () => {
      const path = `/api/attempts/${s.passed}/confirm`
      const before = (await s.assessor.get(`/api/attempts/${s.passed}/credentials`)).body
      // the same result: confirming again changes nothing
      expect((await s.instructor.post(path)).body).toEqual(before)
      const marked = await s.assessor.put(`/api/attempts/${s.passed}/judgements/housekeeping`, {
        mark: 3,
      })
      expect(marked.body.revision).toBeGreaterThan(before.confirmation.revision)
      const again = await s.instructor.post(path)
      expect(again.status).toBe(200)
      expect(again.body.confirmation.revision).toBe(marked.body.revision)
      expect(again.body.confirmation.by).not.toBe('Jing Chen')
      const earlier = new Set(before.credentials.map((c: { id: string }) => c.id))
      const old = again.body.credentials.filter((c: { id: string }) => earlier.has(c.id))
      const fresh = again.body.credentials.filter((c: { id: string }) => !earlier.has(c.id))
      expect(old).toHaveLength(before.credentials.length)
      for (const c of old) expect(c.revokedAt).not.toBeNull()
      // housekeeping at 3 of 3: that competency is reached now too
      expect(fresh.map((c: { achievement: string }) => c.achievement)).toContain(
        'WORK.HOUSEKEEPING',
      )
      expect(fresh.length).toBeGreaterThan(
        before.credentials.filter((c: any) => !c.revokedAt).length,
      )
      // the published lists say so: an earlier one revoked, a new one not
      const [oldOne, newOne] = [old[old.length - 1], fresh[0]]
      for (const [c, status] of [
        [oldOne, 'revoked'],
        [newOne, 'not-revoked'],
      ] as const) {
        const vc = (await s.learner.get(`/api/attempts/${s.passed}/credentials/${c.id}`)).body
        const list = (
          await server().client().get(new URL(vc.credentialStatus.statusListCredential).pathname)
        ).body
        expect((await verifyBadge(vc, { statusLists: [list], now: now() })).status).toBe(status)
      }
    })
  },
  { dataDir: DATA },
)
