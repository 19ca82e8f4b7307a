// The recorder on the panel lockout template: acts through the learner's attempt store become
// steps in order with titles in both languages, a gauge read becomes a threshold to confirm, a
// state without a Chinese name is asked for, the order proposes a hazard that spares the run,
// and "finish" puts it all into the draft as one undoable edit that validates and solves.
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import {
  compileScenario,
  loadScenario,
  solve,
  validateScenario,
  type JsonObject,
} from '../../src/core/index.ts'
import { createEditorStore } from '../../src/state/editorStore.ts'
import { createRecorderStore, type RecorderStore } from '../../src/state/recorder.ts'
import { TEMPLATES } from '../../src/state/templates.ts'
import { readText } from '../helpers.ts'

const template = (name: string) =>
  JSON.parse(readText(`scenarios/templates/${name}.json`)) as JsonObject

let now = 0
let recorder: RecorderStore | undefined
afterEach(() => recorder?.getState().cancel())

function record(doc: JsonObject, source = 'template') {
  const meta = { id: 'draft', name: 'draft', source, openedVersion: undefined }
  const editor = createEditorStore(meta, doc, 60_000)
  recorder = createRecorderStore(() => now)
  recorder.getState().start(editor)
  const act = (t: number, action: string, target: string, value?: string) => {
    now = t
    recorder!.getState().attempt!.getState().act(action, target, value)
  }
  return { editor, recorder, act }
}

describe('recording steps', () => {
  it('turns acts into ordered, titled steps, a reading into a threshold, and proposes a hazard', () => {
    const { editor, recorder, act } = record(template('panel-lockout'))
    expect(recorder.getState().replace).toBe(true)
    act(1000, 'set', 'isolator', 'off')
    act(2000, 'lock', 'isolator')
    act(2500, 'set', 'air_dump', 'open')
    act(6000, 'inspect', 'air_gauge')
    act(7000, 'set', 'guard', 'open')
    const s = recorder.getState()
    // the gauge read waits for its threshold: below a round number above the value, never "=="
    expect(s.reading).toMatchObject({ target: 'air_gauge', threshold: { comparison: '<' } })
    expect(s.reading!.threshold.value).toBeGreaterThan(s.reading!.read)
    recorder.getState().setThreshold({ target: 'air_gauge', comparison: '<', value: 0.5 })
    recorder.getState().confirmReading()
    const steps = recorder.getState().steps
    expect(steps.map((x) => x.id)).toEqual([
      'isolator-off',
      'isolator-lock',
      'air-dump-open',
      'guard-open',
      'air-gauge-check',
    ])
    expect(steps.map((x) => x.titles)).toEqual([
      { en: 'Switch the main isolator Q1 off', 'zh-CN': '断开主隔离开关 Q1' },
      { en: 'Lock the main isolator Q1', 'zh-CN': '给主隔离开关 Q1上锁' },
      { en: 'Open the take-up air dump valve', 'zh-CN': '打开张紧气缸排气阀' },
      { en: 'Open the tail pulley guard', 'zh-CN': '打开尾轮防护罩' },
      {
        en: 'Check that the take-up pressure reads below 0.5 bar',
        'zh-CN': '确认张紧气压读数低于0.5 bar',
      },
    ])
    // the guard opened after the lock: opening it before the lock is the hazard proposed
    expect(recorder.getState().hazards.map((h) => h.proposal.hazard['when'])).toEqual([
      "guard == 'open' && !isolator.locked",
      "guard == 'open' && isolator != 'off'",
    ])
    // the teacher keeps the first only
    recorder.getState().chooseHazard(1, false)
    // the guard and the gauge check may be done in any order; the gauge check is critical
    recorder.getState().update(4, { anyOrder: true, critical: true, points: 3 })
    recorder.getState().finish()
    expect(recorder.getState().editor).toBeNull()

    const doc = editor.getState().history.doc
    expect(editor.getState().problems).toEqual([])
    expect(doc['steps']).toEqual([
      expect.objectContaining({
        id: 'isolator-off',
        action: { action: 'set', target: 'isolator', value: 'off' },
      }),
      expect.objectContaining({ id: 'isolator-lock', after: ['isolator-off'] }),
      expect.objectContaining({ id: 'air-dump-open', after: ['isolator-lock'] }),
      expect.objectContaining({ id: 'guard-open', after: ['air-dump-open'] }),
      expect.objectContaining({
        id: 'air-gauge-check',
        after: ['air-dump-open'],
        state: 'air_gauge < 0.5',
        critical: true,
        points: 3,
      }),
    ])
    expect(doc['steps']).not.toContainEqual(expect.objectContaining({ id: 'ppe-glasses' }))
    expect(doc['hazards']).toEqual([
      expect.objectContaining({
        severity: 'critical',
        when: "guard == 'open' && !isolator.locked",
      }),
    ])
    // the recorded run scores full marks on the draft it made, and the draft solves
    const run = recorder.getState().scored.get(editor)!
    expect(run.kind).toBe('recorded')
    expect(run.result.score.percent).toBe(100)
    expect(run.result.hazards).toEqual([])
    const valid = validateScenario(doc)
    expect(valid.ok && solve(compileScenario(valid.value)).ok).toBe(true)
    // one edit: undo gives the template back
    editor.getState().undo()
    expect(editor.getState().history.doc).toEqual(template('panel-lockout'))
  })

  it('asks for a state name missing in one language, keeps it in stateLabels and titles the step', () => {
    const doc = template('vehicle-hv-disconnect')
    const comps = doc['components'] as JsonObject[]
    const key = comps.find((c) => c['id'] === 'smart_key')!
    key['stateLabels'] = {
      in_vehicle: { en: 'in the vehicle' },
      key_safe: { en: 'in the key safe' },
    }
    const { editor, recorder, act } = record(doc, 'file:ev.json')
    expect(recorder.getState().replace).toBe(false)
    act(1000, 'set', 'smart_key', 'key_safe')
    expect(recorder.getState().steps[0]!.titles).toEqual({
      en: 'Turn the smart key location to “in the key safe”',
      'zh-CN': '',
    })
    const [missing] = recorder.getState().missing
    expect(missing).toEqual({ target: 'smart_key', state: 'key_safe', locale: 'zh-CN' })
    recorder.getState().nameState(missing!, '在钥匙柜')
    expect(recorder.getState().missing).toEqual([])
    expect(recorder.getState().steps[0]!.titles['zh-CN']).toBe('将智能钥匙位置转到“在钥匙柜”')
    const labels = (editor.getState().history.doc['components'] as JsonObject[]).find(
      (c) => c['id'] === 'smart_key',
    )!['stateLabels']
    expect(labels).toEqual({
      in_vehicle: { en: 'in the vehicle' },
      key_safe: { en: 'in the key safe', 'zh-CN': '在钥匙柜' },
    })
    // added after the template's example step
    recorder.getState().finish()
    const steps = editor.getState().history.doc['steps'] as JsonObject[]
    expect(steps.map((s) => [s['id'], s['after']])).toEqual([
      ['ppe-gloves', undefined],
      ['smart-key-key-safe', ['ppe-gloves']],
    ])
  })
})

