// A whole class on the Practica server, in headless Chromium (issue 14, "Browser test"): the real
// server (startServer on an in-memory PGlite, plain HTTP, serving this build) behind a small
// proxy the test can cut. The admin is made on the setup link's screen; an instructor (made with
// the API) publishes a scenario and assigns it; two learners in two browser contexts join with the
// class code and do attempts, one of them losing the network in the middle and coming back; the
// assessor opens the class in the review screen and sees both attempts scored as the engine
// scores the events the server holds, which are the events the learners' browsers recorded.
import { resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { scoreAttempt, type Attempt, type AttemptEvent, type Result } from '../../src/core/index.ts'
import type { OpenDatabase } from '../../src/server/db/open.ts'
import { prepareSetup } from '../../src/server/people/setup.ts'
import type { RunningServer } from '../../src/server/server.ts'
import { loadScenarioFile } from '../helpers.ts'
import { staffSignIn, startAppServer } from './appServer.ts'
import { expectNoSeriousAxe } from './axe.ts'
import { CuttableProxy } from './cuttableProxy.ts'
import {
  clickPart,
  downloadAttempt,
  downloadText,
  expectStep,
  finishAndShowResult,
  hasBrowser,
  openApp,
  setupBrowser,
} from './browser.ts'

setupBrowser()

const CONVEYOR = 'scenarios/conveyor-loto.json'

let database: OpenDatabase
let running: RunningServer
let proxy: CuttableProxy
let url = ''

/** The API as a signed-in person calls it from Node (cookie and Origin sent along). */
function apiAs(cookie: string) {
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const answer = await fetch(`${running.url}${path}`, {
      method,
      headers: {
        Origin: running.url,
        Cookie: cookie,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    const text = await answer.text()
    if (!answer.ok) throw new Error(`${method} ${path}: ${answer.status} ${text}`)
    return JSON.parse(text) as T
  }
}

/** Signs in through POST /api/session and returns the session cookie. */
async function signInCookie(login: string, password: string): Promise<string> {
  const answer = await fetch(`${running.url}/api/session`, {
    method: 'POST',
    headers: { Origin: running.url, 'Content-Type': 'application/json' },
    body: JSON.stringify({ login, password }),
  })
  expect(answer.status).toBe(200)
  return answer.headers.get('set-cookie')!.split(';')[0]!
}

/** A learner joins the class with its code, then starts its assignment. */
async function joinAndStart(page: Page, code: string, learnerId: string, name: string) {
  await page.getByLabel('Class code').fill(code)
  await page.getByLabel('Your learner ID').fill(learnerId)
  await page.getByLabel('Your full name').fill(name)
  await page.getByRole('button', { name: 'Join', exact: true }).click()
  await page
    .getByRole('button', { name: 'Start assignment: Lockout/tagout of a belt conveyor drive' })
    .click()
  await page.locator('canvas').waitFor()
}

describe.skipIf(!hasBrowser)('a class on the Practica server', () => {
  beforeAll(async () => {
    ;({ database, running } = await startAppServer())
    proxy = new CuttableProxy(running.port)
    url = `${await proxy.listen()}/`
  })
  afterAll(async () => {
    await proxy?.close()
    await running?.close()
    await database?.close()
  })

  it('makes the admin on the setup link’s page, by keyboard, in both languages (axe-clean)', async () => {
    const token = await prepareSetup(database.db)
    const page = await openApp('server setup', { url: `${url}?setup=${token}` })
    await page.getByRole('heading', { name: 'Set up Practica' }).waitFor()
    await expectNoSeriousAxe(page)
    // keyboard only: the fields in order, then Enter
    await page.getByLabel('Name', { exact: true }).focus()
    await page.keyboard.type('Ada Admin')
    await page.keyboard.press('Tab')
    await page.keyboard.type('ada')
    await page.keyboard.press('Tab')
    await page.keyboard.type('correct horse')
    await page.keyboard.press('Tab')
    await page.keyboard.type('correct horsf')
    await page.keyboard.press('Enter')
    await page.getByText('The two passwords are not the same').waitFor()
    await page.getByLabel('Password again').fill('correct horse')
    await page.locator('.language-switch select').selectOption('zh-CN')
    await page.getByRole('heading', { name: '设置 Practica' }).waitFor()
    await expectNoSeriousAxe(page)
    await page.locator('.language-switch select').selectOption('en')
    await page.getByLabel('Password again').press('Enter')
    await page.getByRole('heading', { name: 'Practica — Administrator' }).waitFor()
    // the setup link is spent: the page left it, and the server refuses it now
    expect(new URL(page.url()).searchParams.has('setup')).toBe(false)
    const again = await fetch(`${running.url}/api/setup`, {
      method: 'POST',
      headers: { Origin: running.url, 'Content-Type': 'application/json' },
      body: JSON.stringify({ token, login: 'eve', name: 'Eve', password: 'whatever1' }),
    })
    expect(again.status).toBe(409)
    await page.context().close()
  })

  it('an instructor publishes and assigns; two learners sync (one through a network cut); the assessor sees the engine’s scores', async () => {
    const adminCookie = await signInCookie('ada', 'correct horse')
    const admin = apiAs(adminCookie)
    await admin('POST', '/api/users', {
      role: 'instructor',
      login: 'ian',
      name: 'Ian Instructor',
      password: 'teach1234',
    })
    const assessor = await admin<{ id: string }>('POST', '/api/users', {
      role: 'assessor',
      login: 'asha',
      name: 'Asha Assessor',
      password: 'mark12345',
    })

    // the instructor: a class by keyboard, the scenario published by upload, an assignment
    const teacher = await openApp('server instructor', { url })
    await staffSignIn(teacher, 'ian', 'teach1234')
    await teacher.getByLabel('Class name').focus()
    await teacher.keyboard.type('Workshop A')
    await teacher.keyboard.press('Enter')
    const code = (await teacher.locator('.join-code-value').textContent())!.trim()
    expect(code).toMatch(/^[A-Z0-9]{6}$/)
    await teacher.locator('input[type=file]').setInputFiles(resolve(CONVEYOR))
    await teacher
      .getByText('Published: Lockout/tagout of a belt conveyor drive, version 1.1.0.')
      .waitFor()
    await teacher.locator('.new-assignment select').first().selectOption({ index: 1 })
    await teacher.getByRole('button', { name: 'Assign', exact: true }).click()
    await teacher.locator('tr[data-assignment]').waitFor()
    await expectNoSeriousAxe(teacher)
    const classId = (await admin<{ id: string; code: string }[]>('GET', '/api/classes')).find(
      (c) => c.code === code,
    )!.id
    await admin('PUT', `/api/classes/${classId}/assessors/${assessor.id}`)

    // learner 1: the whole lockout, online
    const amina = await openApp('server learner 1', { url })
    await joinAndStart(amina, code, 'S-1001', 'Amina Phiri')
    await clickPart(amina, 'glasses')
    await expectStep(amina, 'ppe-glasses', 'done')
    await clickPart(amina, 'radio')
    await clickPart(amina, 'stop_btn')
    await clickPart(amina, 'isolator')
    await expectStep(amina, 'isolate', 'done')
    await finishAndShowResult(amina)
    await amina.getByText('Saved on the server').waitFor({ timeout: 30_000 })
    const aminaLocal = await downloadAttempt(amina)

    // learner 2: the network goes in the middle of the attempt and comes back
    const chen = await openApp('server learner 2', { url })
    await joinAndStart(chen, code, 'S-1002', '陈伟')
    await clickPart(chen, 'glasses')
    await expectStep(chen, 'ppe-glasses', 'done')
    proxy.cut()
    await clickPart(chen, 'gloves')
    await clickPart(chen, 'stop_btn')
    await expectStep(chen, 'ppe-gloves', 'done')
    await finishAndShowResult(chen)
    await chen.getByText('Saved on this computer').first().waitFor({ timeout: 30_000 })
    const chenLocal = await downloadAttempt(chen)
    // the cut was real: the server has not all of them (the end above all) until the network is back
    const during = await fetch(`${running.url}/api/attempts/${chenLocal.id}`, {
      headers: { Cookie: adminCookie },
    })
    const heldDuring = during.ok
      ? ((await during.json()) as { events: unknown[] }).events.length
      : 0
    expect(heldDuring).toBeLessThan(chenLocal.events.length)
    proxy.restore()
    await chen.getByText('Saved on the server').waitFor({ timeout: 90_000 })

    // the server holds exactly the events each browser recorded: none lost, none twice
    const held = async (local: Attempt): Promise<Attempt> => {
      const stored = await admin<{
        header: Omit<Attempt, 'events'>
        events: AttemptEvent[]
        judgements: Attempt['judgements']
      }>('GET', `/api/attempts/${local.id}`)
      return { ...stored.header, events: stored.events, judgements: stored.judgements ?? {} }
    }
    const aminaHeld = await held(aminaLocal)
    const chenHeld = await held(chenLocal)
    expect(aminaHeld.events).toEqual(aminaLocal.events)
    expect(chenHeld.events).toEqual(chenLocal.events)

    // the engine's scores of those events, as the CLI's score gives them
    const model = loadScenarioFile(CONVEYOR)
    const score = (attempt: Attempt): Result => {
      const scored = scoreAttempt(model, attempt)
      if (!scored.ok) throw new Error(scored.problems[0]!.message)
      return scored.value
    }
    const expected = { 'Amina Phiri': score(aminaHeld), 陈伟: score(chenHeld) }

    // the assessor opens the class from the server in the review screen
    const review = await openApp('server assessor', { url })
    await staffSignIn(review, 'asha', 'mark12345')
    await review.getByRole('button', { name: 'Review Workshop A' }).click()
    await review.locator('tr[data-attempt]').nth(1).waitFor()
    expect(await review.locator('tr[data-attempt]').count()).toBe(2)
    for (const [name, result] of Object.entries(expected)) {
      const row = review.locator('tr[data-attempt]', { hasText: name })
      await expect
        .poll(() => row.locator('td').nth(5).textContent())
        .toBe(`${result.score.percent.toFixed(1)} %`)
      await row.getByRole('button', { name }).click()
      const detail = review.getByRole('region', { name: 'Attempt', exact: true })
      await expect
        .poll(() => detail.getByTestId('score').textContent())
        .toBe(
          `${round(result.score.raw)} / ${round(result.score.max)} (${result.score.percent.toFixed(1)} %)`,
        )
      expect(await detail.locator('p.status').getAttribute('data-status')).toBe(result.status)
      expect(await row.getByText('does not match its log').count()).toBe(0)
    }
    await expectNoSeriousAxe(review)

    // a judgement mark is saved on the server, with who and when, in the audit log
    const chenRow = review.locator('tr[data-attempt]', { hasText: '陈伟' })
    await chenRow.getByRole('button', { name: '陈伟' }).click()
    await review.locator('fieldset[data-judgement=housekeeping]').getByLabel('2').click()
    await review.locator('.mark-history summary').click()
    await review.locator('.mark-history tbody tr').waitFor()
    expect(await review.locator('.mark-history tbody tr').textContent()).toContain('Asha Assessor')
    const marked = await admin<{
      attempts: { attempt: Attempt; result: Result; revision: number }[]
    }>('GET', `/api/classes/${classId}/results`)
    const chenNow = marked.attempts.find((a) => a.attempt.id === chenLocal.id)!
    expect(chenNow.attempt.judgements?.['housekeeping']?.mark).toBe(2)
    expect(chenNow.revision).toBeGreaterThan(1)
    expect(chenNow.result).toEqual(score({ ...chenHeld, judgements: chenNow.attempt.judgements! }))
    await expect
      .poll(() => chenRow.locator('td').nth(5).textContent())
      .toBe(`${chenNow.result.score.percent.toFixed(1)} %`)

    // the editor's "Publish to a class": the bytes "Download" saves; a version taken by other
    // bytes says to change the version number first; then published and assigned in one step
    // the instructor opens one assignment's attempts in the review from the class's screen
    await teacher
      .locator('tr[data-assignment]')
      .getByRole('button', { name: /^Review/ })
      .click()
    await teacher.locator('tr[data-attempt]').nth(1).waitFor()
    expect(await teacher.locator('tr[data-attempt]').count()).toBe(2)
    await teacher.getByRole('button', { name: 'Back to scenarios' }).click()
    await teacher.getByRole('button', { name: 'Classes and administration' }).click()
    await teacher.getByRole('button', { name: 'Edit scenarios' }).click()
    await teacher.getByRole('button', { name: 'Edit conveyor-loto.json' }).click()
    await teacher.getByRole('button', { name: 'Publish to a class…' }).click()
    await teacher.getByLabel('Assign it to').selectOption({ label: `Workshop A (${code})` })
    await teacher.getByRole('button', { name: 'Publish and assign' }).click()
    await teacher.getByText('change the version number first').waitFor()
    await teacher.keyboard.press('Escape')
    await teacher.locator('.publish-panel').waitFor({ state: 'detached' })
    await teacher.getByLabel('Version', { exact: true }).fill('1.1.1')
    await teacher.getByLabel('Version', { exact: true }).press('Tab')
    await teacher.getByRole('button', { name: 'Publish to a class…' }).click()
    await teacher.getByLabel('Assign it to').selectOption({ label: `Workshop A (${code})` })
    await teacher.getByRole('button', { name: 'Publish and assign' }).click()
    await teacher.getByText('Assigned to Workshop A (Practice).').waitFor()
    await expectNoSeriousAxe(teacher, '.publish-panel')
    await teacher.locator('.publish-panel').getByRole('button', { name: 'Close' }).click()
    const saved = await downloadText(teacher, () =>
      teacher.getByRole('button', { name: 'Download JSON' }).click(),
    )
    const published = await fetch(`${running.url}/api/scenarios/conveyor-loto/1.1.1`, {
      headers: { Cookie: adminCookie },
    })
    expect(Buffer.from(await published.arrayBuffer()).toString('utf8')).toBe(saved)
    const assigned = await admin<{ scenario: { version: string } }[]>(
      'GET',
      `/api/classes/${classId}/assignments`,
    )
    expect(assigned.map((a) => a.scenario.version).sort()).toEqual(['1.1.0', '1.1.1'])
    for (const page of [teacher, amina, chen, review]) await page.context().close()
  }, 400_000)
})

/** A score as the result view shows it: whole numbers as they are, others to one decimal. */
function round(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1)
}
