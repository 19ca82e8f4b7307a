// The instructor's live actions in headless Chromium, on the real server and database (an
// in-memory PGlite serving this build): the instructor, in the live view, sends the class a
// message and ends the assignment now; a learner's real app, in another browser context, playing
// the assignment, shows the message and the "ended" notice, appends `end` itself and sends it, and
// the server's result is the engine's scoreAttempt of the events it stored; the assessor then
// sees the messages beside the attempt. Both languages,
// keyboard, axe-clean, screenshots at 1280×720 under /tmp/livecmd/.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { scoreAttempt } from '../../src/core/index.ts'
import { storedAttempt } from '../../src/server/work/score.ts'
import { loadScenarioFile, readText, ROOT } from '../helpers.ts'
import { startTestServer, type TestServer } from '../server/harness.ts'
import { expectNoSeriousAxe } from './axe.ts'
import { appUrl, clickPart, hasBrowser, newAppPage, setupBrowser } from './browser.ts'

setupBrowser()

const SHOTS = '/tmp/livecmd'
const CONVEYOR = 'scenarios/conveyor-loto.json'
const TITLE = 'Lockout/tagout of a belt conveyor'
const MESSAGE = 'Stop and check the guard before you go on.'

describe.skipIf(!hasBrowser)("the instructor's live actions reach the learner's app", () => {
  let server: TestServer
  let assignmentId: string
  let instructorToken: string
  let learnerToken: string
  let assessorToken: string

  beforeAll(async () => {
    if (!hasBrowser) return
    server = await startTestServer('pglite', {
      appDir: join(ROOT, process.env['PRACTICA_DIST'] ?? 'dist'),
    })
    const instructor = await server.signIn('instructor', { name: 'Thandi Mokoena' })
    const published = await instructor.client.request(
      'POST',
      '/api/scenarios',
      new TextEncoder().encode(readText(CONVEYOR)),
    )
    expect(published.status, JSON.stringify(published.body)).toBeLessThan(300)
    const classId = await server.makeClass(instructor.userId, { name: 'Workshop 2B' })
    const assigned = await instructor.client.post(`/api/classes/${classId}/assignments`, {
      scenarioId: published.body.id,
      version: published.body.version,
      mode: 'practice',
    })
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(201)
    assignmentId = assigned.body.id
    const learner = await server.signIn('learner', { classId, name: 'Amina Phiri' })
    instructorToken = instructor.client.cookies.get('practica_session')!
    learnerToken = learner.client.cookies.get('practica_session')!
    const assessor = await server.signIn('assessor', { classId, name: 'Asha Assessor' })
    assessorToken = assessor.client.cookies.get('practica_session')!
    mkdirSync(SHOTS, { recursive: true })
  }, 60_000)

  afterAll(async () => {
    await server?.close()
  })

  /** A page of its own signed in with `token` (the session cookie a sign-in sets). */
  async function signedInPage(name: string, token: string): Promise<Page> {
    const page = await newAppPage(name)
    await page
      .context()
      .addCookies([{ name: 'practica_session', value: token, url: `${server.url}/` }])
    return page
  }

  async function language(page: Page, tag: string) {
    await page.locator('.language-switch select').first().selectOption(tag)
  }

  async function waitUntil(what: string, check: () => Promise<boolean>, ms = 20_000) {
    const until = Date.now() + ms
    while (!(await check())) {
      if (Date.now() > until) throw new Error(`timed out waiting until ${what}`)
      await new Promise((r) => setTimeout(r, 200))
    }
  }

  const attemptRow = () =>
    server.db
      .selectFrom('attempts')
      .select(['id', 'ended', 'next_seq'])
      .where('assignment_id', '=', assignmentId)
      .executeTakeFirst()

  it('sends a message and ends the assignment; the app shows both, ends its attempt, and the server scores it', async () => {
    // the learner starts the assignment in their app and does something
    const learner = await signedInPage('live messages: learner', learnerToken)
    await learner.goto(appUrl(`${server.url}/`, { graphics: 'simple' }))
    const start = learner.getByRole('button', { name: `Start assignment: ${TITLE}` })
    await start.waitFor({ timeout: 30_000 })
    await start.click()
    await learner.locator('canvas').waitFor({ timeout: 60_000 })
    await clickPart(learner, 'glasses')
    await waitUntil('the server holds the first event', async () => {
      const row = await attemptRow()
      return (row?.next_seq ?? 0) >= 1
    })

    // the instructor, in the live view, writes to the class by keyboard alone
    const instructor = await signedInPage('live messages: instructor', instructorToken)
    await instructor.goto(appUrl(`${server.url}/`, { live: assignmentId }))
    const box = instructor.getByLabel('Message to the whole class')
    await box.waitFor({ timeout: 30_000 })
    await box.focus()
    await instructor.keyboard.type(MESSAGE)
    await instructor.keyboard.press('Tab')
    await instructor.keyboard.press('Enter')
    await instructor
      .getByRole('status')
      .filter({ hasText: /^Sent at/ })
      .waitFor()
    expect(await box.inputValue()).toBe('')
    await instructor.getByText('Sent so far (1)').click()
    await instructor.getByText(`To the class: ${MESSAGE}`).waitFor()
    await instructor.screenshot({ path: `${SHOTS}/instructor-en.png` })
    await expectNoSeriousAxe(instructor)
    // an empty message is refused here, in plain words
    await instructor.getByRole('button', { name: 'Send', exact: true }).click()
    await instructor
      .getByRole('alert')
      .filter({ hasText: 'The message is empty: write something to send.' })
      .waitFor()

    // the learner's screen shows it, politely, with the frame in their language
    const inbox = learner.locator('.live-inbox')
    await inbox.getByText(MESSAGE).waitFor({ timeout: 15_000 })
    await inbox.getByText('Your instructor').waitFor()
    await inbox.getByText('to the whole class').waitFor()
    expect(await inbox.locator('[aria-live="polite"]').count()).toBe(1)
    await learner.screenshot({ path: `${SHOTS}/learner-message-en.png` })
    await expectNoSeriousAxe(learner)
    await language(learner, 'zh-CN')
    await inbox.getByText('你的讲师').waitFor()
    await inbox.getByText('发给全班').waitFor()
    await inbox.getByText(MESSAGE).waitFor()
    await learner.screenshot({ path: `${SHOTS}/learner-message-zh.png` })
    await expectNoSeriousAxe(learner)

    // the instructor's actions in Chinese
    await language(instructor, 'zh-CN')
    await instructor.getByLabel('发给全班的消息').waitFor()
    await instructor.getByRole('button', { name: '立即结束作业' }).waitFor()
    await instructor.screenshot({ path: `${SHOTS}/instructor-zh.png` })
    await expectNoSeriousAxe(instructor)
    await language(instructor, 'en')

    // "end now", confirmed, from the keyboard; cancelling first gives the focus back
    const endNow = instructor.getByRole('button', { name: 'End the assignment now' })
    await endNow.focus()
    await instructor.keyboard.press('Enter')
    const dialog = instructor.getByRole('alertdialog', { name: 'End the assignment now' })
    await dialog.waitFor()
    await instructor.keyboard.press('Tab')
    await instructor.keyboard.press('Enter')
    await dialog.waitFor({ state: 'detached' })
    expect(await endNow.evaluate((b) => b === document.activeElement)).toBe(true)
    await instructor.keyboard.press('Enter')
    await dialog.getByText('This cannot be undone.').waitFor()
    await instructor.screenshot({ path: `${SHOTS}/instructor-end-confirm-en.png` })
    await expectNoSeriousAxe(instructor)
    await instructor.keyboard.press('Enter')
    await instructor.getByText(/^Ending: the assignment closes at/).waitFor()

    // the learner's app is told, ends its own attempt and sends the `end`
    await learner.getByText('你的讲师结束了这项作业。').waitFor({ timeout: 15_000 })
    await learner.screenshot({ path: `${SHOTS}/learner-ended-zh.png` })
    await expectNoSeriousAxe(learner)
    await language(learner, 'en')
    await learner.getByText('Your instructor ended this assignment.', { exact: false }).waitFor()
    await learner.screenshot({ path: `${SHOTS}/learner-ended-en.png` })
    await waitUntil('the server holds the ended attempt', async () => {
      const row = await attemptRow()
      return row?.ended === true
    })
    const row = (await attemptRow())!
    const stored = await storedAttempt(server.db, row.id)
    const events = stored!.attempt.events
    expect(events.at(-1)!.action).toBe('end')
    const result = await server.db
      .selectFrom('results')
      .select('result')
      .where('attempt_id', '=', row.id)
      .executeTakeFirstOrThrow()
    const engine = scoreAttempt(loadScenarioFile(CONVEYOR), stored!.attempt)
    expect(engine.ok).toBe(true)
    expect(result.result).toEqual(engine.ok ? engine.value : undefined)
    // the assignment has not closed yet: the grace lets every online app send its `end`
    const assignment = await server.db
      .selectFrom('assignments')
      .select(['closes_at', 'closed_at'])
      .where('id', '=', assignmentId)
      .executeTakeFirstOrThrow()
    expect(assignment.closed_at).toBeNull()
    expect(assignment.closes_at!.getTime()).toBeGreaterThan(Date.now())

    // (the learner's scene and the live view stop drawing: the lab machine is shared)
    await learner.context().close()
    await instructor.context().close()
  }, 60_000)

  it('shows the assessor, beside the attempt, what its learner was sent while it was under way', async () => {
    expect((await attemptRow())?.ended).toBe(true)
    const review = await signedInPage('live messages: assessor', assessorToken)
    await review.goto(appUrl(`${server.url}/`, { graphics: 'simple' }))
    await review.getByRole('button', { name: 'Classes and administration' }).click()
    await review.getByRole('button', { name: 'Review Workshop 2B' }).click()
    await review
      .locator('tr[data-attempt]')
      .first()
      .getByRole('button', { name: 'Amina Phiri' })
      .click()
    const beside = review.locator('.attempt-messages')
    await beside.getByText('Messages sent during this attempt (2)').waitFor()
    await beside.getByText(MESSAGE).waitFor()
    await beside.getByText('The instructor ended the assignment.').waitFor()
    await beside.scrollIntoViewIfNeeded()
    await review.screenshot({ path: `${SHOTS}/assessor-messages-en.png` })
    await expectNoSeriousAxe(review)
    await language(review, 'zh-CN')
    await beside.getByText('这次尝试期间发送的消息（2）').waitFor()
    await beside.getByText('讲师结束了这项作业。').waitFor()
    await review.screenshot({ path: `${SHOTS}/assessor-messages-zh.png` })
    await expectNoSeriousAxe(review)
  }, 60_000)
})
