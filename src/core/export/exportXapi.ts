// xAPI 1.0.3 statements for one scored attempt, for a learning record store. Reads the attempt
// and its result; every id and timestamp is derived from them, so the output is reproducible.
import { scenarioActivityId } from './activityBase.ts'
import type { ScoredAttempt } from './scoredAttempt.ts'
import { toLanguageMap } from '../text.ts'
import { formatDuration, formatTimestamp, parseTimestamp } from './time.ts'
import { isUuid, uuidV5 } from './uuidV5.ts'

/** An xAPI language map: RFC 5646 language tag → text. */
export type XapiLanguageMap = Readonly<Record<string, string>>

/** An xAPI Agent identified by an account on the learner system. */
export interface XapiAgent {
  readonly objectType: 'Agent'
  readonly name?: string
  readonly account: { readonly homePage: string; readonly name: string }
}

export interface XapiVerb {
  readonly id: string
  readonly display: XapiLanguageMap
}

export interface XapiActivity {
  readonly objectType: 'Activity'
  readonly id: string
  readonly definition?: {
    readonly name?: XapiLanguageMap
    readonly description?: XapiLanguageMap
    readonly type?: string
  }
}

export interface XapiResult {
  readonly score?: {
    readonly scaled?: number
    readonly raw?: number
    readonly min?: number
    readonly max?: number
  }
  readonly success?: boolean
  readonly completion?: boolean
  readonly duration?: string
  /** IRI → value; Practica writes `<activity base>/extensions/revision` (see exportXapi) */
  readonly extensions?: Readonly<Record<string, unknown>>
}

export interface XapiContext {
  readonly registration: string
  readonly contextActivities?: {
    readonly parent?: readonly XapiActivity[]
    readonly grouping?: readonly XapiActivity[]
  }
  readonly platform: string
  readonly language: string
}

/** One xAPI 1.0.3 statement, as exportXapi writes them. */
export interface XapiStatement {
  readonly id: string
  readonly actor: XapiAgent
  readonly verb: XapiVerb
  readonly object: XapiActivity
  readonly result?: XapiResult
  readonly context: XapiContext
  readonly timestamp: string
  readonly version: '1.0.3'
}

export interface XapiOptions {
  /** The `account.homePage` of learners; default `https://practica.example/learners`. */
  readonly homePage?: string
  /** The IRI that activity ids start with; default `https://practica.example/xapi`. */
  readonly activityBase?: string
}

/**
 * The namespace of Practica's statement ids and registrations:
 * uuidV5('https://practica.example/xapi', UUID_NAMESPACE_URL), fixed here for good.
 */
export const XAPI_NAMESPACE = '71002f3e-f096-5de4-8ff2-3d5defb6a53d'

const DEFAULT_HOME_PAGE = 'https://practica.example/learners'
const DEFAULT_ACTIVITY_BASE = 'https://practica.example/xapi'

const ADL_VERB = (name: string): XapiVerb => ({
  id: `http://adlnet.gov/expapi/verbs/${name}`,
  display: { 'en-US': name },
})
const ACTIVITY_TYPE = 'http://adlnet.gov/expapi/activities/'

/** The learner as an xAPI agent: an account on the home page (anonymous-<attempt id> without an id). */
function actorOf(attempt: ScoredAttempt['attempt'], options: XapiOptions): XapiAgent {
  return {
    objectType: 'Agent',
    ...(attempt.learner?.name !== undefined && { name: attempt.learner.name }),
    account: {
      homePage: options.homePage ?? DEFAULT_HOME_PAGE,
      name: attempt.learner?.id ?? `anonymous-${attempt.id}`,
    },
  }
}

/** The scenario's activity (its title and description in the model's first locale) and the attempt's. */
function activitiesOf(
  model: ScoredAttempt['model'],
  attemptId: string,
  base: string,
  locale: string,
): { scenarioActivity: XapiActivity; attemptActivity: XapiActivity } {
  const scenario = model.scenario
  const scenarioActivity: XapiActivity = {
    objectType: 'Activity',
    id: scenarioActivityId(base, scenario.id),
    definition: {
      name: toLanguageMap(scenario.title, locale),
      ...(scenario.description !== undefined && {
        description: toLanguageMap(scenario.description, locale),
      }),
      type: `${ACTIVITY_TYPE}simulation`,
    },
  }
  const attemptActivity: XapiActivity = {
    objectType: 'Activity',
    id: `${base}/attempts/${encodeURIComponent(attemptId)}`,
    definition: { type: `${ACTIVITY_TYPE}attempt` },
  }
  return { scenarioActivity, attemptActivity }
}

