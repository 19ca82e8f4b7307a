// The Open Badges routes: the assessor confirms an attempt's result (the credentials are issued
// then), anyone who may see the attempt (its learner, its class's staff) lists and downloads its
// credentials, an admin or the confirming assessor revokes one, the public reads the status lists,
// and the admin sees and rotates the school's signing key.
import type { Context } from 'hono'
import type { AppEnv } from '../http/context.ts'
import { notFound } from '../http/errors.ts'
import { callerOf, classOf } from '../http/guard.ts'
import { route } from '../http/route.ts'
import type { Role } from '../db/schema.ts'
import { closeDueAssignments } from '../work/close.ts'
import {
  confirmAttempt,
  credentialFile,
  credentialsOf,
  revokeCredential,
  type BadgeDeps,
} from './issue.ts'
import { rotateKey } from './keys.ts'
import { publishedList } from './status.ts'

const REVIEWERS: readonly Role[] = ['admin', 'instructor', 'assessor']
const EVERYONE: readonly Role[] = ['admin', 'instructor', 'assessor', 'learner']
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

const param = (c: Context<AppEnv>, name: string): string => c.req.param(name) ?? ''

function badgeDeps(c: Context<AppEnv>): BadgeDeps {
  const { db, config, now } = c.get('deps')
  return { db, dataDir: config.dataDir, now }
}

/** A credential id from the path: a uuid, else it names nothing. */
function credentialParam(c: Context<AppEnv>): string {
  const id = param(c, 'credentialId')
  if (!UUID.test(id)) throw notFound('credential')
  return id
}

/** A file name of plain letters for a download. */
const fileName = (name: string) =>
  `${
    name
      .normalize('NFKD')
      .replace(/[^\w.-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'credential'
  }.json`

export const badgeRoutes = [
  route({
    method: 'POST',
    path: '/api/attempts/:attemptId/confirm',
    allow: REVIEWERS,
    scope: 'attempt',
    summary: "confirm an attempt's result and issue its Open Badges credentials",
    async handler(c) {
      const { db, now, log } = c.get('deps')
      await closeDueAssignments(db, now(), { classId: classOf(c), log })
      // the status lists' address: the origin the guard accepted (this server, as reached)
      const origin = c.req.header('origin') ?? new URL(c.req.url).origin
      return c.json(await confirmAttempt(badgeDeps(c), param(c, 'attemptId'), callerOf(c), origin))
    },
  }),
  route({
    method: 'GET',
    path: '/api/attempts/:attemptId/credentials',
    allow: EVERYONE,
    scope: 'attempt',
    summary: "an attempt's confirmation and the credentials issued for it",
    async handler(c) {
      return c.json(await credentialsOf(c.get('deps').db, param(c, 'attemptId')))
    },
  }),
  route({
    method: 'GET',
    path: '/api/attempts/:attemptId/credentials/:credentialId',
    allow: EVERYONE,
    scope: 'attempt',
    summary: 'download a credential of an attempt (signed JSON)',
    async handler(c) {
      const file = await credentialFile(c.get('deps').db, param(c, 'attemptId'), credentialParam(c))
      if (!file) throw notFound('credential')
      return c.body(`${JSON.stringify(file.credential, null, 2)}\n`, 200, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Disposition': `attachment; filename="${fileName(file.name)}"`,
      })
    },
  }),
  route({
    method: 'POST',
    path: '/api/attempts/:attemptId/credentials/:credentialId/revoke',
    allow: REVIEWERS,
    scope: 'attempt',
    summary: 'revoke a credential (an admin, or who confirmed the result)',
    async handler(c) {
      const id = credentialParam(c)
      return c.json(await revokeCredential(badgeDeps(c), param(c, 'attemptId'), id, callerOf(c)))
    },
  }),
  route({
    method: 'GET',
    path: '/api/me/credentials',
    allow: ['learner'],
    scope: 'none',
    summary: "the signed-in learner's credentials",
    async handler(c) {
      const rows = await c
        .get('deps')
        .db.selectFrom('badge_credentials')
        .select([
          'id',
          'attempt_id',
          'kind',
          'achievement',
          'name',
          'names',
          'issued_at',
          'revoked_at',
        ])
        .where('user_id', '=', callerOf(c).id)
        .orderBy('issued_at', 'desc')
        .orderBy('kind', 'desc')
        .orderBy('achievement')
        .execute()
      return c.json(
        rows.map((r) => ({
          id: r.id,
          attemptId: r.attempt_id,
          kind: r.kind,
          achievement: r.achievement,
          name: r.name,
          names: r.names,
          issuedAt: r.issued_at.toISOString(),
          revokedAt: r.revoked_at?.toISOString() ?? null,
        })),
      )
    },
  }),
  route({
    method: 'GET',
    path: '/api/credentials/status/:listId',
    allow: 'public',
    scope: 'none',
    summary: 'a published Bitstring Status List (revocations)',
    async handler(c) {
      const raw = param(c, 'listId')
      const id = /^[1-9]\d{0,8}$/.test(raw) ? Number(raw) : undefined
      const list = id === undefined ? undefined : await publishedList(c.get('deps').db, id)
      if (!list) throw notFound('status list')
      c.header('Cache-Control', 'no-cache')
      return c.json(list)
    },
  }),
  route({
    method: 'GET',
    path: '/api/badges/keys',
    allow: ['admin'],
    scope: 'none',
    summary: "the school's signing keys (current and retired)",
    async handler(c) {
      const rows = await c
        .get('deps')
        .db.selectFrom('badge_keys')
        .select(['did', 'created_at', 'retired_at'])
        .orderBy('created_at', 'desc')
        .execute()
      return c.json(
        rows.map((r) => ({
          did: r.did,
          createdAt: r.created_at.toISOString(),
          retiredAt: r.retired_at?.toISOString() ?? null,
        })),
      )
    },
  }),
  route({
    method: 'POST',
    path: '/api/badges/keys/rotate',
    allow: ['admin'],
    scope: 'none',
    summary: "rotate the school's signing key (old credentials still verify)",
    async handler(c) {
      const key = await rotateKey(badgeDeps(c), callerOf(c).id)
      return c.json({ did: key.did, createdAt: key.created_at.toISOString(), retiredAt: null })
    },
  }),
]
