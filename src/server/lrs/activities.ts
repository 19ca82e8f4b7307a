// The Activities resource (xAPI 1.0.3 Part Three 2.5): GET /xapi/activities?activityId=… answers
// the Activity Object with the definition the latest statement stored in this LRS gave it (as the
// statement's object or one of its context activities). An activity no statement defined is still
// answered, as an Activity Object with its id alone (2.5.s2.b1).
import type { Context } from 'hono'
import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import type { LrsApp, LrsEnv } from './app.ts'
import { activityIdOf, readParams, xapiJson } from './documentsParams.ts'

/**
 * The latest definition statements gave each of `activityIds` (as the statement's object or one of
 * its context activities), by id; an activity no statement defined is not in the map.
 */
export async function latestDefinitions(
  db: Kysely<Database>,
  activityIds: readonly string[],
): Promise<Map<string, Record<string, unknown>>> {
  if (activityIds.length === 0) return new Map()
  const ids = sql`ARRAY[${sql.join(activityIds.map((id) => sql`${id}`))}]::text[]`
  const { rows } = await sql<{ id: string; definition: Record<string, unknown> }>`
    SELECT DISTINCT ON (a.value ->> 'id') a.value ->> 'id' AS id, a.value -> 'definition' AS definition
      FROM lrs_statements s
     CROSS JOIN LATERAL jsonb_array_elements(
             jsonb_build_array(s.statement -> 'object')
             || CASE WHEN jsonb_typeof(s.statement -> 'context' -> 'contextActivities' -> 'parent') = 'array'
                     THEN s.statement -> 'context' -> 'contextActivities' -> 'parent' ELSE '[]'::jsonb END
             || CASE WHEN jsonb_typeof(s.statement -> 'context' -> 'contextActivities' -> 'grouping') = 'array'
                     THEN s.statement -> 'context' -> 'contextActivities' -> 'grouping' ELSE '[]'::jsonb END
             || CASE WHEN jsonb_typeof(s.statement -> 'context' -> 'contextActivities' -> 'category') = 'array'
                     THEN s.statement -> 'context' -> 'contextActivities' -> 'category' ELSE '[]'::jsonb END
             || CASE WHEN jsonb_typeof(s.statement -> 'context' -> 'contextActivities' -> 'other') = 'array'
                     THEN s.statement -> 'context' -> 'contextActivities' -> 'other' ELSE '[]'::jsonb END
           ) AS a(value)
     WHERE s.related_activities && ${ids}
       AND a.value ->> 'id' = ANY (${ids})
       AND coalesce(a.value ->> 'objectType', 'Activity') = 'Activity'
       AND jsonb_typeof(a.value -> 'definition') = 'object'
     ORDER BY a.value ->> 'id', s.seq DESC`.execute(db)
  return new Map(rows.map((r) => [r.id, r.definition]))
}

/** The latest definition statements gave `activityId`, if any. */
export async function latestDefinition(
  db: Kysely<Database>,
  activityId: string,
): Promise<Record<string, unknown> | undefined> {
  return (await latestDefinitions(db, [activityId])).get(activityId)
}

export function activityRoutes(app: LrsApp): void {
  app.get('/activities', async (c: Context<LrsEnv>) => {
    const activityId = activityIdOf(readParams(c, ['activityId']))
    const definition = await latestDefinition(c.get('deps').db, activityId)
    return xapiJson(c, {
      objectType: 'Activity',
      id: activityId,
      ...(definition ? { definition } : {}),
    })
  })
}
