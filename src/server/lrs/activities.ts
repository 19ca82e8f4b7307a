// The Activities resource (xAPI 1.0.3 Part Three 2.5): GET /xapi/activities?activityId=… answers
// the Activity Object with the definition the latest statement stored in this LRS gave it (as the
// statement's object or one of its context activities). An activity no statement defined is still
// answered, as an Activity Object with its id alone (2.5.s2.b1).
import type { Context } from 'hono'
import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import type { LrsApp, LrsEnv } from './app.ts'
import { activityIdOf, readParams, xapiJson } from './documentsParams.ts'

/** The latest definition statements gave `activityId`, if any. */
export async function latestDefinition(
  db: Kysely<Database>,
  activityId: string,
): Promise<Record<string, unknown> | undefined> {
  const { rows } = await sql<{ definition: Record<string, unknown> }>`
    SELECT a.value -> 'definition' AS definition
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
     WHERE s.related_activities @> ARRAY[${activityId}]::text[]
       AND a.value ->> 'id' = ${activityId}
       AND coalesce(a.value ->> 'objectType', 'Activity') = 'Activity'
       AND jsonb_typeof(a.value -> 'definition') = 'object'
     ORDER BY s.seq DESC
     LIMIT 1`.execute(db)
  return rows[0]?.definition
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
