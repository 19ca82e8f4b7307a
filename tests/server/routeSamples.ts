// A valid sample request for every route of the server's table (src/server/http/routes.ts), on
// the caller's own class or on another class, over one small world: two classes with their
// instructors, assessors and learners, the worked example published and assigned, an ended
// attempt in each class. The authorization matrix and the security tests are generated from
// ROUTES with these samples; a route without a sample fails both, so none can be forgotten.
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import type { Role } from '../../src/server/db/schema.ts'
import type { Route } from '../../src/server/http/route.ts'
import { createStaff } from '../../src/server/people/users.ts'
import { Client, type TestServer } from './harness.ts'
import {
  assignExample,
  EXAMPLE,
  SCENARIO_BYTES,
  SCENARIO_SHA256,
  storeAttempt,
} from './reviewFixtures.ts'

export type Who = Role | 'nobody'
export const EVERYONE: readonly Who[] = ['admin', 'instructor', 'assessor', 'learner', 'nobody']
/** `own`: the class the caller belongs to (an admin's: class A); `other`: a class they are not in */
export type Target = 'own' | 'other'

export const routeKey = (r: Pick<Route, 'method' | 'path'>) => `${r.method} ${r.path}`

/** One class of the world and its people. */
export interface WorldClass {
  readonly id: string
  readonly code: string
  readonly instructorId: string
  readonly assessorId: string
  readonly learnerId: string
  /** the learner's learner ID (the school's) */
  readonly learnerCode: string
  /** the worked example (conveyor-loto 1.0.0) assigned, practice mode */
  readonly assignmentId: string
  /** the learner's ended, scored attempt on it */
  readonly attemptId: string
}

export interface World {
  readonly server: TestServer
  readonly adminId: string
  /** class A: the own class of the people below; class B: another class, another instructor */
  readonly a: WorldClass
  readonly b: WorldClass
  /** a staff account with a real password, for sign-in */
  readonly staffLogin: string
  readonly staffPassword: string
  /** the person `who` is, in class A */
  personOf(who: Role): string
  /** a new client with a fresh session of `who` (none for nobody) */
  clientOf(who: Who): Promise<Client>
}

/** The worked example as version 1.0.1 (other bytes): assigned to class B only. */
export const OTHER_VERSION_BYTES = new TextEncoder().encode(
  new TextDecoder().decode(SCENARIO_BYTES).replace(/"version":\s*"1\.0\.0"/, '"version": "1.0.1"'),
)

/** A new session for `userId` (as a sign-in would make), and a client that carries it. */
export async function sessionClient(server: TestServer, userId: string): Promise<Client> {
  const token = randomBytes(32).toString('base64url')
  await server.db
    .insertInto('sessions')
    .values({
      id: createHash('sha256').update(token).digest('hex'),
      user_id: userId,
      expires_at: new Date(Date.now() + 24 * 3_600_000),
    })
    .execute()
  const client = server.client()
  client.cookies.set('practica_session', token)
  return client
}

async function makeUser(server: TestServer, role: Role, name = `${role} person`): Promise<string> {
  const id = randomUUID()
  await server.db
    .insertInto('users')
    .values({
      id,
      role,
      name,
      login: role === 'learner' ? null : `${role}-${id.slice(0, 8)}`,
      password_hash: null,
    })
    .execute()
  return id
}

async function makeLearner(server: TestServer, classId: string, learnerCode?: string) {
  const id = await makeUser(server, 'learner', 'Learner')
  const code = learnerCode ?? `L-${id.slice(0, 8)}`
  await server.db
    .insertInto('class_learners')
    .values({ class_id: classId, user_id: id, learner_id: code, pin_hash: null })
    .execute()
  return { id, code }
}

