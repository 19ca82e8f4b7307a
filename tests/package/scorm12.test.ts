// The SCO's SCORM 1.2 session against scorm-again's Scorm12API (a real run-time, here in Node):
// an attempt too long for suspend_data's 4,096 characters keeps a reference in the LMS and its
// events in this browser's IndexedDB (fake-indexeddb here), and resumes from both; where the
// events are not kept (another computer), the learner is told and a new attempt starts.
import 'fake-indexeddb/auto'
import { Scorm12API } from 'scorm-again'
import { describe, expect, it } from 'vitest'
import type { AttemptEvent } from '../../src/core/index.ts'
import { openScorm12, type Scorm12Api } from '../../src/package/scorm12.ts'
import { encodeSuspendReference, SUSPEND_DATA_LIMIT } from '../../src/package/suspendData.ts'
import type { AttemptSetup } from '../../src/state/attemptStore.ts'
import { loadScenarioFile } from '../helpers.ts'

const model = loadScenarioFile('scenarios/conveyor-loto.json')
const learner = { student_id: 's-1042', student_name: 'Phiri, Amina' }

function lms(cmi: object): Scorm12Api & { cmi: { suspend_data: string; core: { exit: string } } } {
  const api = new Scorm12API({ autocommit: false, logLevel: 5 })
  api.loadFromJSON({ cmi }, '')
  return api as never
}

const setup: AttemptSetup = {
  model,
  mode: 'practice',
  learner: { id: 's-1042', name: 'Phiri, Amina' },
  faults: [],
  attemptId: '0d6f1c2e-8a51-4c7e-9a0b-5f3e2d1c0b9a',
  startedAt: '2026-12-04T09:00:00.000Z',
}

describe('a SCORM 1.2 session', () => {
  it('keeps a long attempt by reference, its events in this browser, and resumes it', async () => {
    const parts = ['isolator', 'guard', 'radio', 'stop_btn', 'start_btn', 'air_dump', 'voltmeter']
    // an irregular rhythm among many parts (a fixed pseudo-random sequence): what deflate cannot
    // fold away
    let seed = 12345
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31)
    let t = 0
    const events: AttemptEvent[] = Array.from({ length: 900 }, () => ({
      t: (t += 200 + (next() % 5000)),
      action: 'press',
      target: parts[next() % parts.length]!,
    }))
    const first = lms({ core: learner })
    const session = await openScorm12(first, () => 0)
    if (typeof session === 'string') throw new Error(session)
    session.record(setup, events)
    session.leave(setup, events)
    // as the LMS stores it (exit is write-only through the API)
    const kept = JSON.parse(JSON.stringify(first.cmi)) as typeof first.cmi
    expect(kept.core.exit).toBe('suspend')
    expect(kept.suspend_data.startsWith('P1R:')).toBe(true)
    expect(kept.suspend_data.length).toBeLessThanOrEqual(SUSPEND_DATA_LIMIT)
    await new Promise((resolve) => setTimeout(resolve, 50))

    const second = lms({
      core: { ...learner, entry: 'resume' },
      suspend_data: kept.suspend_data,
    })
    const resumed = await openScorm12(second, () => 0)
    if (typeof resumed === 'string') throw new Error(resumed)
    expect(resumed.resumeLost).toBe(false)
    expect(resumed.resume?.id).toBe(setup.attemptId)
    expect(resumed.resume?.events).toEqual(events)
  })

  it('starts a new attempt, and says why, when another computer keeps the events', async () => {
    const reference = encodeSuspendReference({
      id: '7a3c4b5d-1e2f-4a6b-8c9d-0e1f2a3b4c5d',
      mode: 'assessment',
      startedAt: '2026-12-04T09:00:00.000Z',
      faults: [],
      count: 640,
    })
    const api = lms({ core: { ...learner, entry: 'resume' }, suspend_data: reference })
    const session = await openScorm12(api, () => 0)
    if (typeof session === 'string') throw new Error(session)
    expect(session.resume).toBeUndefined()
    expect(session.resumeLost).toBe(true)
  })

  it('refuses to run without an LMS', async () => {
    expect(await openScorm12(undefined, () => 0)).toBe('no-lms')
  })
})
