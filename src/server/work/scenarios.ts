// Publishing scenarios: the file's exact bytes, validated with the engine exactly as
// `npm run -s cli -- validate` does (loadScenario with the look catalogue), kept with their
// SHA-256 so that attempts recorded on them name the same file. Every version is kept; a version
// once published never changes.
import { sql } from 'kysely'
import { MAX_FILE_BYTES, loadScenario, toLanguageMap, type Problem } from '../../core/index.ts'
import { callerOf } from '../http/guard.ts'
import { readBytes } from '../http/body.ts'
import { ApiError, forbidden, notFound } from '../http/errors.ts'
import { route } from '../http/route.ts'
import { param } from './param.ts'
import { rememberModel } from './models.ts'

/** A scenario as lists show it. */
export interface ScenarioView {
  readonly id: string
  readonly version: string
  readonly sha256: string
  readonly title: Record<string, string>
}

/** A problem of a refused file, as the API sends it: the engine's code, path, params and text. */
export const problemView = ({ code, path, params, message }: Problem) => ({
  code,
  path,
  params,
  message,
})

export const scenarioRoutes = [
  route({
    method: 'POST',
    path: '/api/scenarios',
    allow: ['admin', 'instructor'],
    scope: 'none',
    summary: 'publish a scenario file (its exact bytes)',
    async handler(c) {
      const { db, now } = c.get('deps')
      const bytes = await readBytes(c, MAX_FILE_BYTES)
      const loaded = loadScenario(bytes, { looks: 'catalogue' })
      if (!loaded.ok)
        throw new ApiError(
          422,
          'invalid-scenario',
          `The scenario file has ${loaded.problems.length === 1 ? 'a problem' : `${loaded.problems.length} problems`}; the first: ${loaded.problems[0]?.message ?? ''}`,
          { problems: loaded.problems.map(problemView) },
        )
      const model = loaded.value
      const { id, version } = model.scenario
      const sha256 = model.sha256!
      const title = toLanguageMap(model.scenario.title, model.locales[0] ?? 'en')
      const inserted = await db
        .insertInto('scenarios')
        .values({
          id,
          version,
          sha256,
          bytes,
          title: JSON.stringify(title),
          published_by: callerOf(c).id,
          published_at: now(),
        })
        .onConflict((oc) => oc.columns(['id', 'version']).doNothing())
        .executeTakeFirst()
      const created = Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0
      if (!created) {
        const stored = await db
          .selectFrom('scenarios')
          .select(['sha256', 'title'])
          .where('id', '=', id)
          .where('version', '=', version)
          .executeTakeFirstOrThrow()
        if (stored.sha256 !== sha256)
          throw new ApiError(
            409,
            'version-taken',
            `Version ${version} of scenario "${id}" is already published with other contents. Raise the version in the file (for example to the next number) and publish it again.`,
            { id, version },
          )
      }
      rememberModel(model)
      const view: ScenarioView = { id, version, sha256, title }
      return c.json(view, created ? 201 : 200)
    },
  }),
  route({
    method: 'GET',
    path: '/api/scenarios',
    allow: ['admin', 'instructor', 'assessor'],
    scope: 'none',
    summary: 'every published scenario version',
    async handler(c) {
      const rows = await c
        .get('deps')
        .db.selectFrom('scenarios')
        .select(['id', 'version', 'sha256', 'title', 'published_at'])
        .orderBy('id')
        .orderBy('published_at')
        .execute()
      return c.json(
        rows.map((r) => ({
          id: r.id,
          version: r.version,
          sha256: r.sha256,
          title: r.title,
          publishedAt: r.published_at.toISOString(),
        })),
      )
    },
  }),
  route({
    method: 'GET',
    path: '/api/scenarios/:scenarioId/:version',
    allow: ['admin', 'instructor', 'assessor', 'learner'],
    scope: 'none',
    summary:
      'the exact bytes of a published scenario version (a learner: one assigned to their class)',
    async handler(c) {
      const { db } = c.get('deps')
      const caller = callerOf(c)
      const id = param(c, 'scenarioId')
      const version = param(c, 'version')
      const row = await db
        .selectFrom('scenarios')
        .select(['bytes', 'sha256'])
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst()
      if (!row) throw notFound('scenario')
      if (caller.role === 'learner') {
        const assigned = await db
          .selectFrom('assignments')
          .innerJoin('class_learners', 'class_learners.class_id', 'assignments.class_id')
          .select(sql<number>`1`.as('one'))
          .where('class_learners.user_id', '=', caller.id)
          .where('assignments.scenario_id', '=', id)
          .where('assignments.scenario_version', '=', version)
          .executeTakeFirst()
        if (!assigned) throw forbidden('open a scenario that is not assigned to your class')
      }
      return c.body(row.bytes as Uint8Array<ArrayBuffer>, 200, {
        'Content-Type': 'application/json',
        ETag: `"${row.sha256}"`,
        'X-Scenario-Sha256': row.sha256,
      })
    },
  }),
]
