// Getting in and staying in, with the real Practica server (PGlite in memory, plain HTTP on
// loopback) and the app built for the browser tests: a class that needs each learner's own PIN
// and one with a class PIN, the refusals said in plain words in both languages; an assignment in
// assessment mode, started and stored as one whatever the library's choice, scored by the server
// as the engine scores its stored events; a sign-in that ends on the server in the middle of an
// attempt, where nothing is lost and the learner is told to join again; and a tab of an older
// Practica holding the browser's database, which must not leave the learner's work unsaved.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT, readText } from '../helpers.ts'
import { startTestServer, type Client, type TestServer } from '../server/harness.ts'
import { expectNoSeriousAxe } from './axe.ts'
import {
  appAddress,
  baseUrl,
  clickPart,
  downloadAttempt,
  downloadJson,
  eventsStored,
  expectStep,
  finishAndShowResult,
  hasBrowser,
  newAppPage,
  openApp,
  resumeIn,
  scoreConveyor,
  setupBrowser,
} from './browser.ts'

setupBrowser()

const SHOTS = '/tmp/access'
const TITLE = 'Lockout/tagout of a belt conveyor'
const HOUR = 3_600_000

/** Switches the interface language (the switch's label is in the language shown). */
async function language(page: Page, tag: string) {
  await page.locator('.language-switch select').first().selectOption(tag)
}

/** Joins the class by keyboard: type, Tab to the next field, Enter. */
async function joinByKeyboard(page: Page, code: string, learnerId: string, name: string) {
  await page.getByLabel('Class code', { exact: true }).focus()
  await page.keyboard.type(code)
  await page.keyboard.press('Tab')
  await page.keyboard.type(learnerId)
  await page.keyboard.press('Tab')
  await page.keyboard.type(name)
  await page.keyboard.press('Enter')
}

/** The alert that says `text` (waited for). */
async function alertSays(page: Page, text: string) {
  const alert = page.getByRole('alert').filter({ hasText: text })
  await alert.waitFor()
  return alert
}

/** A Chinese text with no English in it: Latin letters only in the product's name. */
function expectNoEnglish(text: string | null) {
  expect(text ?? '').not.toBe('')
  expect((text ?? '').replace(/Practica/g, ''), text ?? '').not.toMatch(/[A-Za-z]/)
}

async function waitUntil(what: string, check: () => Promise<boolean>, ms = 30_000) {
  const until = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting until ${what}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

/** The id of the unfinished attempt the page is playing (the most recent). */
async function attemptOnScreen(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const open = indexedDB.open('practica')
        open.onsuccess = () => {
          const all = open.result.transaction('attempts').objectStore('attempts').getAll()
          all.onsuccess = () => {
            open.result.close()
            resolve(
              (all.result as { id: string; updatedAt: number; finished: boolean }[])
                .filter((a) => !a.finished)
                .sort((a, b) => b.updatedAt - a.updatedAt)[0]!.id,
            )
          }
        }
      }),
  )
}

/** The events this browser holds of an attempt, in order. */
async function eventsInBrowser(page: Page, attemptId: string): Promise<unknown[]> {
  return page.evaluate(
    (id) =>
      new Promise<unknown[]>((resolve) => {
        const open = indexedDB.open('practica')
        open.onsuccess = () => {
          const rows = open.result
            .transaction('events')
            .objectStore('events')
            .index('attemptId')
            .getAll(id)
          rows.onsuccess = () => {
            open.result.close()
            resolve(
              (rows.result as { seq: number; event: unknown }[])
                .sort((a, b) => a.seq - b.seq)
                .map((r) => r.event),
            )
          }
        }
      }),
    attemptId,
  )
}

