// The instructor's live class view (issue 15 §1) in headless Chromium, on the real server and
// database (startServer on an in-memory PGlite, serving this build): two learners act in their
// own browsers while the instructor watches from the staff screen's "Watch live". Every row is
// checked against the engine run here on the events the server stored (never against what a
// learner's app says); the stream is cut and comes back without losing an update; a critical
// hazard turns the card red, beeps and flashes at most three times a second (none with reduced
// motion); idle shows after the instructor's setting (the page's clock moved on, not a wait);
// a finished attempt shows scoreAttempt's score; a learner's live 3D view follows new events;
// both languages, axe-clean, with screenshots at 1280×720 under /tmp/livegrid/.
import { mkdirSync, readFileSync } from 'node:fs'
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  getLocalText,
  getNextStep,
  replayTo,
  scoreAttempt,
  type Attempt,
  type Model,
} from '../../src/core/index.ts'
import type { OpenDatabase } from '../../src/server/db/open.ts'
import { createStaff } from '../../src/server/people/users.ts'
import type { RunningServer } from '../../src/server/server.ts'
import { storedAttempt } from '../../src/server/work/score.ts'
import { loadScenarioFile } from '../helpers.ts'
import { startAppServer } from './appServer.ts'
import { expectNoSeriousAxe } from './axe.ts'
import { CuttableProxy } from './cuttableProxy.ts'
import {
  clickPart,
  expectStep,
  finishAndShowResult,
  hasBrowser,
  newAppPage,
  openApp,
  setupBrowser,
} from './browser.ts'

setupBrowser()

const CONVEYOR = 'scenarios/conveyor-loto.json'
const SHOTS = '/tmp/livegrid'

let database: OpenDatabase
let running: RunningServer
let proxy: CuttableProxy
let proxyUrl = ''
let model: Model

/** A call to the API from Node, with a session cookie. */
async function api<T>(cookie: string, method: string, path: string, body?: unknown): Promise<T> {
  const bytes = body instanceof Uint8Array
  const answer = await fetch(`${running.url}${path}`, {
    method,
    headers: {
      Origin: running.url,
      Cookie: cookie,
      ...(body === undefined
        ? {}
        : { 'Content-Type': bytes ? 'application/octet-stream' : 'application/json' }),
    },
    ...(body === undefined
      ? {}
      : { body: bytes ? (body as Uint8Array<ArrayBuffer>) : JSON.stringify(body) }),
  })
  const text = await answer.text()
  if (!answer.ok) throw new Error(`${method} ${path}: ${answer.status} ${text}`)
  return JSON.parse(text) as T
}

/** The latest attempt of the learner with `learnerCode`, as the server stored it. */
async function storedOf(assignmentId: string, learnerCode: string): Promise<Attempt | undefined> {
  const row = await database.db
    .selectFrom('attempts')
    .innerJoin('class_learners', 'class_learners.user_id', 'attempts.user_id')
    .select('attempts.id')
    .where('attempts.assignment_id', '=', assignmentId)
    .where('class_learners.learner_id', '=', learnerCode)
    .orderBy('attempts.created_at', 'desc')
    .executeTakeFirst()
  return row ? (await storedAttempt(database.db, row.id))?.attempt : undefined
}

/** What the engine says a row shows of `attempt`'s events, in `lang`. */
function engineRow(attempt: Attempt, lang: string) {
  const text = (v: Parameters<typeof getLocalText>[0]) => getLocalText(v, lang, 'en')
  const state = replayTo(model, attempt, Infinity)
  const scored = scoreAttempt(model, attempt)
  if (!scored.ok) throw new Error(scored.problems[0]!.message)
  const next = getNextStep(model, state.stepDone)
  const hazards: string[] = []
  for (const h of scored.value.hazards) if (!hazards.includes(h.id)) hazards.push(h.id)
  const title = (id: string) =>
    text(model.scenario.hazards![model.hazards.findIndex((h) => h.id === id)]!.title)
  return {
    progress: `${state.stepDone.filter(Boolean).length} of ${model.steps.length} steps done`,
    step: next === undefined ? null : `Now: ${text(model.scenario.steps[next]!.title)}`,
    hazards: hazards.map(title),
    critical: scored.value.hazards.some((h) => h.severity === 'critical'),
    result: scored.value,
  }
}

