// The admin's learning record store card, in the browser: while no base IRI is set it says that
// attempts are not stored as statements; the example domain is refused before sending, with what
// to fix; credentials made by keyboard show their secret once, and work against /xapi/; revoked
// after a confirmation, they stop working. axe-clean, in both languages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OpenDatabase } from '../../src/server/db/open.ts'
import { createStaff } from '../../src/server/people/users.ts'
import type { RunningServer } from '../../src/server/server.ts'
import { startAppServer } from './appServer.ts'
import { expectNoSeriousAxeInBoth } from './axe.ts'
import { hasBrowser, openApp, setupBrowser } from './browser.ts'

setupBrowser()

const CARD = 'section[aria-labelledby=lrs-title]'

let database: OpenDatabase
let running: RunningServer

const statements = (key: string, secret: string) =>
  fetch(`${running.url}/xapi/statements?limit=1`, {
    headers: {
      authorization: `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`,
      'X-Experience-API-Version': '1.0.3',
    },
  }).then((r) => r.status)

describe.skipIf(!hasBrowser)('the learning record store card, in the app', () => {
  beforeAll(async () => {
    ;({ database, running } = await startAppServer())
    await createStaff(
      database.db,
      { role: 'admin', login: 'ada', name: 'Ada Admin', password: 'admin12345' },
      new Date(),
    )
  }, 60_000)

  afterAll(async () => {
    await running?.close()
    await database?.close()
  })

  it('sets the base IRI and makes and revokes credentials by keyboard', async () => {
    const page = await openApp('lrs clients', { url: `${running.url}/` })
    await page.getByLabel('Sign-in name').fill('ada')
    await page.getByLabel('Password').fill('admin12345')
    await page.getByLabel('Password').press('Enter')
    await page.getByRole('button', { name: 'Classes and administration' }).click()
    await page.getByRole('button', { name: 'Administration' }).click()
    const card = page.getByRole('region', { name: 'Learning record store (xAPI)' })
    await card
      .getByText("Not set yet: until you set it, learners' attempts are not stored as statements.")
      .waitFor()
    await expect(card.getByText(`${running.url}/xapi/`).count()).resolves.toBe(1)

    const base = card.getByLabel('Web address (base IRI) of activities')
    await base.fill('https://practica.example/xapi')
    await base.press('Enter')
    await card
      .getByRole('alert')
      .getByText("practica.example is only the documentation's example", { exact: false })
      .waitFor()
    await base.fill('https://school.test/practica')
    await base.press('Enter')
    await card
      .getByRole('status')
      .getByText('Saved. Attempts are stored as statements naming https://school.test/practica.')
      .waitFor()
    await expect(card.getByText('Not set yet', { exact: false }).count()).resolves.toBe(0)

    const name = card.getByLabel('Name of the system (e.g. the LMS)')
    await name.press('Enter')
    await card.getByRole('alert').getByText('Give the system a name first.').waitFor()
    await name.fill('Moodle')
    await name.press('Enter')
    await card.getByText('Copy the secret now: it is not shown again.').waitFor()
    const codes = card.locator('.lrs-secret code')
    const key = (await codes.nth(1).textContent()) ?? ''
    const secret = (await codes.nth(2).textContent()) ?? ''
    expect(secret.length).toBeGreaterThan(20)
    expect(await statements(key, secret)).toBe(200)
    await expectNoSeriousAxeInBoth(page, CARD, '请立即复制密钥', 'lrs-clients')

    // revoke, by keyboard, after the confirmation
    const revoke = card.getByRole('button', { name: 'Revoke the credentials of Moodle' })
    await revoke.focus()
    await page.keyboard.press('Enter')
    const confirm = card.getByRole('alertdialog', { name: 'Revoke the credentials of Moodle' })
    await confirm.getByRole('button', { name: 'Revoke' }).press('Enter')
    await card.getByText(/^Revoked /).waitFor()
    expect(await statements(key, secret)).toBe(401)
    await expectNoSeriousAxeInBoth(page, CARD, '已于', 'lrs-clients-revoked')
  }, 90_000)
})