/**
 * xAPI 1.0.3 statements for one attempt, in this order: initialized (at startedAt); completed
 * for each completed step, in time order (its result: success unless out of order, score
 * earned of points; parent: the attempt's activity); completed for the scenario (with the
 * duration); passed or failed (none while pending) with the scaled score; terminated (at
 * startedAt + duration). Statement ids are version 5 UUIDs of `attemptId#position`; the
 * registration is the attempt id when that is a UUID, else its version 5 UUID; a learner
 * without an id is the account `anonymous-<attempt id>`. Timestamps are startedAt plus event
 * times; an attempt without a readable startedAt (ISO 8601 with a zone) counts from
 * 1970-01-01T00:00:00.000Z.
 *
 * A stored result's revision (`scored.revision`) is named in the result extension
 * `<activity base>/extensions/revision` of the statements that describe the whole attempt's
 * result (completed for the scenario, passed or failed, terminated); since their content then
 * depends on the revision, so do their ids (version 5 UUIDs of `attemptId#position#r<revision>`),
 * and a learning record store keeps each revision's statements apart. Step statements do not
 * change with marks and keep their ids. Pure.
 */
export function exportXapi(scored: ScoredAttempt, options: XapiOptions = {}): XapiStatement[] {
  const { model, attempt, result } = scored
  const scenario = model.scenario
  const locale = model.locales[0] ?? 'en'
  const base = (options.activityBase ?? DEFAULT_ACTIVITY_BASE).replace(/\/+$/, '')
  // without a readable start, times count from the epoch: 1970-01-01T00:00:00.000Z
  const startMs = parseTimestamp(attempt.startedAt ?? '') ?? 0
  const at = (offsetMs: number): string => formatTimestamp(startMs + offsetMs)

  const actor = actorOf(attempt, options)
  const { scenarioActivity, attemptActivity } = activitiesOf(model, attempt.id, base, locale)
  const registration = isUuid(attempt.id)
    ? attempt.id.toLowerCase()
    : uuidV5(attempt.id, XAPI_NAMESPACE)
  const context = (activities?: XapiContext['contextActivities']): XapiContext => ({
    registration,
    ...(activities && { contextActivities: activities }),
    platform: 'Practica',
    language: locale,
  })

  const statements: XapiStatement[] = []
  const { revision } = scored
  const add = (
    verb: string,
    object: XapiActivity,
    timestamp: string,
    result?: XapiResult,
    activities?: XapiContext['contextActivities'],
  ): void => {
    // the statements with a result and no step context describe the whole attempt's result
    const revised = revision !== undefined && activities === undefined && result !== undefined
    statements.push({
      id: uuidV5(
        `${attempt.id}#${statements.length}${revised ? `#r${revision}` : ''}`,
        XAPI_NAMESPACE,
      ),
      actor,
      verb: ADL_VERB(verb),
      object,
      ...(result && {
        result: revised
          ? { ...result, extensions: { [`${base}/extensions/revision`]: revision } }
          : result,
      }),
      context: context(activities),
      timestamp,
      version: '1.0.3',
    })
  }

  add('initialized', scenarioActivity, at(0))
  const completedSteps = result.steps
    .filter((s) => s.complete && s.t !== null)
    .map((s, order) => ({ s, order }))
    .sort((a, b) => a.s.t! - b.s.t! || a.order - b.order)
  for (const { s } of completedSteps) {
    const source = scenario.steps[model.stepIndex.get(s.id) ?? -1]
    const stepActivity: XapiActivity = {
      objectType: 'Activity',
      id: `${scenarioActivity.id}/steps/${s.id}`,
      definition: {
        ...(source && { name: toLanguageMap(source.title, locale) }),
        type: `${ACTIVITY_TYPE}interaction`,
      },
    }
    add(
      'completed',
      stepActivity,
      at(s.t!),
      { score: { raw: s.earned, min: 0, max: s.points }, success: !s.outOfOrder, completion: true },
      { parent: [attemptActivity], grouping: [scenarioActivity] },
    )
  }
  const duration = formatDuration(result.durationMs)
  const end = at(result.durationMs)
  add('completed', scenarioActivity, end, { completion: true, duration })
  if (result.status !== 'pending') {
    const { raw, max, percent } = result.score
    add(result.status, scenarioActivity, end, {
      score: { scaled: Math.min(1, Math.max(0, percent / 100)), raw, min: 0, max },
      success: result.status === 'passed',
      duration,
    })
  }
  add('terminated', scenarioActivity, end, { duration })
  return statements
}
