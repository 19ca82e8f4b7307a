// Exports of a class or one of its assignments, straight from the database: the gradebook CSV,
// xAPI statements and result JSON of every scored attempt (the stored result, naming its
// revision), or the Moodle framework of the scenario. The text is made by the same functions as
// the CLI's file export (the core's formatScored and exporters); the server's export
// route and `npm run -s cli -- export --db` both come here.
import type { Kysely } from 'kysely'
import {
  exportMoodleFramework,
  formatScored,
  type ExportFormat,
  type ScoredAttempt,
} from '../../core/index.ts'
import type { Database } from '../db/schema.ts'
import { ApiError, notFound } from '../http/errors.ts'
import { modelFor } from '../work/models.ts'
import { listResults } from './results.ts'

export interface ExportRequest {
  readonly classId: string
  /** one assignment of the class; undefined: all of them */
  readonly assignmentId?: string | undefined
  readonly format: ExportFormat
}

export interface ExportFile {
  readonly text: string
  readonly contentType: string
  /** a file name to save it under, e.g. practica-AB12CD.gradebook.csv */
  readonly fileName: string
}

const KINDS: Record<ExportFormat, { suffix: string; contentType: string }> = {
  csv: { suffix: 'gradebook.csv', contentType: 'text/csv; charset=utf-8' },
  xapi: { suffix: 'xapi.json', contentType: 'application/json; charset=utf-8' },
  json: { suffix: 'results.json', contentType: 'application/json; charset=utf-8' },
  moodle: { suffix: 'moodle.csv', contentType: 'text/csv; charset=utf-8' },
}

/**
 * The export of the class's scored attempts (of one assignment when given), in learner-name
 * order. Attempts still under way have no result and are left out. Throws ApiError: 404 for an
 * assignment of another class, 409 `several-scenarios` for a Moodle framework of a class whose
 * assignments use several scenarios (choose an assignment), 404 `no-scenario` for one of a class
 * without assignments.
 */
export async function exportClass(
  db: Kysely<Database>,
  request: ExportRequest,
): Promise<ExportFile> {
  const klass = await db
    .selectFrom('classes')
    .select(['code'])
    .where('id', '=', request.classId)
    .executeTakeFirst()
  if (!klass) throw notFound('class')
  let name = `practica-${klass.code}`
  if (request.assignmentId !== undefined) {
    const assignment = await db
      .selectFrom('assignments')
      .select(['scenario_id'])
      .where('id', '=', request.assignmentId)
      .where('class_id', '=', request.classId)
      .executeTakeFirst()
    if (!assignment) throw notFound('assignment in this class')
    name += `-${assignment.scenario_id}-${request.assignmentId.slice(0, 8)}`
  }
  const { suffix, contentType } = KINDS[request.format]
  const fileName = `${name}.${suffix}`
  const { scenarios, attempts } = await listResults(
    db,
    request.assignmentId !== undefined
      ? { assignmentId: request.assignmentId }
      : { classId: request.classId },
  )

  if (request.format === 'moodle') {
    const [only, ...others] = scenarios
    if (!only)
      throw new ApiError(
        404,
        'no-scenario',
        'This class has no assignments yet, so there is no scenario to export as a Moodle framework.',
      )
    if (others.length > 0)
      throw new ApiError(
        409,
        'several-scenarios',
        `This class's assignments use ${scenarios.length} scenarios; choose one assignment to export its scenario as a Moodle framework.`,
      )
    return { text: exportMoodleFramework(await modelFor(db, only.sha256)), contentType, fileName }
  }

  const scored: ScoredAttempt[] = []
  for (const a of attempts) {
    if (a.result === null || a.revision === null) continue
    scored.push({
      model: await modelFor(db, a.sha256),
      attempt: a.attempt,
      result: a.result,
      revision: a.revision,
    })
  }
  return { text: formatScored(request.format, scored), contentType, fileName }
}
