// The SCORM 1.2 package under a real SCORM 1.2 run-time (scorm-again's Scorm12API) in a parent
// page, the SCO in a frame served from a deep path as Moodle serves it: a learner starts, leaves
// unfinished (exit = suspend, the attempt in suspend_data), and goes on in a fresh browser context
// (no IndexedDB: another lab PC) from what the LMS kept, to the end; the CMI values the LMS holds
// are the engine's verdict and score.
import { readFileSync } from 'node:fs'
import type { Frame, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadScenario, scoreAttempt, type Attempt, type Model } from '../../src/core/index.ts'
import { decodeSuspendData, SUSPEND_DATA_LIMIT } from '../../src/package/suspendData.ts'
import { hasBrowser, newAppPage, setupBrowser } from './browser.ts'
import {
  clickPartIn,
  conveyorWithoutJudgements,
  DEEP_PATH,
  expectStepIn,
  hostPackage,
  makePackage,
  type PackageHost,
} from './scormPackageHost.ts'

setupBrowser()

const PARENT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>LMS</title><link rel="icon" href="data:,">
<style>body{margin:0}iframe{position:fixed;inset:0;width:100%;height:100%;border:0}</style>
<script src="/lms/scorm12.js"></script></head><body></body></html>`

/** The LMS's CMI as scorm-again holds it. */
interface Cmi {
  core: {
    lesson_status: string
    exit: string
    entry: string
    session_time: string
    score: { raw: string; min: string; max: string }
  }
  suspend_data: string
}

describe.skipIf(!hasBrowser)('a SCORM 1.2 package in an LMS', () => {
  const scenarioText = conveyorWithoutJudgements()
  const loaded = loadScenario(scenarioText)
  if (!loaded.ok) throw new Error(loaded.problems[0]!.message)
  const model: Model = loaded.value
  let host: PackageHost
  let files: Record<string, Uint8Array>
  beforeAll(async () => {
    files = makePackage('scorm12', scenarioText)
    host = await hostPackage(files, {
      '/lms/course.html': { type: 'text/html', body: PARENT },
      '/lms/scorm12.js': {
        type: 'text/javascript',
        body: readFileSync('node_modules/scorm-again/dist/scorm12.js'),
      },
    })
  }, 60_000)
  afterAll(() => host?.close())

  /** The LMS page with the run-time holding `cmi`, and the SCO launched in its frame. */
  async function launch(name: string, cmi: object): Promise<{ page: Page; frame: Frame }> {
    const page = await newAppPage(name)
    await page.goto(`${host.origin}/lms/course.html`)
    await page.evaluate(
      ({ cmi, src }) => {
        const w = window as unknown as Record<string, any>
        w['API'] = new w['Scorm12API']({ autocommit: false, logLevel: 5 })
        w['API'].loadFromJSON(cmi, '')
        const frame = document.createElement('iframe')
        frame.title = 'Activity'
        frame.src = src
        document.body.append(frame)
      },
      { cmi, src: `${DEEP_PATH}index.html?graphics=simple` },
    )
    const frame = await new Promise<Frame>((resolve) => {
      const found = () => page.frames().find((f) => f.url().includes(DEEP_PATH))
      const poll = () => {
        const f = found()
        if (f) resolve(f)
        else setTimeout(poll, 50)
      }
      poll()
    })
    return { page, frame }
  }

  const cmiOf = (page: Page) =>
    page.evaluate(() => {
      const api = (window as unknown as Record<string, any>)['API']
      return {
        cmi: JSON.parse(JSON.stringify(api.cmi)) as Cmi,
        terminated: api.isTerminated() as boolean,
      }
    })

  /** The whole attempt kept in suspend_data (not a reference: it is short). */
  const suspended = (text: string) => {
    const kept = decodeSuspendData(text)
    if (!kept || !('events' in kept)) throw new Error(`no attempt in suspend_data: ${text}`)
    return kept
  }

  const learner = { student_id: 's-1042', student_name: 'Phiri, Amina' }
  let kept: Cmi

  it('keeps an unfinished attempt in suspend_data, with exit = suspend, when the learner leaves', async () => {
    const { page, frame } = await launch('scorm12 first session', { cmi: { core: learner } })
    await frame.getByText('Learner: Phiri, Amina').waitFor()
    await frame.getByRole('button', { name: 'Start the scenario' }).click()
    await frame.locator('canvas').waitFor()
    await clickPartIn(page, frame, 'glasses')
    await expectStepIn(frame, 'ppe-glasses')
    await clickPartIn(page, frame, 'gloves')
    await clickPartIn(page, frame, 'radio')
    await expectStepIn(frame, 'notify')
    await clickPartIn(page, frame, 'stop_btn')
    await clickPartIn(page, frame, 'isolator')
    await expectStepIn(frame, 'isolate')
    // the LMS moves on: the frame's page goes away
    await page.evaluate(() => (document.querySelector('iframe')!.src = 'about:blank'))
    await expect.poll(async () => (await cmiOf(page)).terminated).toBe(true)
    const { cmi } = await cmiOf(page)
    expect(cmi.core.exit).toBe('suspend')
    expect(cmi.core.lesson_status).toBe('incomplete')
    expect(cmi.core.session_time).toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/)
    expect(cmi.core.score.raw).toBe('')
    expect(cmi.suspend_data.length).toBeGreaterThan(0)
    expect(cmi.suspend_data.length).toBeLessThanOrEqual(SUSPEND_DATA_LIMIT)
    const kept1 = suspended(cmi.suspend_data)
    expect(kept1.mode).toBe('practice')
    expect(kept1.events.map((e) => e.action)).toEqual(['wear', 'wear', 'press', 'press', 'set'])
    // relative paths only: nothing was asked for outside the package's folder
    expect(host.strays).toEqual([])
    kept = cmi
  })

  it('resumes from the LMS in a fresh browser context and reports the verdict and score', async () => {
    expect(kept).toBeDefined()
    const { page, frame } = await launch('scorm12 resumed', {
      cmi: {
        core: { ...learner, entry: 'resume', lesson_status: kept.core.lesson_status },
        suspend_data: kept.suspend_data,
      },
    })
    // no start screen: the attempt goes on where it was, in a browser that never saw it
    await expectStepIn(frame, 'isolate')
    expect(await frame.evaluate(() => indexedDB.databases())).toEqual([])
    await clickPartIn(page, frame, 'isolator', 'right')
    await frame.getByRole('menuitem', { name: 'Apply lock' }).click()
    await expectStepIn(frame, 'lock')
    await clickPartIn(page, frame, 'isolator', 'right')
    await frame.getByRole('menuitem', { name: 'Attach tag' }).click()
    await expectStepIn(frame, 'tag')
    await clickPartIn(page, frame, 'air_dump')
    await expectStepIn(frame, 'zero-pressure')
    await clickPartIn(page, frame, 'start_btn')
    await expectStepIn(frame, 'verify')
    // the voltage reading and the guard left out: 50 of 60 points, above the pass mark of 80 %
    await frame.getByRole('button', { name: 'Finish', exact: true }).click()
    await frame.getByRole('group').getByRole('button', { name: 'Finish', exact: true }).click()
    await frame.getByRole('button', { name: 'See the result' }).click()
    await frame.getByText('Your result was sent to your course.').waitFor()

    const { cmi, terminated } = await cmiOf(page)
    expect(terminated).toBe(true)
    const finished = suspended(cmi.suspend_data)
    expect(finished.id).toBe(suspended(kept.suspend_data).id)
    expect(finished.events.map((e) => e.action)).toEqual([
      ...['wear', 'wear', 'press', 'press', 'set'],
      ...['lock', 'tag', 'set', 'press', 'end'],
    ])
    // the verdict and score are the engine's, for the attempt the LMS holds
    const attempt: Attempt = {
      format: 'practica.attempt/1',
      id: finished.id,
      scenario: { id: model.scenario.id },
      mode: finished.mode,
      faults: [...finished.faults],
      events: [...finished.events],
    }
    const scored = scoreAttempt(model, attempt)
    if (!scored.ok) throw new Error(scored.problems[0]!.message)
    expect(scored.value.status).toBe('passed')
    expect(cmi.core.lesson_status).toBe('passed')
    expect(Number(cmi.core.score.raw)).toBeCloseTo(scored.value.score.percent, 2)
    expect(cmi.core.score.min).toBe('0')
    expect(cmi.core.score.max).toBe('100')
    expect(cmi.core.exit).toBe('')
    expect(cmi.core.session_time).toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/)
    expect(cmi.core.session_time).not.toMatch(/^0+:00:00/)
    expect(host.strays).toEqual([])
  })

  it("writes the pass mark into the manifest as the SCO's mastery score", () => {
    const manifest = new TextDecoder().decode(files['imsmanifest.xml'])
    expect(manifest).toContain('<schemaversion>1.2</schemaversion>')
    expect(manifest).toContain(
      `<adlcp:masteryscore>${model.scoring.passPercent}</adlcp:masteryscore>`,
    )
    expect(manifest).toContain('adlcp:scormtype="sco" href="index.html"')
    for (const path of Object.keys(files).filter((f) => f !== 'imsmanifest.xml'))
      expect(manifest).toContain(`<file href="${path}"/>`)
  })
})
