// The app store: each store holds the Web Lock of its own attempt (two stores do not release each
// other's), a kept attempt's result opens as an outcome, and a scenario that cannot even start
// gives the failure screen with the attempt instead of an exception.
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { scoreAttempt, type Attempt, type Model } from '../../src/core/index.ts'
import { createAppStore } from '../../src/state/appStore.ts'
import { openJournal, type StoredAttempt } from '../../src/state/attemptJournal.ts'
import { rememberScenarioText } from '../../src/state/scenarioTexts.ts'
import { loadAttemptFile, loadScenarioFile, loadScenarioText, readText } from '../helpers.ts'

// Web Locks as a browser gives them: one holder per name, released when the holder's promise settles
const held = new Set<string>()
const released: string[] = []
const locks = {
  request(name: string, _options: object, callback: (lock: object | null) => Promise<void>) {
    if (held.has(name)) return callback(null)
    held.add(name)
    return callback({ name }).then(() => {
      held.delete(name)
      released.push(name)
    })
  },
}
let saved: PropertyDescriptor | undefined
beforeEach(() => {
  saved = Object.getOwnPropertyDescriptor(globalThis, 'navigator')
  Object.defineProperty(globalThis, 'navigator', { value: { locks }, configurable: true })
})
afterEach(() => {
  if (saved) Object.defineProperty(globalThis, 'navigator', saved)
  else delete (globalThis as { navigator?: unknown }).navigator
})

function kept(path: string): Model {
  const model = loadScenarioFile(path)
  rememberScenarioText(model, new TextEncoder().encode(readText(path)))
  return model
}

const attemptIdOf = (app: ReturnType<typeof createAppStore>) => {
  const screen = app.getState().screen
  if (screen.name !== 'play') throw new Error(`on ${screen.name}, not play`)
  return screen.store.getState().setup.attemptId
}

describe('app store', () => {
  it('holds the lock of its own attempt: another store leaving its attempt does not release it', async () => {
    const model = kept('scenarios/conveyor-loto.json')
    const [a, b] = [createAppStore(), createAppStore()]
    await a.getState().start(model)
    await b.getState().start(model)
    const [idA, idB] = [attemptIdOf(a), attemptIdOf(b)]
    expect(held).toEqual(new Set([`practica:attempt:${idA}`, `practica:attempt:${idB}`]))
    b.getState().backToLibrary()
    await new Promise((r) => setTimeout(r, 0))
    expect(released).toEqual([`practica:attempt:${idB}`])
    expect(held).toEqual(new Set([`practica:attempt:${idA}`]))
  })

  it('opens the result of a kept attempt scored again, or says why it cannot', async () => {
    const app = createAppStore()
    const attempt = loadAttemptFile('tests/golden/spec-worked-example/attempt.json')
    const record = (id: string, path: string, of: Attempt): StoredAttempt => ({
      id,
      scenario: { id: of.scenario.id, version: of.scenario.version ?? '', sha256: undefined },
      scenarioText: readText(path),
      learner: { id: 's-1', name: 'Test Learner' },
      mode: of.mode,
      startedAt: '2026-11-28T09:00:00.000Z',
      faults: [],
      finished: true,
      updatedAt: 1,
      result: undefined,
    })
    const sound = await openJournal(record('sound', 'scenarios/conveyor-loto.json', attempt))
    for (const [i, e] of attempt.events.entries()) await sound.append(i, e)
    expect(
      await app
        .getState()
        .openStoredResult(record('sound', 'scenarios/conveyor-loto.json', attempt)),
    ).toEqual({ ok: true })
    const screen = app.getState().screen
    if (screen.name !== 'result') throw new Error('the result is not on screen')
    const rescored = scoreAttempt(screen.model, screen.attempt)
    expect(rescored.ok && screen.result).toEqual(rescored.ok && rescored.value)

    const brokenPath = 'tests/fixtures/runtime-error/scenario.json'
    const broken = loadAttemptFile('tests/fixtures/runtime-error/attempt.json')
    const journal = await openJournal(record('broken', brokenPath, broken))
    for (const [i, e] of broken.events.entries()) await journal.append(i, e)
    const opened = await app.getState().openStoredResult(record('broken', brokenPath, broken))
    expect(opened).toMatchObject({ ok: false, reason: expect.stringMatching(/"mode" to "b"/) })
    expect(app.getState().screen).toBe(screen)
  })

  it('shows the failure screen with the attempt when the scenario cannot even start', async () => {
    const doc = JSON.parse(readText('tests/fixtures/runtime-error/scenario.json'))
    // a rule at the start sets the mode selector to the source's first state, "b", which it lacks
    doc.components.find((c: { id: string }) => c.id === 'source').states = ['b', 'a']
    doc.rules = [{ when: 'true', set: { mode: 'source_display' } }]
    const model = loadScenarioText(JSON.stringify(doc))
    const app = createAppStore()
    await app.getState().start(model)
    const screen = app.getState().screen
    expect(screen).toMatchObject({ name: 'failed', message: expect.stringMatching(/"mode"/) })
    if (screen.name === 'failed') expect(screen.attempt.scenario.id).toBe('runtime-error')
  })
})