const card = (page: Page, learnerCode: string): Locator =>
  page.locator(`li.live-card[data-learner="${learnerCode}"]`)

/** Waits until the card shows the events the server stored, then checks it against the engine. */
async function expectRowFromEngine(
  page: Page,
  assignmentId: string,
  learnerCode: string,
  atLeast: number,
): Promise<Attempt> {
  let stored: Attempt | undefined
  await expect
    .poll(
      async () => {
        stored = await storedOf(assignmentId, learnerCode)
        const shown = Number(await card(page, learnerCode).getAttribute('data-events'))
        return stored && stored.events.length >= atLeast && shown === stored.events.length
      },
      { timeout: 20_000 },
    )
    .toBe(true)
  const expected = engineRow(stored!, 'en')
  const c = card(page, learnerCode)
  expect(await c.getByTestId('progress').textContent()).toBe(expected.progress)
  expect(await c.getByTestId('hazards').textContent()).toBe(
    expected.hazards.length ? `Hazards: ${expected.hazards.join(', ')}` : 'No hazards',
  )
  if (expected.step && (await c.getAttribute('data-status')) === 'working')
    expect(await c.getByTestId('step').textContent()).toBe(expected.step)
  expect(await c.getAttribute('data-critical')).toBe(String(expected.critical))
  return stored!
}

