// The cmi5 package launched the way an LMS launches an AU, against Practica's own LRS: a small
// launch stub (cmi5Launch.ts) makes the registration, an LRS client through the admin's API,
// writes LMS.LaunchData to the LRS's State resource and answers the fetch URL with the auth token;
// the AU is served from another origin than the LRS, from a deep path. The statements the LRS
// received are read back and checked against cmi5's rules, each one by a published validator.
import { mkdirSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { startTestServer, type TestServer } from '../server/harness.ts'
import { makeLrsClient } from '../server/lrsClient.ts'
import { expectNoSeriousAxe } from './axe.ts'
import { hasBrowser, setupBrowser } from './browser.ts'
import { Cmi5Lms, expectCmi5Statements, VERB } from './cmi5Launch.ts'
import {
  clickPartIn,
  conveyorWithoutJudgements,
  expectStepIn,
  makePackage,
} from './scormPackageHost.ts'

setupBrowser()

const SHOTS = '/tmp/packages'
/** A picture of the page for a person to look at (not compared). */
async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: `${SHOTS}/${name}.png` })
}

describe.skipIf(!hasBrowser)('a cmi5 package launched by an LMS', () => {
  let server: TestServer
  let lms: Cmi5Lms
  beforeAll(async () => {
    server = await startTestServer('pglite')
    const client = await makeLrsClient(server, 'Moodle (cmi5 plugin)')
    lms = await Cmi5Lms.start(client, {
      '/pluginfile.php/12/mod_cmi5launch/content/': makePackage(
        'cmi5',
        readFileSync('scenarios/conveyor-loto.json', 'utf8'),
      ),
      '/pluginfile.php/13/mod_cmi5launch/content/': makePackage(
        'cmi5',
        conveyorWithoutJudgements(),
      ),
    })
  }, 60_000)
  afterAll(async () => {
    await lms?.close()
    await server?.close()
  })

  it("writes the AU's moveOn and masteryScore from the scenario's pass mark", () => {
    expect(lms.au('/pluginfile.php/12/mod_cmi5launch/content/')).toMatchObject({
      moveOn: 'Completed',
      masteryScore: 0.8,
    })
    expect(lms.au('/pluginfile.php/13/mod_cmi5launch/content/')).toMatchObject({
      moveOn: 'CompletedAndPassed',
      masteryScore: 0.8,
    })
  })

  it('judgements still to be marked: initialized, completed, terminated, and no verdict', async () => {
    const launch = await lms.launch(
      'cmi5 pending',
      '/pluginfile.php/12/mod_cmi5launch/content/',
      'Normal',
    )
    const { page, frame } = launch
    await frame.getByText('Learner: Amina Phiri').waitFor()
    await expectNoSeriousAxe(frame as unknown as Page)
    await shoot(page, 'cmi5-start')
    await frame.getByRole('button', { name: 'Start the scenario' }).click()
    await frame.locator('canvas').waitFor()
    // the critical steps only: the verdict then waits for the assessor alone
    await clickPartIn(page, frame, 'isolator')
    await expectStepIn(frame, 'isolate', 'outOfOrder')
    await clickPartIn(page, frame, 'isolator', 'right')
    await frame.getByRole('menuitem', { name: 'Apply lock' }).click()
    await expectStepIn(frame, 'lock')
    await clickPartIn(page, frame, 'start_btn')
    await expectStepIn(frame, 'verify', 'outOfOrder')
    await frame.getByRole('button', { name: 'Finish', exact: true }).click()
    await frame.getByRole('group').getByRole('button', { name: 'Finish', exact: true }).click()
    await frame.getByRole('button', { name: 'See the result' }).click()
    await frame.getByText('Your result was sent to your course.').waitFor()
    await frame.getByText("Waiting for the assessor's marks").waitFor()
    await expectNoSeriousAxe(frame as unknown as Page)
    await shoot(page, 'cmi5-result')
    // the package's own texts in Chinese too
    await frame.getByLabel('Language').selectOption('zh-CN')
    await frame.getByText('你的结果已发送到课程。').waitFor()
    await shoot(page, 'cmi5-result-zh')
    await frame.getByLabel('语言').selectOption('en')
    expect(await frame.getByRole('link', { name: 'Back to the course' }).getAttribute('href')).toBe(
      launch.returnUrl,
    )
    const statements = await lms.statements(launch)
    expectCmi5Statements(statements, launch, [VERB.initialized, VERB.completed, VERB.terminated])
  })

  it('passed: completed, then passed with the score, which meets the mastery score', async () => {
    const launch = await lms.launch(
      'cmi5 passed',
      '/pluginfile.php/13/mod_cmi5launch/content/',
      'Normal',
    )
    const { page, frame } = launch
    await frame.getByRole('button', { name: 'Start the scenario' }).click()
    await frame.locator('canvas').waitFor()
    for (const part of ['glasses', 'gloves', 'radio', 'stop_btn', 'isolator'])
      await clickPartIn(page, frame, part)
    await expectStepIn(frame, 'isolate')
    for (const item of ['Apply lock', 'Attach tag']) {
      await clickPartIn(page, frame, 'isolator', 'right')
      await frame.getByRole('menuitem', { name: item }).click()
    }
    await expectStepIn(frame, 'tag')
    await clickPartIn(page, frame, 'air_dump')
    await expectStepIn(frame, 'zero-pressure')
    await clickPartIn(page, frame, 'start_btn')
    await expectStepIn(frame, 'verify')
    // 50 of 60 points: above the mastery score of 0.8
    await frame.getByRole('button', { name: 'Finish', exact: true }).click()
    await frame.getByRole('group').getByRole('button', { name: 'Finish', exact: true }).click()
    await frame.getByRole('button', { name: 'See the result' }).click()
    await frame.getByText('Your result was sent to your course.').waitFor()
    const statements = await lms.statements(launch)
    expectCmi5Statements(statements, launch, [
      VERB.initialized,
      VERB.completed,
      VERB.passed,
      VERB.terminated,
    ])
    expect(statements[2]!.result.score).toEqual({ scaled: 0.8333, raw: 50, min: 0, max: 60 })
  })

  it('a critical hazard: completed, then failed with a score below the mastery score', async () => {
    const launch = await lms.launch(
      'cmi5 failed',
      '/pluginfile.php/13/mod_cmi5launch/content/',
      'Normal',
    )
    const { page, frame } = launch
    await frame.getByRole('button', { name: 'Start the scenario' }).click()
    await frame.locator('canvas').waitFor()
    // the belt stopped (a still scene answers clicks sooner), the isolator still on
    await clickPartIn(page, frame, 'stop_btn')
    await expectStepIn(frame, 'stop', 'outOfOrder')
    await clickPartIn(page, frame, 'guard')
    await frame.getByText(/Guard opened while the drive is energised/).waitFor()
    await frame.getByRole('button', { name: 'Finish', exact: true }).click()
    await frame.getByRole('group').getByRole('button', { name: 'Finish', exact: true }).click()
    await frame.getByRole('button', { name: 'See the result' }).click()
    await frame.getByText('Your result was sent to your course.').waitFor()
    const statements = await lms.statements(launch)
    expectCmi5Statements(statements, launch, [
      VERB.initialized,
      VERB.completed,
      VERB.failed,
      VERB.terminated,
    ])
    expect(statements[2]!.result.score.scaled).toBeLessThan(0.8)
  })

  it('a Browse launch sends no verdict: initialized, then terminated when the learner leaves', async () => {
    const launch = await lms.launch(
      'cmi5 browse',
      '/pluginfile.php/13/mod_cmi5launch/content/',
      'Browse',
    )
    const { page, frame } = launch
    // a look at the activity is practice: the checklist is shown
    await frame.getByText('Mode: Practice').waitFor()
    await frame.getByRole('button', { name: 'Start the scenario' }).click()
    await clickPartIn(page, frame, 'glasses')
    await expectStepIn(frame, 'ppe-glasses')
    await page.evaluate(() => (document.querySelector('iframe')!.src = 'about:blank'))
    await expect.poll(async () => (await lms.statements(launch)).length).toBe(2)
    expectCmi5Statements(await lms.statements(launch), launch, [VERB.initialized, VERB.terminated])
    expect(lms.strays()).toEqual([])
  })
})
