// The authorization matrix, generated from the server's route table: every route, for every role
// (and for nobody signed in), on the caller's own class and on another class, gets exactly the
// answer its `allow` and `scope` say — allowed (not 401/403; and the sample's own success on the
// own class), 401 without a sign-in, 403 for a wrong role or a class out of reach. A route
// without a sample request fails here, so a new route cannot be forgotten.
import { beforeAll, describe, expect, it } from 'vitest'
import type { Route } from '../../src/server/http/route.ts'
import { ROUTES } from '../../src/server/http/routes.ts'
import { forEachDatabase } from './harness.ts'
import {
  buildWorld,
  EVERYONE,
  expectedAnswer,
  routeKey,
  SAMPLES,
  send,
  type Target,
  type World,
} from './routeSamples.ts'

const TARGETS: readonly Target[] = ['own', 'other']

describe('the sample table', () => {
  it('has a valid sample request for every route of the table', () => {
    const missing = ROUTES.map(routeKey).filter((key) => !SAMPLES[key])
    expect(missing, 'routes without a sample in tests/server/routeSamples.ts').toEqual([])
  })

  it('has no sample for a route the table no longer has', () => {
    const keys = new Set(ROUTES.map(routeKey))
    expect(Object.keys(SAMPLES).filter((key) => !keys.has(key))).toEqual([])
  })

  it('lists every route once', () => {
    const keys = ROUTES.map(routeKey)
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([])
  })
})

/** What `route` answered differently from its `allow` and `scope`, one line per case. */
async function wrongAnswers(world: World, route: Route): Promise<string[]> {
  const sample = SAMPLES[routeKey(route)]
  if (!sample) return [`${routeKey(route)} has no sample request in tests/server/routeSamples.ts`]
  const wrong: string[] = []
  for (const target of TARGETS)
    for (const who of EVERYONE) {
      const request = await sample.make(world, target)
      const client = await world.clientOf(who)
      const answer = await send(client, route.method, request)
      const expected = expectedAnswer(route, who, target)
      const got = answer.status
      const what = `${who} on ${target === 'own' ? 'their own class' : 'another class'}: ${route.method} ${request.path}`
      const detail = JSON.stringify(answer.body)?.slice(0, 200)
      if (expected === 'allowed') {
        if (got === 401 || got === 403 || got >= 500)
          wrong.push(`${what} → ${got} (expected allowed) ${detail}`)
        // the sample is valid: an allowed caller gets its success on their own class
        else if (target === 'own') {
          const fine = request.ok === undefined ? got >= 200 && got < 300 : got === request.ok
          if (!fine) wrong.push(`${what} → ${got} (expected ${request.ok ?? '2xx'}) ${detail}`)
        }
      } else if (got !== expected) wrong.push(`${what} → ${got} (expected ${expected}) ${detail}`)
      else if (typeof answer.body?.error?.message !== 'string')
        wrong.push(`${what} → ${got} without a plain message`)
    }
  return wrong
}

forEachDatabase('authorization matrix', (server) => {
  let world: World
  beforeAll(async () => {
    world = await buildWorld(server())
  }, 120_000)

  for (const route of ROUTES) {
    const key = routeKey(route)
    it(`${key} (${route.allow === 'public' ? 'public' : route.allow.join(', ')}; scope ${route.scope})`, async () => {
      expect(await wrongAnswers(world, route)).toEqual([])
    }, 60_000)
  }

  it('reports a route whose answers differ from its allow and scope (the matrix can fail)', async () => {
    const results = ROUTES.find((r) => routeKey(r) === 'GET /api/classes/:classId/results')!
    // as if learners were allowed: the server's 403 to one in their own class is reported (on
    // another class 403 is right either way)
    const learners = await wrongAnswers(world, {
      ...results,
      allow: ['admin', 'instructor', 'assessor', 'learner'],
    })
    expect(learners.map((w) => w.split(':')[0])).toEqual(['learner on their own class'])
    // as if it named no class: the 403s on another class are reported
    const unscoped = await wrongAnswers(world, { ...results, scope: 'none' })
    expect(unscoped.map((w) => w.split(':')[0])).toEqual([
      'instructor on another class',
      'assessor on another class',
    ])
  })

  it('a learner reads only their own attempts, even in their own class', async () => {
    const classmate = await world.server.signIn('learner', { classId: world.a.id })
    const answer = await classmate.client.get(`/api/attempts/${world.a.attemptId}`)
    expect(answer.status).toBe(403)
    const mine = await (await world.clientOf('learner')).get(`/api/attempts/${world.a.attemptId}`)
    expect(mine.status).toBe(200)
  })

  it('an assessor reaches a class once the admin assigns it, and not after', async () => {
    const assessor = await world.server.signIn('assessor')
    const path = `/api/classes/${world.b.id}/results`
    expect((await assessor.client.get(path)).status).toBe(403)
    const admin = await world.clientOf('admin')
    expect(
      (await admin.put(`/api/classes/${world.b.id}/assessors/${assessor.userId}`)).status,
    ).toBe(200)
    expect((await assessor.client.get(path)).status).toBe(200)
    expect(
      (await admin.delete(`/api/classes/${world.b.id}/assessors/${assessor.userId}`)).status,
    ).toBe(200)
    expect((await assessor.client.get(path)).status).toBe(403)
  })
})