describe('the pump line-up, recorded', () => {
  it('proposes "pump running while the suction valve is not open", which the recorded run spares', () => {
    const { editor, recorder, act } = record(template('pump-line-up'))
    act(1000, 'wear', 'safety_glasses')
    act(2000, 'wear', 'ear_defenders')
    act(3000, 'set', 'suction_valve', 'open')
    act(4000, 'set', 'vent_valve', 'open')
    // the casing fills while the vent is open: liquid shows in the sight glass
    act(13_000, 'inspect', 'vent_sight_glass')
    recorder.getState().setThreshold({ target: 'vent_sight_glass', comparison: '>=', value: 90 })
    recorder.getState().confirmReading()
    act(14_000, 'set', 'vent_valve', 'closed')
    act(15_000, 'set', 'motor_breaker', 'on')
    act(16_000, 'press', 'start_btn')
    act(20_000, 'set', 'discharge_valve', 'throttled')
    act(24_000, 'set', 'discharge_valve', 'half')
    act(28_000, 'set', 'discharge_valve', 'open')
    expect(recorder.getState().steps.map((x) => x.id)).toEqual([
      'safety-glasses-wear',
      'ear-defenders-wear',
      'suction-valve-open',
      'vent-valve-open',
      'vent-sight-glass-check',
      'vent-valve-closed',
      'motor-breaker-on',
      'start-btn-press',
      'discharge-valve-throttled',
      'discharge-valve-half',
      'discharge-valve-open',
    ])
    // only the suction is lined up: the vent was closed again before the start, the discharge
    // opened after it; the breaker only makes power available
    const proposed = recorder.getState().hazards.map((h) => h.proposal.hazard)
    expect(proposed).toEqual([
      {
        id: 'pump-running-while-suction-valve-not-open',
        title: {
          en: 'Centrifugal pump P-101 with motor running while the suction valve is not open',
          'zh-CN': '入口阀未打开时离心泵 P-101 及电机运行',
        },
        severity: 'critical',
        when: "pump && suction_valve == 'closed'",
      },
    ])
    recorder.getState().finish()
    const doc = editor.getState().history.doc
    expect(editor.getState().problems).toEqual([])
    expect(doc['hazards']).toEqual(proposed)
    // the recorded run scores full marks with the hazard in, and the draft solves
    const run = recorder.getState().scored.get(editor)!
    expect(run.result.hazards).toEqual([])
    expect(run.result.score.percent).toBe(100)
    const valid = validateScenario(doc)
    expect(valid.ok && solve(compileScenario(valid.value)).ok).toBe(true)
  })
})

describe('templates by trade', () => {
  it.each(TEMPLATES)(
    '%s is valid, solvable, bilingual, with its looks placed and mounted',
    (name) => {
      const bytes = new TextEncoder().encode(readText(`scenarios/templates/${name}.json`))
      const loaded = loadScenario(bytes)
      expect(loaded.ok).toBe(true)
      if (!loaded.ok) return
      const model = loaded.value
      expect(model.locales).toEqual(['en', 'zh-CN'])
      expect(solve(model).ok).toBe(true)
      const parts = model.scenario.components
      for (const c of parts) {
        if (c.kind !== 'static')
          expect(c.label, c.id).toMatchObject({
            en: expect.any(String),
            'zh-CN': expect.any(String),
          })
      }
      expect(model.scenario.title).toMatchObject({
        en: expect.any(String),
        'zh-CN': expect.any(String),
      })
      // looks placed: every operated part has a look; mounted: some sit on a parent
      expect(parts.filter((c) => c.kind !== 'static' && c.look === undefined)).toEqual([])
      expect(parts.filter((c) => c.parent !== undefined).length).toBeGreaterThan(2)
    },
  )
})
