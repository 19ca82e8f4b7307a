// The SCO's side of the SCORM 1.2 run-time: find the LMS's `API` object (the walk up the frames'
// parents, then the opener's, that ADL's sample code does), LMSInitialize, keep the attempt in
// `cmi.suspend_data` after each event, and at the end set `cmi.core.lesson_status`, the score and
// the session time; `cmi.core.exit = suspend` when the learner leaves unfinished.
import type { AttemptEvent } from '../core/index.ts'
import type { AttemptSetup } from '../state/attemptStore.ts'
import type { LmsSession, Reported } from './lmsSession.ts'
import { keepEvents, keptEvents } from './keptEvents.ts'
import {
  decodeSuspendData,
  encodeSuspendData,
  encodeSuspendReference,
  SUSPEND_DATA_LIMIT,
  type SuspendedAttempt,
} from './suspendData.ts'
import { scorm12Outcome } from './verdict.ts'

/** The LMS's SCORM 1.2 API object (the calls take and return strings). */
export interface Scorm12Api {
  LMSInitialize(arg: ''): string
  LMSFinish(arg: ''): string
  LMSGetValue(element: string): string
  LMSSetValue(element: string, value: string): string
  LMSCommit(arg: ''): string
  LMSGetLastError(): string
}

type Holder = { API?: Scorm12Api; parent: Holder; opener?: Holder | null }

/** `API` on `win` or one of its parents (at most 500 up, as ADL's code allows), if reachable. */
function searchUp(win: Holder): Scorm12Api | undefined {
  let current: Holder = win
  for (let tries = 0; tries < 500; tries++) {
    try {
      if (current.API) return current.API
      if (current.parent === current) return undefined
      current = current.parent
    } catch {
      // a frame of another origin: no API is reachable through it
      return undefined
    }
  }
  return undefined
}

/** The LMS's API: on this window's parents, else on its opener's. */
export function findScorm12Api(win: Window = window): Scorm12Api | undefined {
  const holder = win as unknown as Holder
  const found = searchUp(holder)
  if (found) return found
  try {
    return holder.opener ? searchUp(holder.opener) : undefined
  } catch {
    return undefined
  }
}

/** Milliseconds as SCORM 1.2's CMITimespan, HHHH:MM:SS.SS. Pure. */
export function formatSessionTime(ms: number): string {
  const centis = Math.max(0, Math.round(ms / 10))
  const hours = Math.min(9999, Math.floor(centis / 360_000))
  const minutes = Math.floor(centis / 6000) % 60
  const seconds = (centis % 6000) / 100
  const pad = (n: number, width: number) => String(n).padStart(width, '0')
  return `${pad(hours, 4)}:${pad(minutes, 2)}:${seconds.toFixed(2).padStart(5, '0')}`
}

/** Why the SCO cannot run: no LMS around it, or the LMS refused to start the session. */
export type Scorm12Refusal = 'no-lms' | 'refused'

/**
 * The attempt kept in `cmi.suspend_data`: whole, or by reference with its events in this browser
 * ('elsewhere' when they are not here: the learner started on another computer).
 */
async function resumeFrom(text: string): Promise<SuspendedAttempt | 'elsewhere' | undefined> {
  const kept = decodeSuspendData(text)
  if (!kept || 'events' in kept) return kept
  const events = await keptEvents(kept.id)
  if (!events || events.length < kept.count) return 'elsewhere'
  const { count, ...setup } = kept
  return { ...setup, events: events.slice(0, count) }
}

/**
 * Starts the SCORM 1.2 session with the LMS (`now` gives milliseconds, for the session time).
 * The learner is the LMS's student; an attempt is resumed from `cmi.suspend_data` when
 * `cmi.core.entry` is `resume`.
 */
export async function openScorm12(
  api: Scorm12Api | undefined,
  now: () => number,
): Promise<LmsSession | Scorm12Refusal> {
  if (!api) return 'no-lms'
  if (api.LMSInitialize('') !== 'true') return 'refused'
  const startedAt = now()
  const get = (element: string) => api.LMSGetValue(element) ?? ''
  const set = (element: string, value: string) => api.LMSSetValue(element, value) === 'true'
  const resumed =
    get('cmi.core.entry') === 'resume' ? await resumeFrom(get('cmi.suspend_data')) : undefined
  const credit = get('cmi.core.lesson_mode') !== 'browse' && get('cmi.core.credit') !== 'no-credit'
  let open = true
  let lastCommit = 0
  const keep = (setup: AttemptSetup, events: readonly AttemptEvent[]) => {
    const attempt = { ...setup, id: setup.attemptId, events }
    const data = encodeSuspendData(attempt)
    if (data.length <= SUSPEND_DATA_LIMIT) return set('cmi.suspend_data', data)
    // too long for the LMS: a reference there, the events in this browser
    void keepEvents(attempt.id, events).catch(() => undefined)
    return set('cmi.suspend_data', encodeSuspendReference({ ...attempt, count: events.length }))
  }
  const close = (exit: 'suspend' | '') => {
    set('cmi.core.exit', exit)
    set('cmi.core.session_time', formatSessionTime(now() - startedAt))
    const committed = api.LMSCommit('') === 'true'
    const finished = api.LMSFinish('') === 'true'
    open = false
    return committed && finished
  }
  if (get('cmi.core.lesson_status') === 'not attempted') set('cmi.core.lesson_status', 'incomplete')
  return {
    learner: { id: get('cmi.core.student_id'), name: get('cmi.core.student_name') },
    resume: resumed === 'elsewhere' ? undefined : resumed,
    resumeLost: resumed === 'elsewhere',
    credit,
    record(setup, events) {
      if (!open) return
      keep(setup, events)
      // a commit at most every 10 s while playing (each may be a request to the LMS's server)
      if (now() - lastCommit >= 10_000) {
        lastCommit = now()
        api.LMSCommit('')
      }
    },
    finish(model, setup, events, result) {
      if (!open) return Promise.resolve<Reported>('failed')
      keep(setup, events)
      const outcome = scorm12Outcome(model, result)
      set('cmi.core.lesson_status', outcome.lessonStatus)
      if (outcome.raw !== undefined) {
        set('cmi.core.score.min', '0')
        set('cmi.core.score.max', '100')
        set('cmi.core.score.raw', String(outcome.raw))
      }
      return Promise.resolve<Reported>(close('') ? 'sent' : 'failed')
    },
    leave(setup, events) {
      if (!open) return
      if (setup) keep(setup, events)
      close('suspend')
    },
  }
}