async function makeWorldClass(server: TestServer, admin: Client): Promise<WorldClass> {
  const instructorId = await makeUser(server, 'instructor')
  const code = randomBytes(3).toString('hex').toUpperCase()
  const id = await server.makeClass(instructorId, { code })
  const assessorId = await makeUser(server, 'assessor')
  await server.db
    .insertInto('assessor_classes')
    .values({ assessor_id: assessorId, class_id: id })
    .execute()
  const learner = await makeLearner(server, id)
  const assigned = await admin.post(`/api/classes/${id}/assignments`, {
    scenarioId: 'conveyor-loto',
    version: '1.0.0',
    mode: 'practice',
  })
  if (assigned.status !== 201) throw new Error(`assigning failed: ${JSON.stringify(assigned.body)}`)
  const assignmentId = assigned.body.id as string
  const attemptId = await storeAttempt(server.db, {
    assignmentId,
    userId: learner.id,
    learner: { id: learner.code, name: 'Learner' },
    end: true,
  })
  return {
    id,
    code,
    instructorId,
    assessorId,
    learnerId: learner.id,
    learnerCode: learner.code,
    assignmentId,
    attemptId,
  }
}

/** Builds the world on `server`: publishes through the API, the rest straight in the database. */
export async function buildWorld(server: TestServer): Promise<World> {
  const adminId = await makeUser(server, 'admin')
  const admin = await sessionClient(server, adminId)
  for (const bytes of [SCENARIO_BYTES, OTHER_VERSION_BYTES]) {
    const published = await admin.request('POST', '/api/scenarios', new Uint8Array(bytes))
    if (published.status !== 201 && published.status !== 200)
      throw new Error(`publishing failed: ${JSON.stringify(published.body)}`)
  }
  const a = await makeWorldClass(server, admin)
  const b = await makeWorldClass(server, admin)
  const onlyB = await admin.post(`/api/classes/${b.id}/assignments`, {
    scenarioId: 'conveyor-loto',
    version: '1.0.1',
    mode: 'practice',
  })
  if (onlyB.status !== 201) throw new Error(`assigning failed: ${JSON.stringify(onlyB.body)}`)
  const staffLogin = `staff-${randomBytes(4).toString('hex')}`
  const staffPassword = 'correct horse battery'
  await createStaff(
    server.db,
    { role: 'instructor', login: staffLogin, name: 'Staff Person', password: staffPassword },
    new Date(),
  )
  const people: Record<Role, string> = {
    admin: adminId,
    instructor: a.instructorId,
    assessor: a.assessorId,
    learner: a.learnerId,
  }
  return {
    server,
    adminId,
    a,
    b,
    staffLogin,
    staffPassword,
    personOf: (who) => people[who],
    clientOf: async (who) =>
      who === 'nobody' ? server.client() : sessionClient(server, people[who]),
  }
}

/** A request: path (with query), and a JSON body or the raw bytes of one. */
export interface SampleRequest {
  readonly path: string
  readonly body?: unknown
  /** the answer an allowed caller gets; 2xx by default */
  readonly ok?: number
}

export interface Sample {
  /** makes the request for `target` (making what it needs first: a fresh learner to delete …) */
  make(world: World, target: Target): Promise<SampleRequest> | SampleRequest
  /** roles a route that names no class still refuses (403) on another class's things */
  readonly otherForbidden?: readonly Role[]
}

const pick = (w: World, target: Target) => (target === 'own' ? w.a : w.b)

/** A new attempt's first batch, by class A's learner (B's learner for `other`, refused anyway). */
function firstBatch(w: World, c: WorldClass) {
  const attemptId = randomUUID()
  return {
    path: `/api/assignments/${c.assignmentId}/attempts/${attemptId}/events`,
    body: {
      header: {
        format: EXAMPLE.format,
        id: attemptId,
        scenario: { id: 'conveyor-loto', version: '1.0.0', sha256: SCENARIO_SHA256 },
        learner: { id: w.a.learnerCode, name: 'Learner' },
        mode: 'practice',
        startedAt: EXAMPLE.startedAt,
        faults: [],
      },
      from: 0,
      events: EXAMPLE.events.slice(0, 2),
    },
  }
}

