// The learner's app with the real Practica server (PGlite in memory, plain HTTP on loopback),
// serving the app built for the browser tests. Between the page and the server sits a proxy the
// test controls, so the network can really be cut (the service worker's requests too). A learner
// joins with the class code, does the assignment through a network loss, and the server ends up
// with every event once, in order, and its own result, which the app shows; after "Sign out" the
// next learner on the same browser sees nothing of the first, and an attempt the first left
// unsent is sent only when they sign in again.
import { mkdirSync } from 'node:fs'
import { createServer, request, type Server } from 'node:http'
import type { Socket } from 'node:net'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Attempt } from '../../src/core/index.ts'
import { ROOT, readText } from '../helpers.ts'
import { startTestServer, type TestServer } from '../server/harness.ts'
import { expectNoSeriousAxe } from './axe.ts'
import {
  clickPart,
  downloadAttempt,
  downloadJson,
  finishAndShowResult,
  hasBrowser,
  openApp,
  setupBrowser,
} from './browser.ts'

setupBrowser()

const SHOTS = '/tmp/client-learner'
const TITLE = 'Lockout/tagout of a belt conveyor'

/** A proxy in front of the server that the test can cut (every connection reset) and restore. */
async function cuttableProxy(target: number) {
  let cut = false
  const sockets = new Set<Socket>()
  const server: Server = createServer((incoming, answer) => {
    if (cut) {
      incoming.socket.destroy()
      return
    }
    const forward = request(
      {
        host: '127.0.0.1',
        port: target,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      (response) => {
        answer.writeHead(response.statusCode ?? 502, response.headers)
        response.pipe(answer)
      },
    )
    forward.on('error', () => incoming.socket.destroy())
    incoming.pipe(forward)
  })
  server.on('connection', (socket) => {
    if (cut) {
      socket.destroy()
      return
    }
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (typeof address !== 'object' || !address) throw new Error('no port')
  return {
    url: `http://127.0.0.1:${address.port}/`,
    cut() {
      cut = true
      for (const s of sockets) s.destroy()
    },
    restore() {
      cut = false
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      }),
  }
}

describe.skipIf(!hasBrowser)('the learner with the Practica server', () => {
  let server: TestServer
  let proxy: Awaited<ReturnType<typeof cuttableProxy>>
  let classCode: string
  let assignmentId: string

  beforeAll(async () => {
    if (!hasBrowser) return
    server = await startTestServer('pglite', {
      appDir: join(ROOT, process.env['PRACTICA_DIST'] ?? 'dist'),
    })
    proxy = await cuttableProxy(server.running.port)
    // the instructor publishes the conveyor lockout and assigns it, in practice mode, twice at most
    const { client } = await server.signIn('instructor', { name: 'Thandi Mokoena' })
    const published = await client.request(
      'POST',
      '/api/scenarios',
      new TextEncoder().encode(readText('scenarios/conveyor-loto.json')),
    )
    expect(published.status, JSON.stringify(published.body)).toBeLessThan(300)
    const made = await client.post('/api/classes', { name: 'Workshop 2B' })
    expect(made.status, JSON.stringify(made.body)).toBeLessThan(300)
    classCode = made.body.code
    const assigned = await client.post(`/api/classes/${made.body.id}/assignments`, {
      scenarioId: published.body.id,
      version: published.body.version,
      mode: 'practice',
      maxAttempts: 2,
    })
    expect(assigned.status, JSON.stringify(assigned.body)).toBeLessThan(300)
    assignmentId = assigned.body.id
    mkdirSync(SHOTS, { recursive: true })
  }, 120_000)

  afterAll(async () => {
    await proxy?.close()
    await server?.close()
  })

  /** What the server holds of the attempt: its owner, its events in order, its result. */
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
    const result = await server.db
      .selectFrom('results')
      .select(['result', 'revision'])
      .where('attempt_id', '=', attemptId)
      .executeTakeFirst()
    return { attempt, events, result }
  }

  /** Joins the class by keyboard alone: type, Tab to the next field, Enter. */
  async function joinByKeyboard(page: Page, code: string, learnerId: string, name: string) {
    await page.getByLabel('Class code').focus()
    await page.keyboard.type(code)
    await page.keyboard.press('Tab')
    await page.keyboard.type(learnerId)
    await page.keyboard.press('Tab')
    await page.keyboard.type(name)
    await page.keyboard.press('Enter')
  }

  /** Waits until the checklist shows step `id` done (long: the lab machine is busy). */
  async function stepDone(page: Page, id: string) {
    await page.locator(`li[data-step="${id}"][data-status="done"]`).waitFor({ timeout: 45_000 })
  }

  /** Waits until the service worker has cached the app, so that it opens with no network. */
  async function offlineReady(page: Page) {
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready
    })
  }

  /** Switches the interface language (the switch's label is in the language shown). */
  async function language(page: Page, tag: string) {
    await page.locator('.language-switch select').selectOption(tag)
  }

  /** The id of the attempt the page is playing. */
  async function attemptOnScreen(page: Page): Promise<string> {
    return page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const open = indexedDB.open('practica')
          open.onsuccess = () => {
            const all = open.result.transaction('attempts').objectStore('attempts').getAll()
            all.onsuccess = () =>
              resolve(
                (all.result as { id: string; updatedAt: number; finished: boolean }[])
                  .filter((a) => !a.finished)
                  .sort((a, b) => b.updatedAt - a.updatedAt)[0]!.id,
              )
          }
        }),
    )
  }

  async function waitUntil(what: string, check: () => Promise<boolean>, ms = 20_000) {
    const until = Date.now() + ms
    while (!(await check())) {
      if (Date.now() > until) throw new Error(`timed out waiting until ${what}`)
      await new Promise((r) => setTimeout(r, 200))
    }
  }

  it('offers nothing of a server when there is none (the static app)', async () => {
    const page = await openApp('server learner: no server')
    await page.getByRole('heading', { name: 'Scenarios' }).waitFor()
    // the look for a server is over once the health request has had its answer
    await page.waitForLoadState('networkidle')
    expect(await page.getByText('Join your class').count()).toBe(0)
    expect(await page.getByText('Staff sign-in').count()).toBe(0)
    await page.getByLabel('Your name').waitFor()
    await page.context().close()
  })

  it('joins with the class code, does the assignment through a network loss, and the server holds every event once, in order, with its own result', async () => {
    const page = await openApp('server learner: join and sync', { url: proxy.url })
    await page.getByRole('heading', { name: 'Join your class' }).waitFor()
    await page.getByRole('heading', { name: 'Staff sign-in' }).waitFor()
    await page.screenshot({ path: `${SHOTS}/join-en.png` })
    await expectNoSeriousAxe(page)

    // a wrong code is said in plain words, and nothing else happens
    await joinByKeyboard(page, 'ZZZZZZ', 's-1042', 'Amina Phiri')
    await page.getByRole('alert').filter({ hasText: 'There is no class with this code.' }).waitFor()
    await language(page, 'zh-CN')
    await page.getByRole('heading', { name: '加入你的班级' }).waitFor()
    await page.getByRole('button', { name: '加入' }).click()
    await page.getByRole('alert').filter({ hasText: '没有这个代码的班级' }).waitFor()
    await page.screenshot({ path: `${SHOTS}/join-error-zh.png` })
    await expectNoSeriousAxe(page)
    await language(page, 'en')

    // the code fixed (typed in lower case: the server does not mind)
    await page.getByLabel('Class code').fill(classCode.toLowerCase())
    await page.getByLabel('Class code').press('Enter')
    await page.getByText('Signed in as Amina Phiri').waitFor()
    // the server's learner, not the name typed for the static app
    expect(await page.getByLabel('Learner ID').count()).toBe(0)
    expect(await page.getByRole('button', { name: 'Join' }).count()).toBe(0)
    const card = page.locator(`li[data-assignment="${assignmentId}"]`)
    await card.getByText('Mode: Practice').waitFor()
    await card.getByText('2 attempts left').waitFor()
    await card.getByText('No due date').waitFor()
    await page.screenshot({ path: `${SHOTS}/assignments-en.png` })
    await expectNoSeriousAxe(page)
    await language(page, 'zh-CN')
    await card.getByText('还剩 2 次机会').waitFor()
    await page.screenshot({ path: `${SHOTS}/assignments-zh.png` })
    await expectNoSeriousAxe(page)
    await language(page, 'en')

    // started from the keyboard, in the assignment's mode whatever the library's choice says
    await page.getByRole('radio', { name: /Assessment/ }).check()
    await page.getByRole('button', { name: `Start assignment: ${TITLE}` }).focus()
    await page.keyboard.press('Enter')
    await page.locator('canvas').waitFor({ timeout: 90_000 })
    const attemptId = await attemptOnScreen(page)
    await clickPart(page, 'glasses')
    await stepDone(page, 'ppe-glasses')
    await clickPart(page, 'gloves')
    await clickPart(page, 'radio')
    await stepDone(page, 'notify')
    await waitUntil('the server holds the first 3 events', async () => {
      return (await onServer(attemptId)).events.length === 3
    })

    // the network goes; the learner goes on, every act kept in the browser
    proxy.cut()
    await clickPart(page, 'stop_btn')
    await clickPart(page, 'isolator')
    await stepDone(page, 'isolate')
    await clickPart(page, 'isolator', 'right')
    await page.getByRole('menuitem', { name: 'Apply lock' }).click()
    await stepDone(page, 'lock')
    await page.waitForTimeout(3000)
    expect((await onServer(attemptId)).events.length).toBe(3)
    proxy.restore()

    await clickPart(page, 'isolator', 'right')
    await page.getByRole('menuitem', { name: 'Attach tag' }).click()
    await stepDone(page, 'tag')
    await finishAndShowResult(page)
    await page.getByText('Saved on the server').waitFor({ timeout: 30_000 })
    await page.screenshot({ path: `${SHOTS}/result-en.png` })
    await expectNoSeriousAxe(page)

    const attempt = await downloadAttempt(page)
    expect(attempt.mode).toBe('practice')
    expect(attempt.learner).toEqual({ id: 's-1042', name: 'Amina Phiri' })
    const held = await onServer(attemptId)
    expect(held.attempt?.ended).toBe(true)
    expect(held.events.map((e) => e.seq)).toEqual(attempt.events.map((_, i) => i))
    expect(held.events.map((e) => e.event)).toEqual(attempt.events)
    expect(attempt.events.at(-1)?.action).toBe('end')
    // the result the app shows (and offers) is the server's
    const shown = await downloadJson(page, () =>
      page.getByRole('button', { name: 'Download the result (JSON)' }).click(),
    )
    expect(held.result?.result).toEqual(shown)

    await language(page, 'zh-CN')
    await page.getByText('已保存到服务器').waitFor()
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.screenshot({ path: `${SHOTS}/result-zh.png` })
    await language(page, 'en')

    // the history says where it is saved too
    await page.getByRole('button', { name: 'Back to scenarios' }).click()
    await page.getByRole('button', { name: 'My attempts' }).click()
    const line = page.locator(`li[data-attempt="${attemptId}"]`)
    await line.getByText('Saved on the server').waitFor()
    await page.screenshot({ path: `${SHOTS}/history-en.png` })
    await expectNoSeriousAxe(page)
    await page.getByRole('button', { name: 'Back to scenarios' }).click()
    await page
      .locator(`li[data-assignment="${assignmentId}"]`)
      .getByText('1 attempt left')
      .waitFor()

    // the second attempt is left unfinished and unsent: the network goes, then Amina signs out
    await page.getByRole('button', { name: `Start assignment: ${TITLE}` }).click()
    await page.locator('canvas').waitFor({ timeout: 90_000 })
    const unsentId = await attemptOnScreen(page)
    await offlineReady(page)
    proxy.cut()
    await clickPart(page, 'glasses')
    await stepDone(page, 'ppe-glasses')
    await clickPart(page, 'gloves')
    await stepDone(page, 'ppe-gloves')
    await page.reload({ waitUntil: 'load' })
    await page.getByText('The class server cannot be reached right now.').waitFor()
    await page.getByRole('region', { name: 'Unfinished attempt' }).waitFor()
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.getByText('Signed in as Amina Phiri').waitFor({ state: 'detached' })
    proxy.restore()

    // the next learner on the same browser sees nothing of Amina's
    await page.getByRole('heading', { name: 'Join your class' }).waitFor({ timeout: 20_000 })
    expect(await page.getByRole('region', { name: 'Unfinished attempt' }).count()).toBe(0)
    await joinByKeyboard(page, classCode, 's-2077', 'Li Wei')
    await page.getByText('Signed in as Li Wei').waitFor()
    await page
      .locator(`li[data-assignment="${assignmentId}"]`)
      .getByText('2 attempts left')
      .waitFor()
    expect(await page.getByRole('region', { name: 'Unfinished attempt' }).count()).toBe(0)
    await page.getByRole('button', { name: 'My attempts' }).click()
    await page.getByRole('heading', { name: 'My attempts in this browser' }).waitFor()
    expect(await page.locator('.history-list li').count()).toBe(0)
    // and Amina's unsent attempt is never sent under Li Wei's session
    await page.waitForTimeout(3000)
    expect((await onServer(unsentId)).attempt).toBeUndefined()
    await page.getByRole('button', { name: 'Back to scenarios' }).click()
    await page.getByRole('button', { name: 'Sign out' }).click()

    // Amina signs in again: her unsent attempt shows, and goes to the server as hers
    await joinByKeyboard(page, classCode, 's-1042', 'Amina Phiri')
    await page.getByText('Signed in as Amina Phiri').waitFor()
    await page.getByRole('region', { name: 'Unfinished attempt' }).waitFor()
    await waitUntil('the unsent attempt reaches the server', async () => {
      return (await onServer(unsentId)).events.length === 2
    })
    const amina = await server.db
      .selectFrom('class_learners')
      .select('user_id')
      .where('learner_id', '=', 's-1042')
      .executeTakeFirstOrThrow()
    expect((await onServer(unsentId)).attempt?.user_id).toBe(amina.user_id)
    await page.context().close()
  }, 600_000)

  it('keeps an assignment for offline use: opened and done with the server out of reach', async () => {
    const page = await openApp('server learner: offline assignment', { url: proxy.url })
    await joinByKeyboard(page, classCode, 's-3001', 'Sipho Ndlovu')
    await page.getByText('Signed in as Sipho Ndlovu').waitFor()
    await page
      .locator(`li[data-assignment="${assignmentId}"]`)
      .getByText('2 attempts left')
      .waitFor()
    // the scenario is kept in the browser once the list has been shown
    await waitUntil('the scenario is kept', () =>
      page.evaluate(
        () =>
          new Promise<boolean>((resolve) => {
            const open = indexedDB.open('practica')
            open.onsuccess = () => {
              const count = open.result
                .transaction('serverScenarios')
                .objectStore('serverScenarios')
                .count()
              count.onsuccess = () => resolve(count.result > 0)
            }
          }),
      ),
    )
    await offlineReady(page)
    proxy.cut()
    await page.reload({ waitUntil: 'load' })
    await page.getByText('The class server cannot be reached right now.').waitFor()
    await page.getByText('Shown as they were when the class server last answered.').waitFor()
    await page.screenshot({ path: `${SHOTS}/offline-en.png` })
    await expectNoSeriousAxe(page)
    await language(page, 'zh-CN')
    await page.getByText('现在连不上班级服务器').waitFor()
    await page.screenshot({ path: `${SHOTS}/offline-zh.png` })
    await expectNoSeriousAxe(page)
    await language(page, 'en')
    await page.getByRole('button', { name: `Start assignment: ${TITLE}` }).click()
    await page.locator('canvas').waitFor({ timeout: 90_000 })
    const attemptId = await attemptOnScreen(page)
    await clickPart(page, 'glasses')
    await stepDone(page, 'ppe-glasses')
    await finishAndShowResult(page)
    await page.getByText('Saved on this computer').waitFor()
    const attempt: Attempt = await downloadAttempt(page)
    proxy.restore()
    // the server answers again: the app finds it and the outbox sends the attempt
    await page.getByText('Saved on the server').waitFor({ timeout: 30_000 })
    const held = await onServer(attemptId)
    expect(held.events.map((e) => e.event)).toEqual(attempt.events)
    await page.context().close()
  }, 300_000)
})
