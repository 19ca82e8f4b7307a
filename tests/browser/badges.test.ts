// Open Badges in the browser (issue 16 §5): the staff (here the admin, who reviews every class)
// confirm a result in the review of an attempt (by keyboard) and see the credentials issued; the
// learner sees theirs in the library and downloads one, which verifies offline; the admin makes a
// new signing key. Each screen in both languages, axe-clean.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyBadge } from '../../src/server/badges/verify.ts'
import type { OpenDatabase } from '../../src/server/db/open.ts'
import { createStaff } from '../../src/server/people/users.ts'
import type { RunningServer } from '../../src/server/server.ts'
import { peopleOn } from '../server/harness.ts'
import { assignExample, publishExample, storeAttempt } from '../server/reviewFixtures.ts'
import { staffSignIn, startAppServer } from './appServer.ts'
import { expectNoSeriousAxeInBoth } from './axe.ts'
import {
  appAddress,
  downloadJson,
  hasBrowser,
  newAppPage,
  openApp,
  setupBrowser,
} from './browser.ts'

setupBrowser()

let database: OpenDatabase
let running: RunningServer

describe.skipIf(!hasBrowser)('Open Badges credentials in the app', () => {
  const s = {} as { learnerCookie: string; attemptId: string }
  beforeAll(async () => {
    ;({ database, running } = await startAppServer())
    const db = database.db
    const people = peopleOn(db, running.url)
    const admin = await createStaff(
      db,
      { role: 'admin', login: 'ada', name: 'Ada Admin', password: 'admin12345' },
      new Date(),
    )
    const classId = await people.makeClass(admin.id, { name: 'Workshop A' })
    const amina = await people.signIn('learner', {
      classId,
      name: 'Amina Phiri',
      learnerId: 's-1042',
    })
    s.learnerCookie = amina.client.cookies.get('practica_session')!
    await publishExample(db)
    const assignmentId = await assignExample(db, classId)
    s.attemptId = await storeAttempt(db, {
      assignmentId,
      userId: amina.userId,
      learner: { id: 's-1042', name: 'Amina Phiri' },
      end: true,
    })
  })
  afterAll(async () => {
    await running?.close()
    await database?.close()
  })

  it('staff confirm a result by keyboard and rotate the key; the learner downloads a credential that verifies', async () => {
    const url = `${running.url}/`
    // the admin reviews (as an assessor of every class), then rotates the key on one page
    const review = await openApp('badges admin', { url })
    await staffSignIn(review, 'ada', 'admin12345')
    await review.getByRole('button', { name: /^Workshop A/ }).click()
    await review
      .locator('tr[data-assignment]')
      .getByRole('button', { name: /^Review/ })
      .click()
    await review.getByRole('button', { name: 'Amina Phiri' }).click()
    const section = review.getByRole('region', { name: 'Credentials (Open Badges)' })
    const confirm = section.getByRole('button', { name: 'Confirm result' })
    // a judgement to mark first: the button waits for it
    await expect.poll(() => confirm.isDisabled()).toBe(true)
    await review.locator('fieldset[data-judgement=housekeeping]').getByLabel('2').click()
    await expect.poll(() => confirm.isDisabled()).toBe(false)
    await confirm.focus()
    await review.keyboard.press('Enter')
    await section
      .getByRole('status')
      .getByText(/Credentials issued: \d+/)
      .waitFor()
    await section.getByText('Result confirmed by Ada Admin').waitFor()
    const issued = await section.locator('li.credential').count()
    // the result as confirmed is the one shown: nothing to confirm again
    expect(await section.getByRole('button', { name: 'Confirm the new result' }).count()).toBe(0)
    expect(issued).toBeGreaterThan(1)
    expect(await section.getByRole('button', { name: /^Revoke the credential/ }).count()).toBe(
      issued,
    )
    await expectNoSeriousAxeInBoth(review, '.confirm-result', '带式输送机驱动的上锁挂牌', 'review')

    const learner = await newAppPage('badges learner')
    await learner.context().addCookies([{ name: 'practica_session', value: s.learnerCookie, url }])
    await learner.goto(appAddress({ url }))
    const mine = learner.getByRole('region', { name: 'Your credentials' })
    await mine
      .getByRole('listitem')
      .nth(issued - 1)
      .waitFor()
    const credential = await downloadJson(learner, () =>
      mine.getByRole('link', { name: /^Download the credential “Lockout\/tagout/ }).click(),
    )
    const checked = await verifyBadge(credential, { now: new Date(Date.now() + 60_000) })
    expect([checked.signature, checked.status]).toEqual([true, 'unchecked'])
    await expectNoSeriousAxeInBoth(
      learner,
      '.my-credentials',
      '带式输送机驱动的上锁挂牌',
      'learner',
    )

    // back in the app, signed in still: the administration's signing key
    await review.goto(appAddress({ url }))
    await review.getByRole('button', { name: 'Classes and administration' }).click()
    await review.getByRole('button', { name: 'Administration' }).click()
    const keys = review.getByRole('region', { name: 'Credential signing key' })
    await keys.getByText(/^Current key, made/).waitFor()
    await keys.getByRole('button', { name: 'Make a new key' }).click()
    await keys.getByRole('alertdialog').getByRole('button', { name: 'Make a new key' }).click()
    await keys.getByRole('status').getByText('A new signing key is in use.').waitFor()
    await keys.getByText('Earlier keys: 1').waitFor()
    await expectNoSeriousAxeInBoth(
      review,
      'section[aria-labelledby=signing-key-title]',
      '已启用新的签名密钥。',
      'admin',
    )
  }, 90_000)
})
