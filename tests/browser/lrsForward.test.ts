// The admin's card for sending statements to the school's LRS, in the browser: a wrong address is
// refused before sending with what to fix; with a wrong secret the dashboard says the school's
// LRS refused the credentials (and the statements wait); with the right one every statement
// arrives and the dashboard counts them. By keyboard, axe-clean, in both languages.
import { randomUUID } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OpenDatabase } from '../../src/server/db/open.ts'
import { createStaff } from '../../src/server/people/users.ts'
import type { RunningServer } from '../../src/server/server.ts'
import { startAppServer } from './appServer.ts'
import { expectNoSeriousAxeInBoth } from './axe.ts'
import { hasBrowser, openApp, setupBrowser } from './browser.ts'

setupBrowser()

const GOOD = `Basic ${Buffer.from('practica:right secret').toString('base64')}`

let database: OpenDatabase
let running: RunningServer
let receiver: Server
let receiverUrl = ''
const received: string[] = []

describe.skipIf(!hasBrowser)('sending statements to the school’s LRS, in the app', () => {
  beforeAll(async () => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => {
        if (req.headers.authorization !== GOOD) {
          res.writeHead(401, { 'content-type': 'application/json' })
          res.end('{"error":"unknown credentials"}')
          return
        }
        const batch = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id: string }[]
        for (const s of batch) if (!received.includes(s.id)) received.push(s.id)
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(JSON.stringify(batch.map((s) => s.id)))
      })
    })
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r))
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/xapi/`
    ;({ database, running } = await startAppServer(
      {},
      { forward: { pollMs: 100, baseDelayMs: 200, maxDelayMs: 400, timeoutMs: 2_000 } },
    ))
    await createStaff(
      database.db,
      { role: 'admin', login: 'ada', name: 'Ada Admin', password: 'admin12345' },
      new Date(),
    )
    for (let n = 0; n < 3; n++) {
      const id = randomUUID()
      const activityId = `https://school.test/practica/activities/${n}`
      await database.db
        .insertInto('lrs_statements')
        .values({
          id,
          statement: JSON.stringify({
            id,
            actor: { mbox: `mailto:l${n}@school.test` },
            verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
            object: { id: activityId },
          }),
          stored: new Date(),
          client_id: null,
          verb_id: 'http://adlnet.gov/expapi/verbs/completed',
          agents: [],
          related_agents: [],
          activity_id: activityId,
          related_activities: [activityId],
          registration: null,
          voids: null,
          attempt_id: null,
        })
        .execute()
    }
  }, 60_000)

  afterAll(async () => {
    await running?.close()
    await database?.close()
    receiver?.closeAllConnections()
    await new Promise((r) => receiver?.close(r))
  })

  it('sets the address and credentials by keyboard and shows pending, delivered and the last failure', async () => {
    const page = await openApp('lrs forward', { url: `${running.url}/` })
    await page.getByLabel('Sign-in name').fill('ada')
    await page.getByLabel('Password').fill('admin12345')
    await page.getByLabel('Password').press('Enter')
    await page.getByRole('button', { name: 'Classes and administration' }).click()
    await page.getByRole('button', { name: 'Administration' }).click()
    const card = page.getByRole('region', { name: "Sending statements to your school's LRS" })
    await card.getByText('Not set: statements stay on this server only.').waitFor()

    const address = card.getByLabel("Address of your school's LRS (its xAPI address)")
    await address.fill('lrs.school.test')
    await address.press('Enter')
    await card
      .getByRole('alert')
      .getByText('This is not a web address: it starts with https:// (or http://).')
      .waitFor()

    await address.fill(receiverUrl)
    await card.getByLabel('Key (user name) this server signs in with').fill('practica')
    const secret = card.getByLabel('Secret (password)', { exact: true })
    await secret.fill('wrong secret')
    await secret.press('Enter')
    await card.getByRole('status').getByText('Saved.').waitFor()
    const refresh = card.getByRole('button', { name: 'Refresh' })
    await expect
      .poll(
        async () => {
          await refresh.click()
          return card.getByText(/^It refused the key and secret, at /).count()
        },
        { timeout: 15_000 },
      )
      .toBe(1)
    await expect(card.getByText('unknown credentials', { exact: false }).count()).resolves.toBe(1)
    expect(received).toEqual([])
    await expectNoSeriousAxeInBoth(
      page,
      'section[aria-labelledby=lrs-forward-title]',
      '对方拒绝了密钥和密码',
      'lrs-forward-failure',
    )

    const kept = card.getByLabel('Secret (password): leave empty to keep the saved one')
    await kept.fill('right secret')
    await kept.press('Enter')
    await expect
      .poll(
        async () => {
          await refresh.click()
          return card.getByText(/^3 \(the last at /).count()
        },
        { timeout: 15_000 },
      )
      .toBe(1)
    expect(received).toHaveLength(3)
    await expect(
      card.locator('dt:has-text("Waiting to be sent") + dd').textContent(),
    ).resolves.toBe('0')
    await expectNoSeriousAxeInBoth(
      page,
      'section[aria-labelledby=lrs-forward-title]',
      '已送达',
      'lrs-forward-delivered',
    )
  }, 90_000)
})