/** Signs `login` in through the API and gives `page`'s browser the session cookie. */
async function staffCookie(page: Page, login: string, password: string): Promise<string> {
  const signIn = await fetch(`${running.url}/api/session`, {
    method: 'POST',
    headers: { Origin: running.url, 'Content-Type': 'application/json' },
    body: JSON.stringify({ login, password }),
  })
  expect(signIn.status).toBe(200)
  const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!
  const at = cookie.indexOf('=')
  await page
    .context()
    .addCookies([{ name: cookie.slice(0, at), value: cookie.slice(at + 1), url: proxyUrl }])
  return cookie
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

describe.skipIf(!hasBrowser)('the live class view', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true })
    model = loadScenarioFile(CONVEYOR)
    ;({ database, running } = await startAppServer())
    proxy = new CuttableProxy(running.port)
    proxyUrl = `${await proxy.listen()}/`
  })
  afterAll(async () => {
    await proxy?.close()
    await running?.close()
    await database?.close()
  })

  it('shows the class as the engine computes it, live, in both languages', async () => {
    // the class, its scenario and assignment, made through the API by the instructor
    await createStaff(
      database.db,
      { role: 'instructor', login: 'ian', name: 'Ian Instructor', password: 'teach1234' },
      new Date(),
    )
    const signIn = await fetch(`${running.url}/api/session`, {
      method: 'POST',
      headers: { Origin: running.url, 'Content-Type': 'application/json' },
      body: JSON.stringify({ login: 'ian', password: 'teach1234' }),
    })
    expect(signIn.status).toBe(200)
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!
    const klass = await api<{ id: string; code: string }>(cookie, 'POST', '/api/classes', {
      name: 'Workshop L',
    })
    const published = await api<{ id: string; version: string }>(
      cookie,
      'POST',
      '/api/scenarios',
      new Uint8Array(readFileSync(CONVEYOR)),
    )
    const assignment = await api<{ id: string }>(
      cookie,
      'POST',
      `/api/classes/${klass.id}/assignments`,
      { scenarioId: published.id, version: published.version, mode: 'practice' },
    )
    // a learner who joins and never starts
    const joined = await fetch(`${running.url}/api/join`, {
      method: 'POST',
      headers: { Origin: running.url, 'Content-Type': 'application/json' },
      body: JSON.stringify({ code: klass.code, learnerId: 'S-3', name: 'Dina Okafor' }),
    })
    expect(joined.status).toBe(200)

    // two learners, each in their own browser, straight to the server (not through the proxy)
    const [amina, chen] = await Promise.all([
      openApp('live learner 1', { url: running.url + '/' }),
      openApp('live learner 2', { url: running.url + '/' }),
    ])
    await Promise.all([
      joinAndStart(amina, klass.code, 'S-1', 'Amina Phiri'),
      joinAndStart(chen, klass.code, 'S-2', 'Chen Wei'),
    ])

    // the instructor, through the proxy the test can cut; the page's clock is the test's, and
    // every beep made is counted
    const teacher = await newAppPage('live instructor')
    await teacher.clock.install()
    await teacher.addInitScript(() => {
      const w = window as unknown as { beeps: number }
      w.beeps = 0
      const make = BaseAudioContext.prototype.createOscillator
      BaseAudioContext.prototype.createOscillator = function (this: BaseAudioContext) {
        w.beeps++
        return make.call(this)
      }
    })
    await teacher
      .context()
      .addCookies([
        { name: cookie.split('=')[0]!, value: cookie.split('=').slice(1).join('='), url: proxyUrl },
      ])
    await teacher.goto(`${proxyUrl}?graphics=simple`)
    await teacher.getByRole('button', { name: 'Classes and administration' }).click()
    await teacher.getByRole('button', { name: /Workshop L/ }).click()
    await teacher.getByRole('button', { name: /^Watch live/ }).click()
    expect(new URL(teacher.url()).searchParams.get('live')).toBe(assignment.id)
    await teacher.getByRole('heading', { name: /^Live class: Lockout\/tagout/ }).waitFor()
    await teacher.getByText('Live: the grid changes as learners work.').waitFor()
    await expect.poll(() => teacher.locator('li.live-card').count()).toBe(3)
    expect(await card(teacher, 'S-3').getAttribute('data-status')).toBe('not-started')
    expect(await card(teacher, 'S-3').textContent()).toContain('Not started')

    // they act: each row is the engine's view of the events the server stored
    await clickPart(amina, 'glasses')
    await expectStep(amina, 'ppe-glasses', 'done')
    await clickPart(chen, 'glasses')
    await clickPart(chen, 'gloves')
    await expectStep(chen, 'ppe-gloves', 'done')
    await expectRowFromEngine(teacher, assignment.id, 'S-1', 1)
    await expectRowFromEngine(teacher, assignment.id, 'S-2', 2)
    expect(await card(teacher, 'S-1').getByTestId('step').textContent()).toBe(
      'Now: Put on work gloves',
    )

    // the stream is cut: the screen says so; what happens meanwhile arrives once it is back
    const before = (await storedOf(assignment.id, 'S-1'))!.events.length
    proxy.cut()
    await teacher.getByText(/Reconnecting/).waitFor()
    await clickPart(amina, 'stop_btn')
    await expect
      .poll(async () => (await storedOf(assignment.id, 'S-1'))!.events.length, {
        timeout: 15_000,
      })
      .toBeGreaterThan(before)
    expect(Number(await card(teacher, 'S-1').getAttribute('data-events'))).toBe(before)
    proxy.restore()
    await teacher.getByText('Live: the grid changes as learners work.').waitFor({ timeout: 20_000 })
    await expectRowFromEngine(teacher, assignment.id, 'S-1', before + 1)

    // a critical hazard: the guard opened with the drive still energised
    const beforeGuard = (await storedOf(assignment.id, 'S-1'))!.events.length
    await clickPart(amina, 'guard')
    await expectRowFromEngine(teacher, assignment.id, 'S-1', beforeGuard + 1)
    const red = card(teacher, 'S-1')
    expect(await red.getAttribute('data-critical')).toBe('true')
    expect(await red.textContent()).toContain('Critical hazard')
    const look = await red.evaluate((el) => {
      const s = getComputedStyle(el)
      return {
        border: s.borderTopColor,
        name: s.animationName,
        seconds: parseFloat(s.animationDuration),
        direction: s.animationDirection,
      }
    })
    expect(look.border).toBe('rgb(176, 0, 32)')
    expect(look.name).toBe('live-flash')
    // one flash (on and off) per animation cycle: at most three a second (WCAG 2.3.1)
    expect(look.direction).toBe('normal')
    expect(1 / look.seconds).toBeLessThanOrEqual(3)
    await expect
      .poll(() => teacher.evaluate(() => (window as any).beeps as number))
      .toBeGreaterThan(0)
    await teacher.screenshot({ path: `${SHOTS}/grid-en.png` })
    await expectNoSeriousAxe(teacher)

    // a finished attempt: the server's score, the one scoreAttempt gives
    await finishAndShowResult(chen)
    await expect
      .poll(() => card(teacher, 'S-2').getAttribute('data-status'), { timeout: 20_000 })
      .toBe('finished')
    const chenStored = await expectRowFromEngine(teacher, assignment.id, 'S-2', 2)
    const { result } = engineRow(chenStored, 'en')
    await expect
      .poll(() => card(teacher, 'S-2').getByTestId('score').textContent())
      .toBe(
        `Score: ${result.score.percent.toFixed(1)} % (${result.passed ? 'passed' : 'not passed'})`,
      )

    // Chen is done: the page goes (fewer pages drawing, a faster test)
    await chen.context().close()

    // a learner's live 3D view (Enter on their name): it follows their new events
    await card(teacher, 'S-1')
      .getByRole('button', { name: /Amina Phiri/ })
      .press('Enter')
    await teacher.getByRole('heading', { name: 'Amina Phiri, live' }).waitFor()
    expect(new URL(teacher.url()).searchParams.get('learner')).not.toBeNull()
    const replay = teacher.locator('.live-replay')
    const held = (await storedOf(assignment.id, 'S-1'))!.events.length
    await expect.poll(() => replay.getAttribute('data-events')).toBe(String(held))
    await clickPart(amina, 'isolator')
    let aminaNow = (await storedOf(assignment.id, 'S-1'))!
    await expect
      .poll(
        async () => {
          aminaNow = (await storedOf(assignment.id, 'S-1'))!
          const shown = Number(await replay.getAttribute('data-events'))
          return shown > held && shown === aminaNow.events.length
        },
        { timeout: 20_000 },
      )
      .toBe(true)
    const lastT = aminaNow.events[aminaNow.events.length - 1]!.t
    const at = (ms: number) =>
      `${Math.floor(ms / 60_000)}:${String(Math.floor(ms / 1000) % 60).padStart(2, '0')}`
    // shown at its newest moment: the last event's time, at the end of the scrubber
    await expect
      .poll(() => replay.locator('.replay-time').textContent())
      .toBe(`${at(lastT)} / ${at(lastT)}`)
    await amina.context().close()
    await teacher.screenshot({ path: `${SHOTS}/learner-en.png` })
    await expectNoSeriousAxe(teacher)
    // the address keeps the view: a reload opens it again
    await teacher.reload()
    await teacher.getByRole('heading', { name: 'Amina Phiri, live' }).waitFor()
    await expect.poll(() => replay.getAttribute('data-events')).toBe(String(aminaNow.events.length))
    // the browser's Back: the grid again (the live 3D view's button is used in Chinese below)
    await teacher.goBack()
    await expect.poll(() => teacher.locator('li.live-card').count()).toBe(3)
    expect(new URL(teacher.url()).searchParams.get('learner')).toBeNull()

    // idle: after the minutes the instructor sets (1 here), on the page's clock moved on
    await teacher.getByLabel('Idle after (minutes)').fill('0')
    await teacher.getByRole('button', { name: 'Save', exact: true }).click()
    await teacher.getByText('Type a whole number of minutes from 1 to 600.').waitFor()
    await teacher.getByLabel('Idle after (minutes)').fill('1')
    await teacher.getByRole('button', { name: 'Save', exact: true }).click()
    await teacher.getByText('Saved: learners show as idle after 1 min without an action.').waitFor()
    const idleHead = await database.db
      .selectFrom('live_heads')
      .select('idle_minutes')
      .where('assignment_id', '=', assignment.id)
      .executeTakeFirst()
    expect(idleHead?.idle_minutes).toBe(1)
    expect(await card(teacher, 'S-1').getAttribute('data-idle')).toBe('false')
    await teacher.clock.fastForward(65_000)
    await expect.poll(() => card(teacher, 'S-1').getAttribute('data-idle')).toBe('true')
    expect(await card(teacher, 'S-1').getByTestId('idle').textContent()).toMatch(
      /^Idle: no action for 1 min/,
    )
    // a finished attempt and one not started are never idle
    expect(await card(teacher, 'S-2').getAttribute('data-idle')).toBe('false')
    expect(await card(teacher, 'S-3').getAttribute('data-idle')).toBe('false')

    // 中文: the interface and the scenario's step and hazard names
    await teacher.locator('.language-switch select').selectOption('zh-CN')
    await teacher.getByRole('heading', { name: /^实时课堂：带式输送机驱动的上锁挂牌/ }).waitFor()
    const zh = engineRow(aminaNow, 'zh-CN')
    expect(await card(teacher, 'S-3').textContent()).toContain('未开始')
    expect(await card(teacher, 'S-1').getByTestId('step').textContent()).toBe(
      zh.step!.replace('Now: ', '当前：'),
    )
    expect(await card(teacher, 'S-1').getByTestId('hazards').textContent()).toBe(
      `危险：${zh.hazards.join('、')}`,
    )
    await teacher.screenshot({ path: `${SHOTS}/grid-zh.png` })
    await expectNoSeriousAxe(teacher)
    await card(teacher, 'S-2')
      .getByRole('button', { name: /Chen Wei/ })
      .click()
    await teacher.getByRole('heading', { name: 'Chen Wei（实时）' }).waitFor()
    await teacher.locator('.live-replay').waitFor()
    await teacher.screenshot({ path: `${SHOTS}/learner-zh.png` })
    await teacher.getByRole('button', { name: '返回全班' }).click()

    // the class's assessor finds the live view from their list of classes
    const assessor = await createStaff(
      database.db,
      { role: 'assessor', login: 'asha', name: 'Asha Assessor', password: 'mark12345' },
      new Date(),
    )
    await database.db
      .insertInto('assessor_classes')
      .values({ assessor_id: assessor.id, class_id: klass.id })
      .execute()
    const marker = await newAppPage('live assessor')
    await staffCookie(marker, 'asha', 'mark12345')
    await marker.goto(`${proxyUrl}?graphics=simple`)
    await marker.getByRole('button', { name: 'Classes and administration' }).click()
    await marker.getByRole('button', { name: 'Watch Workshop L live…' }).click()
    await marker.getByRole('button', { name: /^Watch live: Lockout/ }).click()
    await expect.poll(() => marker.locator('li.live-card').count()).toBe(3)
    expect(await marker.getByLabel('Idle after (minutes)').count()).toBe(0)
    expect(await marker.getByText('Learners show as idle after 1 min').count()).toBe(1)

    // reduced motion: the red border stays, without the flash
    await teacher.emulateMedia({ reducedMotion: 'reduce' })
    expect(await card(teacher, 'S-1').evaluate((el) => getComputedStyle(el).animationName)).toBe(
      'none',
    )
    expect(await card(teacher, 'S-1').evaluate((el) => getComputedStyle(el).borderTopColor)).toBe(
      'rgb(176, 0, 32)',
    )
    // ≈ 30–40 s on a quiet machine; the limit leaves room for a busy one (80 s seen at load 14)
  }, 120_000)
})
