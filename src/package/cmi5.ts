// The AU's side of cmi5, through @xapi/cmi5: the launch parameters in the URL (endpoint, fetch,
// actor, registration, activityId), the auth token from the fetch URL, `LMS.LaunchData` from the
// LRS's State resource, then the cmi5-defined statements in the order cmi5 requires: initialized;
// at the end of the attempt completed, then passed or failed (verdict.ts: none while judgements
// wait for an assessor, no score that contradicts the verdict); terminated. Browse and Review
// launches send no completed and no verdict. A learner who leaves before the end: terminated,
// sent with `keepalive` so that it outlives the page.
import Cmi5, { type LaunchData } from '@xapi/cmi5'
import { v4 as uuidv4 } from 'uuid'
import type { Model, Result } from '../core/index.ts'
import type { LmsSession, Reported } from './lmsSession.ts'
import type { PackageProblem } from './packageStore.ts'
import { cmi5Verdict } from './verdict.ts'

const CMI5_CATEGORY = { id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' }
const TERMINATED = {
  id: 'http://adlnet.gov/expapi/verbs/terminated',
  display: { 'en-US': 'terminated' },
}

/** A cmi5 session: what the AU was launched with, for the screens and the leaving. */
export interface Cmi5Session extends LmsSession {
  readonly launchMode: LaunchData['launchMode']
}

/** Seconds as an ISO 8601 duration (PT…S), as xAPI's `result.duration` holds one. Pure. */
export function isoDuration(ms: number): string {
  return `PT${(Math.max(0, ms) / 1000).toFixed(2)}S`
}

/** The LMS's returnURL when it is a web address (never a script), made absolute. */
function webAddress(url: string | undefined): string | undefined {
  if (url === undefined) return undefined
  try {
    const absolute = new URL(url, location.href)
    return absolute.protocol === 'https:' || absolute.protocol === 'http:'
      ? absolute.href
      : undefined
  } catch {
    return undefined
  }
}

/** The score sent with a verdict: scaled, with the points it comes from. */
function scoreOf(result: Result, scaled: number) {
  return { scaled, raw: result.score.raw, min: 0, max: result.score.max }
}

/** The learner as the launch's actor names them: an account's name, else the mailbox. */
function learnerOf(cmi5: Cmi5) {
  const actor = cmi5.getLaunchParameters().actor as {
    name?: string
    account?: { name?: string }
    mbox?: string
  }
  return { id: actor.account?.name ?? actor.mbox ?? '', name: actor.name ?? '' }
}

/**
 * The statement `terminated` as cmi5 defines it, built here (the library sends with a request the
 * page's end would cancel) and posted with `keepalive`.
 */
function sendTerminatedOnLeaving(cmi5: Cmi5, startedAt: number, now: number): void {
  const { endpoint, actor, registration, activityId } = cmi5.getLaunchParameters()
  const template = cmi5.getLaunchData().contextTemplate
  const statement = {
    id: uuidv4(),
    actor,
    verb: TERMINATED,
    object: { objectType: 'Activity', id: activityId },
    result: { duration: isoDuration(now - startedAt) },
    context: {
      ...template,
      registration,
      contextActivities: {
        ...template.contextActivities,
        category: [...(template.contextActivities?.category ?? []), CMI5_CATEGORY],
      },
    },
    timestamp: new Date().toISOString(),
  }
  const base = endpoint.endsWith('/') ? endpoint : `${endpoint}/`
  void fetch(new URL('statements', base), {
    method: 'POST',
    keepalive: true,
    headers: {
      Authorization: `Basic ${cmi5.getAuthToken() ?? ''}`,
      'Content-Type': 'application/json',
      'X-Experience-API-Version': '1.0.3',
    },
    body: JSON.stringify(statement),
  }).catch(() => undefined)
}

/**
 * Opens the cmi5 session of a launch: the auth token, `LMS.LaunchData`, then `initialized`.
 * 'no-launch' when the page was not launched by an LMS, or the LMS or its LRS did not answer.
 */
export async function openCmi5(
  model: Model,
  now: () => number = () => performance.now(),
): Promise<Cmi5Session | PackageProblem> {
  if (!Cmi5.isCmiAvailable) return 'no-launch'
  const cmi5 = new Cmi5()
  try {
    await cmi5.initialize()
  } catch {
    return 'no-launch'
  }
  const startedAt = now()
  const launchData = cmi5.getLaunchData()
  const normal = launchData.launchMode === 'Normal'
  let terminated = false
  return {
    learner: learnerOf(cmi5),
    resume: undefined,
    credit: normal,
    launchMode: launchData.launchMode,
    returnUrl: webAddress(launchData.returnURL),
    record() {
      // the attempt lives in the page; cmi5 hears of it at its end
    },
    async finish(_model, _setup, _events, result): Promise<Reported> {
      if (terminated) return 'failed'
      try {
        if (normal) {
          await cmi5.complete()
          const verdict = cmi5Verdict(model, result, launchData.masteryScore)
          const score = (scaled: number | undefined) =>
            scaled === undefined ? undefined : scoreOf(result, scaled)
          if (verdict.verb === 'passed') await cmi5.pass(score(verdict.scaled))
          if (verdict.verb === 'failed') await cmi5.fail(score(verdict.scaled))
        }
        terminated = true
        await cmi5.terminate()
        return normal ? 'sent' : 'review'
      } catch {
        return 'failed'
      }
    },
    leave() {
      if (terminated) return
      terminated = true
      sendTerminatedOnLeaving(cmi5, startedAt, now())
    },
  }
}