/** The sample of every route, keyed `${method} ${path}` as ROUTES has them. */
export const SAMPLES: Readonly<Record<string, Sample>> = {
  'GET /api/health': { make: () => ({ path: '/api/health' }) },
  'GET /api/session': { make: () => ({ path: '/api/session' }) },
  'POST /api/session': {
    make: (w) => ({
      path: '/api/session',
      body: { login: w.staffLogin, password: w.staffPassword },
    }),
  },
  'DELETE /api/session': { make: () => ({ path: '/api/session' }) },
  'POST /api/join': {
    make: (w, t) => ({
      path: '/api/join',
      body: { code: pick(w, t).code, learnerId: `J-${randomUUID().slice(0, 8)}`, name: 'New One' },
    }),
  },
  'GET /api/setup': { make: () => ({ path: '/api/setup' }) },
  'POST /api/setup': {
    // the world has its admin: the setup link is spent
    make: () => ({
      path: '/api/setup',
      body: {
        token: 'a-setup-token-0123456789',
        login: 'first-admin',
        name: 'First Admin',
        password: 'a long password',
      },
      ok: 409,
    }),
  },
  'GET /api/users': { make: () => ({ path: '/api/users' }) },
  'POST /api/users': {
    make: () => ({
      path: '/api/users',
      body: {
        role: 'assessor',
        login: `new-${randomUUID().slice(0, 8)}`,
        name: 'New Assessor',
        password: 'a long password',
      },
    }),
  },
  'DELETE /api/users/:userId': {
    make: async (w) => ({ path: `/api/users/${await makeUser(w.server, 'assessor')}` }),
  },
  'POST /api/classes': { make: () => ({ path: '/api/classes', body: { name: 'New class' } }) },
  'GET /api/classes': { make: () => ({ path: '/api/classes' }) },
  'GET /api/classes/:classId': { make: (w, t) => ({ path: `/api/classes/${pick(w, t).id}` }) },
  'PATCH /api/classes/:classId': {
    make: (w, t) => ({ path: `/api/classes/${pick(w, t).id}`, body: { name: 'Renamed class' } }),
  },
  'PUT /api/classes/:classId/assessors/:assessorId': {
    make: async (w, t) => ({
      path: `/api/classes/${pick(w, t).id}/assessors/${await makeUser(w.server, 'assessor')}`,
    }),
  },
  'DELETE /api/classes/:classId/assessors/:assessorId': {
    make: async (w, t) => {
      const assessorId = await makeUser(w.server, 'assessor')
      const classId = pick(w, t).id
      await w.server.db
        .insertInto('assessor_classes')
        .values({ assessor_id: assessorId, class_id: classId })
        .execute()
      return { path: `/api/classes/${classId}/assessors/${assessorId}` }
    },
  },
  'POST /api/learners/:userId/pin': {
    make: async (w, t) => ({
      path: `/api/learners/${(await makeLearner(w.server, pick(w, t).id)).id}/pin`,
    }),
  },
  'GET /api/learners/:userId/export': {
    make: (w, t) => ({ path: `/api/learners/${pick(w, t).learnerId}/export` }),
  },
  'DELETE /api/learners/:userId': {
    make: async (w, t) => ({
      path: `/api/learners/${(await makeLearner(w.server, pick(w, t).id)).id}`,
    }),
  },
  'GET /api/settings': { make: () => ({ path: '/api/settings' }) },
  'PUT /api/settings': { make: () => ({ path: '/api/settings', body: { retentionDays: 0 } }) },
  'POST /api/scenarios': {
    // the same bytes again: the same answer
    make: () => ({ path: '/api/scenarios', body: new Uint8Array(SCENARIO_BYTES) }),
  },
  'GET /api/scenarios': { make: () => ({ path: '/api/scenarios' }) },
  'GET /api/scenarios/:scenarioId/:version': {
    // own: assigned to class A (and B); other: 1.0.1, assigned to class B only
    make: (_w, t) => ({ path: `/api/scenarios/conveyor-loto/${t === 'own' ? '1.0.0' : '1.0.1'}` }),
    otherForbidden: ['learner'],
  },
  'POST /api/classes/:classId/assignments': {
    make: (w, t) => ({
      path: `/api/classes/${pick(w, t).id}/assignments`,
      body: { scenarioId: 'conveyor-loto', version: '1.0.0', mode: 'practice' },
    }),
  },
  'GET /api/classes/:classId/assignments': {
    make: (w, t) => ({ path: `/api/classes/${pick(w, t).id}/assignments` }),
  },
  'PATCH /api/assignments/:assignmentId': {
    make: async (w, t) => ({
      path: `/api/assignments/${await assignExample(w.server.db, pick(w, t).id)}`,
      body: { maxAttempts: 3 },
    }),
  },
  'POST /api/assignments/:assignmentId/close': {
    make: async (w, t) => ({
      path: `/api/assignments/${await assignExample(w.server.db, pick(w, t).id)}/close`,
    }),
  },
  'POST /api/assignments/:assignmentId/attempts/:attemptId/events': {
    make: (w, t) => firstBatch(w, pick(w, t)),
  },
  'GET /api/attempts/:attemptId': {
    make: (w, t) => ({ path: `/api/attempts/${pick(w, t).attemptId}` }),
  },
  'GET /api/me/attempts': { make: () => ({ path: '/api/me/attempts' }) },
  'GET /api/classes/:classId/results': {
    make: (w, t) => ({ path: `/api/classes/${pick(w, t).id}/results` }),
  },
  'GET /api/assignments/:assignmentId/results': {
    make: (w, t) => ({ path: `/api/assignments/${pick(w, t).assignmentId}/results` }),
  },
  'PUT /api/attempts/:attemptId/judgements/:judgementId': {
    make: (w, t) => ({
      path: `/api/attempts/${pick(w, t).attemptId}/judgements/housekeeping`,
      body: { mark: 2 },
    }),
  },
  'GET /api/attempts/:attemptId/audit': {
    make: (w, t) => ({ path: `/api/attempts/${pick(w, t).attemptId}/audit` }),
  },
  'POST /api/assignments/:assignmentId/messages': {
    make: (w, t) => ({
      path: `/api/assignments/${pick(w, t).assignmentId}/messages`,
      body: { text: 'Check the guard before you start.', learnerId: pick(w, t).learnerId },
    }),
  },
  'GET /api/assignments/:assignmentId/messages': {
    make: (w, t) => ({ path: `/api/assignments/${pick(w, t).assignmentId}/messages` }),
  },
  'POST /api/assignments/:assignmentId/end': {
    // a fresh assignment each time: ending closes it 30 s later
    make: async (w, t) => ({
      path: `/api/assignments/${await assignExample(w.server.db, pick(w, t).id)}/end`,
    }),
  },
  'GET /api/assignments/:assignmentId/inbox/stream': {
    // the stream ends once it sent what was there
    make: (w, t) => ({
      path: `/api/assignments/${pick(w, t).assignmentId}/inbox/stream?maxSeconds=0`,
    }),
  },
  'GET /api/attempts/:attemptId/messages': {
    make: (w, t) => ({ path: `/api/attempts/${pick(w, t).attemptId}/messages` }),
  },
  'GET /api/assignments/:assignmentId/live': {
    make: (w, t) => ({ path: `/api/assignments/${pick(w, t).assignmentId}/live` }),
  },
  'GET /api/assignments/:assignmentId/live/stream': {
    // the stream ends once it sent the grid
    make: (w, t) => ({
      path: `/api/assignments/${pick(w, t).assignmentId}/live/stream?maxSeconds=0`,
    }),
  },
  'PUT /api/assignments/:assignmentId/live/idle': {
    make: (w, t) => ({
      path: `/api/assignments/${pick(w, t).assignmentId}/live/idle`,
      body: { minutes: 5 },
    }),
  },
  'GET /api/assignments/:assignmentId/live/learners/:userId/attempt': {
    make: (w, t) => ({
      path: `/api/assignments/${pick(w, t).assignmentId}/live/learners/${pick(w, t).learnerId}/attempt?from=0`,
    }),
  },
  'GET /api/classes/:classId/export': {
    make: (w, t) => ({ path: `/api/classes/${pick(w, t).id}/export?format=csv` }),
  },
  'GET /api/lrs/clients': { make: () => ({ path: '/api/lrs/clients' }) },
  'POST /api/lrs/clients': { make: () => ({ path: '/api/lrs/clients', body: { name: 'An LMS' } }) },
  'DELETE /api/lrs/clients/:clientId': {
    make: async (w) => {
      const id = randomUUID()
      await w.server.db
        .insertInto('lrs_clients')
        .values({
          id,
          name: 'To revoke',
          key: `k-${id}`,
          secret_hash: 'none',
          created_by: null,
          created_at: new Date(),
        })
        .execute()
      return { path: `/api/lrs/clients/${id}` }
    },
  },
  'GET /api/lrs/settings': { make: () => ({ path: '/api/lrs/settings' }) },
  'PUT /api/lrs/settings': {
    make: () => ({
      path: '/api/lrs/settings',
      body: { activityBase: 'https://school.test/practica/xapi' },
    }),
  },
  'GET /api/lrs/forward': { make: () => ({ path: '/api/lrs/forward' }) },
  'PUT /api/lrs/forward': {
    make: () => ({
      path: '/api/lrs/forward',
      // paused: the test server sends nothing to this address
      body: {
        endpoint: 'https://lrs.school.test/xapi',
        username: 'practica',
        secret: 'a secret',
        paused: true,
      },
    }),
  },
  'DELETE /api/lrs/forward': { make: () => ({ path: '/api/lrs/forward' }) },
  'POST /api/lrs/forward/retry': {
    make: async (w) => {
      // forwarding set (paused), so that there is something to try again
      await w.server.db
        .insertInto('lrs_forward')
        .values({
          id: 1,
          endpoint: 'https://lrs.school.test/xapi/',
          username: 'practica',
          secret: 'a secret',
          paused: true,
          updated_by: null,
          updated_at: new Date(),
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute()
      return { path: '/api/lrs/forward/retry', body: {} }
    },
  },
  // Open Badges: confirming a fresh ended attempt that failed (recorded, nothing to sign); the
  // downloads and revocations of a credential the sample names by a fresh id (404 once allowed:
  // tests/server/badges.test.ts issues real ones)
  'POST /api/attempts/:attemptId/confirm': {
    async make(w, t) {
      const c = pick(w, t)
      const attemptId = await storeAttempt(w.server.db, {
        assignmentId: c.assignmentId,
        userId: c.learnerId,
        learner: { id: c.learnerCode, name: 'Learner' },
        end: true,
        eventCount: 3,
      })
      return { path: `/api/attempts/${attemptId}/confirm` }
    },
  },
  'GET /api/attempts/:attemptId/credentials': {
    make: (w, t) => ({ path: `/api/attempts/${pick(w, t).attemptId}/credentials` }),
  },
  'GET /api/attempts/:attemptId/credentials/:credentialId': {
    make: (w, t) => ({
      path: `/api/attempts/${pick(w, t).attemptId}/credentials/${randomUUID()}`,
      ok: 404,
    }),
  },
  'POST /api/attempts/:attemptId/credentials/:credentialId/revoke': {
    make: (w, t) => ({
      path: `/api/attempts/${pick(w, t).attemptId}/credentials/${randomUUID()}/revoke`,
      ok: 404,
    }),
  },
  'GET /api/me/credentials': { make: () => ({ path: '/api/me/credentials' }) },
  'GET /api/credentials/status/:listId': {
    make: () => ({ path: '/api/credentials/status/999', ok: 404 }),
  },
  'GET /api/badges/keys': { make: () => ({ path: '/api/badges/keys' }) },
  'POST /api/badges/keys/rotate': { make: () => ({ path: '/api/badges/keys/rotate' }) },
}

/**
 * The answer `who` must get from `route` on `target`: `allowed` (anything but 401 and 403),
 * 401 (not signed in) or 403 (wrong role, or a class they may not reach). An admin reaches
 * every class.
 */
export function expectedAnswer(route: Route, who: Who, target: Target): 'allowed' | 401 | 403 {
  if (route.allow === 'public') return 'allowed'
  if (who === 'nobody') return 401
  if (!route.allow.includes(who)) return 403
  if (target === 'other' && who !== 'admin') {
    if (route.scope !== 'none') return 403
    if (SAMPLES[routeKey(route)]?.otherForbidden?.includes(who)) return 403
  }
  return 'allowed'
}

/** Who calls a route in the security tests: nobody for public routes, else an allowed role. */
export function callerFor(route: Route): Who {
  if (route.allow === 'public') return 'nobody'
  return route.allow.includes('admin') ? 'admin' : route.allow[0]!
}

/** Sends a sample request as `client`. */
export function send(client: Client, method: string, request: SampleRequest) {
  return client.request(method, request.path, request.body)
}
