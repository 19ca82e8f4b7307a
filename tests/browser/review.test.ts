// The assessor's review in headless Chromium: import a class's files, catch a tampered result,
// replay an attempt, mark a judgement, export the gradebook and the xAPI statements.
import { describe, expect, it } from 'vitest'
import { scoreAttempt, solve, type Attempt } from '../../src/core/index.ts'
import { loadScenarioText, readText } from '../helpers.ts'
import { downloadText, hasBrowser, openApp, playReplayToEnd, setupBrowser } from './browser.ts'

setupBrowser()

const scenarioText = readText('scenarios/conveyor-loto.json')
const example = JSON.parse(readText('tests/golden/spec-worked-example/attempt.json')) as Attempt

function files() {
  const conveyor = loadScenarioText(scenarioText)
  const solved = solve(conveyor)
  if (!solved.ok) throw new Error(solved.reason)
  const amina: Attempt = example
  const chen: Attempt = {
    ...solved.attempt,
    id: '7f1c2a9e-1b2c-4d3e-8f90-0a1b2c3d4e5f',
    learner: { id: 's-2001', name: '陈伟' },
    startedAt: '2026-11-28T10:00:00.000Z',
  }
  const kofi: Attempt = {
    ...example,
    id: '3c9d0e1f-2a3b-4c5d-9e6f-7a8b9c0d1e2f',
    learner: { id: 's-3003', name: 'Kofi Mensah' },
    judgements: {},
  }
  const kofiResult = scoreAttempt(conveyor, kofi)
  if (!kofiResult.ok) throw new Error('kofi refused')
  // the learner "improved" the result file by hand
  const tampered = {
    ...kofiResult.value,
    score: { ...kofiResult.value.score, raw: 60, percent: 90.9 },
  }
  const json = (name: string, data: unknown) => ({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(data, null, 2)),
  })
  return [
    json('amina.attempt.json', amina),
    json('chen.attempt.json', chen),
    json('kofi.attempt.json', kofi),
    json('kofi.result.json', tampered),
    json('broken.json', { format: 'practica.attempt/1' }),
  ]
}

describe.skipIf(!hasBrowser)('assessor review in the browser', () => {
  it('imports a class, flags a tampered result, replays, marks and exports', async () => {
    const page = await openApp('review')
    await page.getByRole('button', { name: 'Review attempts' }).click()
    await page.getByLabel('Assessor').fill('j.chen')
    await page.locator('input[type=file][multiple]').setInputFiles(files())
    await page.getByText('3 attempts · 1 files with problems').waitFor()
    const row = (learner: string) => page.locator('tr[data-attempt]', { hasText: learner })
    expect(await row('Kofi Mensah').getByText('does not match its log').count()).toBe(1)
    expect(await row('Amina Phiri').getByText('does not match its log').count()).toBe(0)
    expect(await row('陈伟').locator('td.status-pending').count()).toBe(1)

    // Kofi's attempt, replayed to the end at 8×
    await row('Kofi Mensah').getByRole('button').click()
    await page
      .getByRole('alert')
      .getByText(/does not match its log/)
      .waitFor()
    await playReplayToEnd(page)
    // the timeline names the class of each event
    expect(await page.locator('li.event[data-index="5"] .event-class').textContent()).toBe(
      'unexpected',
    )

    // a judgement mark moves the status from pending to passed
    expect(await row('Kofi Mensah').locator('td.status-pending').count()).toBe(1)
    await page.locator('fieldset[data-judgement="housekeeping"]').getByLabel('3').check()
    await row('Kofi Mensah').locator('td.status-passed').waitFor()
    await page.getByText(/Marked by j\.chen at/).waitFor()
    const marked = JSON.parse(
      await downloadText(page, () =>
        page.getByRole('button', { name: 'Download the marked attempt (JSON)' }).click(),
      ),
    ) as Attempt
    expect(marked.judgements?.['housekeeping']).toMatchObject({ mark: 3, assessor: 'j.chen' })

    const csv = await downloadText(page, () =>
      page.getByRole('button', { name: 'Gradebook (CSV)' }).click(),
    )
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    const lines = csv.slice(1).split('\r\n').filter(Boolean)
    expect(lines).toHaveLength(4)
    expect(csv).toContain('陈伟')
    expect(lines.find((l) => l.includes('Kofi Mensah'))).toContain('passed')

    const xapi = JSON.parse(
      await downloadText(page, () =>
        page.getByRole('button', { name: 'xAPI statements (JSON)' }).click(),
      ),
    ) as { verb: { id: string } }[]
    const verbs = xapi.map((s) => s.verb.id.split('/').pop())
    expect(verbs.filter((v) => v === 'initialized')).toHaveLength(3)
    expect(verbs.filter((v) => v === 'terminated')).toHaveLength(3)
  })
})
