// A scenario with one component of every kind, and a live attempt on it with a test clock.
import { loadScenario, type Mode, type Model } from '../../src/core/index.ts'
import { createAttemptStore, type AttemptStore } from '../../src/state/attemptStore.ts'

export const EVERY_KIND = {
  format: 'practica.scenario/1',
  id: 'every-kind',
  version: '1.0.0',
  title: { en: 'Every kind', 'zh-CN': '所有类型' },
  locales: ['en', 'zh-CN'],
  competencies: [{ id: 'C', title: 'C' }],
  components: [
    { id: 'btn', kind: 'button', label: 'Start', on: { press: [{ set: { speed: '50' } }] } },
    {
      id: 'iso',
      kind: 'switch',
      label: { en: 'Isolator', 'zh-CN': '隔离开关' },
      states: ['on', 'off'],
      lockable: true,
      taggable: true,
    },
    { id: 'sel', kind: 'selector', label: 'Mode', states: ['hand', 'off', 'auto'], initial: 'off' },
    { id: 'vlv', kind: 'valve', label: 'Valve' },
    { id: 'wheel', kind: 'valve', label: 'Wheel valve', states: ['closed', 'half', 'open'] },
    { id: 'brk', kind: 'breaker', label: 'Breaker' },
    { id: 'guard', kind: 'door', label: 'Guard' },
    { id: 'glasses', kind: 'item', label: 'Glasses' },
    { id: 'lamp', kind: 'lamp', label: 'Lamp', lit: "iso == 'on'" },
    { id: 'gauge', kind: 'gauge', label: 'Speed', value: 'speed', min: 0, max: 100, unit: 'rpm' },
    { id: 'disp', kind: 'display', label: 'Display', value: 'speed', unit: 'rpm', decimals: 1 },
    { id: 'fan', kind: 'machine', label: 'Fan', running: 'speed > 0' },
    { id: 'box', kind: 'static', shape: 'box', size: [1, 0.5, 0.2] },
  ],
  variables: [{ id: 'speed', initial: 0, min: 0, max: 100 }],
  steps: [
    {
      id: 's1',
      title: { en: 'Isolate', 'zh-CN': '隔离' },
      hint: 'Use the isolator.',
      action: { action: 'set', target: 'iso', value: 'off' },
      competencies: ['C'],
    },
    { id: 's2', title: 'Lock', action: { action: 'lock', target: 'iso' }, after: ['s1'] },
    {
      id: 's3',
      title: 'Glasses',
      action: { action: 'wear', target: 'glasses' },
      competencies: ['C'],
    },
  ],
  hazards: [
    {
      id: 'h',
      title: 'Guard open while live',
      severity: 'critical',
      when: "guard == 'open' && iso == 'on'",
    },
  ],
}

export function everyKindModel(): Model {
  const loaded = loadScenario(JSON.stringify(EVERY_KIND))
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => `${p.path}: ${p.message}`).join('\n'))
  return loaded.value
}

/** A live attempt whose clock the test moves by hand. */
export function createTestAttempt(
  model: Model,
  mode: Mode = 'practice',
): { store: AttemptStore; clock: { now: number } } {
  const clock = { now: 0 }
  const store = createAttemptStore(
    {
      model,
      mode,
      learner: { id: 't', name: 'Test' },
      faults: [],
      attemptId: 'test',
      startedAt: '2026-11-29T00:00:00.000Z',
    },
    () => clock.now,
  )
  return { store, clock }
}