describe.skipIf(!hasBrowser)('getting in and staying in (Practica server)', () => {
  let server: TestServer
  let instructor: Client
  let scenario: { id: string; version: string }

  beforeAll(async () => {
    if (!hasBrowser) return
    server = await startTestServer('pglite', {
      appDir: join(ROOT, process.env['PRACTICA_DIST'] ?? 'dist'),
    })
    instructor = (await server.signIn('instructor', { name: 'Thandi Mokoena' })).client
    const published = await instructor.request(
      'POST',
      '/api/scenarios',
      new TextEncoder().encode(readText('scenarios/conveyor-loto.json')),
    )
    expect(published.status, JSON.stringify(published.body)).toBeLessThan(300)
    scenario = { id: published.body.id, version: published.body.version }
    mkdirSync(SHOTS, { recursive: true })
  }, 120_000)

  afterAll(async () => {
    await server?.close()
  })

  /** A class of the instructor's, made through the API, with one assignment of the conveyor. */
  async function classWith(
    settings: { name: string; pin?: string; learnerPins?: boolean },
    mode: 'practice' | 'assessment',
  ): Promise<{ id: string; code: string; assignmentId: string }> {
    const made = await instructor.post('/api/classes', settings)
    expect(made.status, JSON.stringify(made.body)).toBeLessThan(300)
    const assigned = await instructor.post(`/api/classes/${made.body.id}/assignments`, {
      scenarioId: scenario.id,
      version: scenario.version,
      mode,
    })
    expect(assigned.status, JSON.stringify(assigned.body)).toBeLessThan(300)
    return { id: made.body.id, code: made.body.code, assignmentId: assigned.body.id }
  }

  /** What the server holds of the attempt: its events in order and whether it ended. */
  async function onServer(attemptId: string) {
    const attempt = await server.db
      .selectFrom('attempts')
      .select(['user_id', 'next_seq', 'ended'])
      .where('id', '=', attemptId)
      .executeTakeFirst()
    const events = await server.db
      .selectFrom('attempt_events')
      .select(['seq', 'event'])
      .where('attempt_id', '=', attemptId)
      .orderBy('seq')
      .execute()
    return { attempt, events }
  }

  it('lets a learner in with their own PIN only, and a class in with its class PIN, saying each refusal plainly in English and Chinese', async () => {
    const klass = await classWith({ name: 'Welding 3A', learnerPins: true }, 'practice')
    const card = (page: Page) => page.locator(`li[data-assignment="${klass.assignmentId}"]`)

    // the first join makes the learner, who has no PIN yet: nothing signs them in
    const page = await openApp('access: learner PIN', { url: server.url + '/' })
    await joinByKeyboard(page, klass.code, 's-5001', 'Naledi Dube')
    await alertSays(
      page,
      'This class needs a PIN for each learner, and you do not have one yet. Ask your teacher for your PIN, then join again.',
    )
    expect(await page.getByText('Signed in as').count()).toBe(0)

    // the instructor makes Naledi's PIN (shown once) and hands it to her
    const detail = await instructor.get(`/api/classes/${klass.id}`)
    const naledi = (detail.body.learners as { userId: string; learnerId: string }[]).find(
      (l) => l.learnerId === 's-5001',
    )!
    const made = await instructor.post(`/api/learners/${naledi.userId}/pin`)
    expect(made.status, JSON.stringify(made.body)).toBe(200)
    const pin: string = made.body.pin
    const wrong = pin === '000000' ? '111111' : '000000'

    // the PIN field came with that refusal, ready for the PIN the teacher hands out
    await page.getByLabel('Your PIN').waitFor()
    // a fresh form with no PIN: the field appears and says what to type
    await page.reload()
    await joinByKeyboard(page, klass.code, 's-5001', 'Naledi Dube')
    await alertSays(page, 'This class needs your own PIN. Type the PIN your teacher gave you.')
    await page.getByLabel('Your PIN').waitFor()
    // a wrong PIN
    await page.getByLabel('Your PIN').fill(wrong)
    await page.getByLabel('Your PIN').press('Enter')
    await alertSays(page, 'Your PIN is wrong. Check it, or ask your teacher for a new one.')
    expect(await page.getByText('Signed in as').count()).toBe(0)
    await page.screenshot({ path: `${SHOTS}/learner-pin-wrong-en.png` })
    await expectNoSeriousAxe(page)

    // the same in a Chinese browser: no English, no codes
    const zh = await openApp('access: learner PIN zh', { url: server.url + '/', locale: 'zh-CN' })
    await zh.getByRole('heading', { name: '加入你的班级' }).waitFor()
    await zh.getByLabel('班级代码').fill(klass.code)
    await zh.getByLabel('你的学员编号').fill('s-5001')
    await zh.getByLabel('你的全名').fill('Naledi Dube')
    await zh.getByRole('button', { name: '加入' }).click()
    const missing = await alertSays(zh, '这个班级需要你的个人密码。请输入老师给你的密码。')
    expectNoEnglish(await missing.textContent())
    await zh.getByLabel('你的个人密码').fill(wrong)
    await zh.getByRole('button', { name: '加入' }).click()
    const wrongZh = await alertSays(zh, '你的个人密码不对。请核对，或向老师要一个新密码。')
    expectNoEnglish(await wrongZh.textContent())
    await zh.screenshot({ path: `${SHOTS}/learner-pin-wrong-zh.png` })
    await expectNoSeriousAxe(zh)
    await zh.context().close()

    // the right PIN signs her in, and her class's assignment shows
    await page.getByLabel('Your PIN').fill(pin)
    await page.getByLabel('Your PIN').press('Enter')
    await page.getByText('Signed in as Naledi Dube').waitFor()
    await card(page).getByText('Mode: Practice').waitFor()
    await page.getByRole('button', { name: `Start assignment: ${TITLE}` }).waitFor()
    await page.context().close()

    // a class with a class PIN: missing, wrong, right
    const pinned = await classWith({ name: 'Welding 3B', pin: '4821' }, 'practice')
    const other = await openApp('access: class PIN', { url: server.url + '/' })
    await joinByKeyboard(other, pinned.code, 's-5002', 'Kagiso Sithole')
    await alertSays(other, 'This class has a PIN. Type the class PIN your teacher gave you.')
    await other.getByLabel('Class PIN').fill('0000')
    await other.getByLabel('Class PIN').press('Enter')
    await alertSays(other, 'The class PIN is wrong. Check it with your teacher.')
    await other.screenshot({ path: `${SHOTS}/class-pin-wrong-en.png` })
    await language(other, 'zh-CN')
    await other.getByRole('button', { name: '加入' }).click()
    const wrongClassZh = await alertSays(other, '班级密码不对。请向老师核实。')
    expectNoEnglish(await wrongClassZh.textContent())
    await other.screenshot({ path: `${SHOTS}/class-pin-wrong-zh.png` })
    await expectNoSeriousAxe(other)
    await language(other, 'en')
    await other.getByLabel('Class PIN').fill('4821')
    await other.getByLabel('Class PIN').press('Enter')
    await other.getByText('Signed in as Kagiso Sithole').waitFor()
    await other
      .locator(`li[data-assignment="${pinned.assignmentId}"]`)
      .getByText('Mode: Practice')
      .waitFor()
  }, 300_000)

  it('starts an assessment assignment in assessment mode whatever the library says, and the server scores its stored events as the engine does', async () => {
    const klass = await classWith({ name: 'Millwrights 2' }, 'assessment')
    const page = await openApp('access: assessment', { url: server.url + '/' })
    await joinByKeyboard(page, klass.code, 's-6001', 'Pieter van Wyk')
    await page.getByText('Signed in as Pieter van Wyk').waitFor()
    const card = page.locator(`li[data-assignment="${klass.assignmentId}"]`)
    await card.getByText('Mode: Assessment').waitFor()

    // the library's own choice says practice: the assignment's mode wins
    await page.getByRole('radio', { name: /Practice/ }).check()
    await card.getByRole('button', { name: `Start assignment: ${TITLE}` }).click()
    await page.locator('canvas').waitFor({ timeout: 90_000 })
    const attemptId = await attemptOnScreen(page)
    await page.locator('.mode-badge').getByText('Assessment').waitFor()
    await page.getByRole('timer').getByText('Time left').waitFor()
    // no checklist, no hints, and nothing on the screen to switch the mode
    expect(await page.locator('.checklist').count()).toBe(0)
    expect(await page.getByRole('button', { name: /hint/i }).count()).toBe(0)
    expect(await page.getByRole('radio', { name: /Practice/ }).count()).toBe(0)

    await clickPart(page, 'glasses')
    await clickPart(page, 'gloves')
    await clickPart(page, 'radio')
    await waitUntil('3 events are stored', async () => (await eventsStored(page)) === 3)
    await finishAndShowResult(page)
    await page.getByText('Saved on the server').waitFor({ timeout: 30_000 })
    const attempt = await downloadAttempt(page)
    expect(attempt.mode).toBe('assessment')
    const shown = await downloadJson(page, () =>
      page.getByRole('button', { name: 'Download the result (JSON)' }).click(),
    )

    // the server's attempt as the instructor reads it: assessment, with its own score
    const held = await instructor.get(`/api/attempts/${attemptId}`)
    expect(held.status, JSON.stringify(held.body)).toBe(200)
    expect(held.body.header.mode).toBe('assessment')
    expect(held.body.ended).toBe(true)
    expect(held.body.events).toEqual(attempt.events)
    expect({ ...held.body.header, events: attempt.events }).toEqual(attempt)
    // the engine (the CLI's `score`) on the server's stored events gives the server's result
    expect(held.body.result).toEqual(
      scoreConveyor({ ...held.body.header, events: held.body.events }),
    )
    expect(held.body.result).toEqual(shown)
    await page.context().close()
  }, 300_000)

  it('keeps every event when the sign-in ends on the server mid-attempt, tells the learner to join again, and sends the rest once they have', async () => {
    const klass = await classWith({ name: 'Electricians 1' }, 'practice')
    const page = await openApp('access: session ends', { url: server.url + '/' })
    await joinByKeyboard(page, klass.code, 's-7001', 'Zanele Khumalo')
    await page.getByText('Signed in as Zanele Khumalo').waitFor()
    await page
      .locator(`li[data-assignment="${klass.assignmentId}"]`)
      .getByRole('button', { name: `Start assignment: ${TITLE}` })
      .click()
    await page.locator('canvas').waitFor({ timeout: 90_000 })
    const attemptId = await attemptOnScreen(page)
    await clickPart(page, 'glasses')
    await expectStep(page, 'ppe-glasses', 'done')
    await clickPart(page, 'gloves')
    await expectStep(page, 'ppe-gloves', 'done')
    await waitUntil('the server holds the first 2 events', async () => {
      return (await onServer(attemptId)).events.length === 2
    })

    // the session expires on the server (its clock passes the sign-in's 12 hours)
    server.advance(13 * HOUR)
    await clickPart(page, 'radio')
    await expectStep(page, 'notify', 'done')
    const notice = page.locator('[data-notice="session-ended"]')
    await alertSays(page, 'You are no longer signed in to the class server.')
    await notice
      .getByText(
        'Your sign-in has ended. Join your class again, with the same class code and learner ID. Nothing is lost: your work is saved on this computer and is sent to the server once you have joined again.',
      )
      .waitFor()
    await page.screenshot({ path: `${SHOTS}/session-ended-en.png` })
    await expectNoSeriousAxe(page)
    await language(page, 'zh-CN')
    await alertSays(page, '你已不再登录班级服务器。')
    expectNoEnglish(await notice.getByRole('alert').textContent())
    await notice.getByRole('button', { name: '重新加入' }).waitFor()
    await page.screenshot({ path: `${SHOTS}/session-ended-zh.png` })
    await expectNoSeriousAxe(page)
    await language(page, 'en')

    // the learner goes on: every act is stored in this browser, none is lost or sent meanwhile
    await clickPart(page, 'stop_btn')
    await clickPart(page, 'isolator')
    await expectStep(page, 'isolate', 'done')
    await waitUntil('5 events are stored here', async () => (await eventsStored(page)) === 5)
    expect((await onServer(attemptId)).events.length).toBe(2)

    // joining again from the attempt itself, by keyboard: the notice's button, then the form,
    // whose first field has the keyboard
    await notice.getByRole('button', { name: 'Join again' }).focus()
    await page.keyboard.press('Enter')
    await notice.getByRole('heading', { name: 'Join your class' }).waitFor()
    await waitUntil('the class code has the keyboard', () =>
      notice
        .getByLabel('Class code', { exact: true })
        .evaluate((e) => e === document.activeElement),
    )
    await page.screenshot({ path: `${SHOTS}/session-join-again-en.png` })
    await expectNoSeriousAxe(page)
    // the form starts from the class, ID and name whose sign-in ended: Enter joins again
    expect(await notice.getByLabel('Class code', { exact: true }).inputValue()).toBe(klass.code)
    expect(await notice.getByLabel('Your learner ID').inputValue()).toBe('s-7001')
    expect(await notice.getByLabel('Your full name').inputValue()).toBe('Zanele Khumalo')
    await page.keyboard.press('Enter')
    await notice.waitFor({ state: 'detached' })
    await waitUntil('the server holds the 5 events', async () => {
      return (await onServer(attemptId)).events.length === 5
    })

    await clickPart(page, 'isolator', 'right')
    await page.getByRole('menuitem', { name: 'Apply lock' }).click()
    await expectStep(page, 'lock', 'done')
    await finishAndShowResult(page)
    await page.getByText('Saved on the server').waitFor({ timeout: 30_000 })
    const attempt = await downloadAttempt(page)
    expect(attempt.events.at(-1)?.action).toBe('end')
    expect(await eventsInBrowser(page, attemptId)).toEqual(attempt.events)
    const held = await onServer(attemptId)
    expect(held.attempt?.ended).toBe(true)
    // every event once, in order
    expect(held.events.map((e) => e.seq)).toEqual(attempt.events.map((_, i) => i))
    expect(held.events.map((e) => e.event)).toEqual(attempt.events)
    const zanele = await server.db
      .selectFrom('class_learners')
      .select('user_id')
      .where('learner_id', '=', 's-7001')
      .executeTakeFirstOrThrow()
    expect(held.attempt?.user_id).toBe(zanele.user_id)
  }, 300_000)

  /**
   * A page on the app's origin that is not the app: it opens the database as the app before the
   * server did (version 2) and keeps it open, deaf to requests to let go, as an old tab would.
   */
  async function oldTab(context: BrowserContext): Promise<Page> {
    await context.route('**/old-tab.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><html lang="en"><title>An older Practica</title></html>',
      }),
    )
    const holder = await context.newPage()
    await holder.goto(new URL('old-tab.html', baseUrl).href)
    await holder.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          // the stores of database.ts up to version 2
          const open = indexedDB.open('practica', 2)
          open.onupgradeneeded = () => {
            const db = open.result
            db.createObjectStore('drafts', { keyPath: 'id' }).createIndex('updatedAt', 'updatedAt')
            db.createObjectStore('attempts', { keyPath: 'id' }).createIndex(
              'updatedAt',
              'updatedAt',
            )
            db.createObjectStore('events', { keyPath: ['attemptId', 'seq'] }).createIndex(
              'attemptId',
              'attemptId',
            )
          }
          open.onsuccess = () => {
            ;(globalThis as { held?: IDBDatabase }).held = open.result
            open.result.onversionchange = () => undefined
            resolve()
          }
          open.onerror = () => reject(open.error)
        }),
    )
    return holder
  }

  const letGo = (holder: Page) =>
    holder.evaluate(() => (globalThis as { held?: IDBDatabase }).held!.close())

  it('says so when a tab of an older Practica holds the database, goes on once it lets go, and keeps the attempt started meanwhile', async () => {
    // the service worker is kept out: it would answer the old tab's address with the app
    const holderFirst = await newAppPage('access: old tab', { serviceWorkers: 'block' })
    const context = holderFirst.context()
    await holderFirst.close()
    const holder = await oldTab(context)
    const page = await context.newPage()
    await page.goto(appAddress())
    const notice = page.locator('[data-notice="database-blocked"]')
    await alertSays(page, 'Practica is waiting for another tab.')
    await notice
      .getByText(
        'Practica is open in another tab with an older version, and this page cannot save your work until that tab lets go. Close that tab, or reload it. Nothing is lost: this page goes on as soon as it can.',
      )
      .waitFor()
    await page.screenshot({ path: `${SHOTS}/database-blocked-en.png` })
    await expectNoSeriousAxe(page)

    // an attempt asked for now waits for the database: it is not started unsaved
    await page.getByLabel('Your name').fill('Amina Phiri')
    await page.getByLabel('Learner ID').fill('s-1042')
    await page.getByRole('button', { name: /Start: Lockout\/tagout of a belt conveyor/ }).click()
    await page.waitForTimeout(1500)
    expect(await page.locator('canvas').count()).toBe(0)

    // the old tab lets go: the database is upgraded, the notice goes, the attempt starts
    await letGo(holder)
    await notice.waitFor({ state: 'detached', timeout: 20_000 })
    await page.locator('canvas').waitFor({ timeout: 90_000 })
    const attemptId = await attemptOnScreen(page)
    await clickPart(page, 'glasses')
    await expectStep(page, 'ppe-glasses', 'done')
    await clickPart(page, 'gloves')
    await expectStep(page, 'ppe-gloves', 'done')
    expect(await eventsInBrowser(page, attemptId)).toHaveLength(2)

    // journaled: after a reload it is there, and resumes where it was
    await page.close()
    const again = await resumeIn(context, appAddress())
    await expectStep(again, 'ppe-gloves', 'done')
    expect(await attemptOnScreen(again)).toBe(attemptId)
    expect(await again.evaluate(() => indexedDB.databases())).toContainEqual({
      name: 'practica',
      version: 3,
    })

    // now a newer Practica opens in another tab: this one lets go and asks to be reloaded
    const newer = await context.newPage()
    await newer.goto(new URL('old-tab.html', baseUrl).href)
    const upgraded = newer.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('practica', 4)
          open.onsuccess = () => resolve(open.result.version)
          open.onerror = () => reject(open.error)
        }),
    )
    await alertSays(again, 'Reload this page to keep saving.')
    expect(await upgraded).toBe(4)
    await again.screenshot({ path: `${SHOTS}/database-reload-en.png` })
    await expectNoSeriousAxe(again)
    await again
      .locator('[data-notice="database-reload"]')
      .getByRole('button', { name: 'Reload this page' })
      .waitFor()
  }, 300_000)

  it('says the same in Chinese', async () => {
    const holderFirst = await newAppPage('access: old tab zh', {
      serviceWorkers: 'block',
      locale: 'zh-CN',
    })
    const context = holderFirst.context()
    await holderFirst.close()
    const holder = await oldTab(context)
    const page = await context.newPage()
    await page.goto(appAddress())
    const blocked = await alertSays(page, 'Practica 正在等待另一个标签页。')
    expectNoEnglish(await blocked.textContent())
    await page.screenshot({ path: `${SHOTS}/database-blocked-zh.png` })
    await expectNoSeriousAxe(page)
    await letGo(holder)
    await blocked.waitFor({ state: 'detached', timeout: 20_000 })

    const newer = await context.newPage()
    await newer.goto(new URL('old-tab.html', baseUrl).href)
    void newer.evaluate(() => {
      indexedDB.open('practica', 4)
    })
    const reload = await alertSays(page, '请刷新本页以继续保存。')
    expectNoEnglish(await reload.textContent())
    await page.getByRole('button', { name: '刷新本页' }).waitFor()
    await page.screenshot({ path: `${SHOTS}/database-reload-zh.png` })
    await expectNoSeriousAxe(page)
  }, 120_000)
})
