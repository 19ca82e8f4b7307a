// Authoring by recording: the titles proposed for every kind, action and language, and what a
// recorded run becomes in the scenario (order, groups, thresholds, hazards that spare the run).
import { describe, expect, it } from 'vitest'
import {
  afterOf,
  firesOnRun,
  getActions,
  hazardTitle,
  KINDS,
  lineUps,
  lineUpTitle,
  proposeHazards,
  proposeThreshold,
  proposeTitle,
  thresholdTitle,
  TITLE_LANGUAGES,
  toScenarioSteps,
  usedIds,
  validateScenario,
  type AttemptEvent,
  type Component,
  type JsonObject,
  type PartWords,
  type RecordedAct,
  type RecordedStep,
} from '../../src/core/index.ts'
import { readText } from '../helpers.ts'

const label = { en: 'Main isolator', 'zh-CN': '主隔离开关' }

/** A part of each kind, with its states (none named but the common ones). */
function partOf(kind: string): PartWords & { states: readonly string[] } {
  const info = KINDS[kind as keyof typeof KINDS]
  return { kind, label, states: info.defaultStates.length > 0 ? info.defaultStates : ['a', 'b'] }
}

describe('titles proposed for a recorded act', () => {
  const kinds = Object.keys(KINDS).filter((k) => KINDS[k as keyof typeof KINDS].interactive)

  it.each(kinds)('%s: every action in every language is a sentence without raw ids', (kind) => {
    const part = partOf(kind)
    const comp = { id: 'q1', kind, label, lockable: true, taggable: true } as unknown as Component
    const acts = getActions(comp).flatMap((action): RecordedAct[] =>
      action === 'set'
        ? part.states.map((value) => ({ action, target: 'q1', value }))
        : [{ action, target: 'q1' }],
    )
    expect(acts.length).toBeGreaterThan(0)
    for (const language of TITLE_LANGUAGES) {
      const seen = new Set<string>()
      for (const act of acts) {
        // states a, b have no name anywhere: the recorder must ask, not print the raw value
        const named = {
          ...part,
          stateLabels: { a: { en: 'alpha', 'zh-CN': '甲' }, b: { en: 'beta', 'zh-CN': '乙' } },
        }
        const unnamed = proposeTitle(part, act, language, 'en')
        if (act.value === 'a' || act.value === 'b') {
          expect(unnamed).toEqual({ ok: false, reason: 'state', state: act.value })
        }
        const title = proposeTitle(named, act, language, 'en')
        expect(title.ok, `${kind} ${act.action} ${act.value ?? ''} ${language}`).toBe(true)
        if (!title.ok) continue
        expect(title.text).not.toMatch(/\{|\}|q1|\bset\b|\b(a|b)\b|undefined/)
        expect(title.text).toContain(language === 'en' ? 'main isolator' : '主隔离开关')
        if (language === 'en') expect(title.text).toMatch(/^[A-Z][a-z]+ /)
        else expect(title.text).not.toMatch(/[a-z]{3,}/)
        seen.add(title.text)
      }
      // each act of one part reads differently
      expect(seen.size).toBe(acts.length)
    }
  })

  it('words the common acts as a teacher would, in both languages', () => {
    const isolator = { kind: 'switch', label }
    const off = { action: 'set', target: 'isolator', value: 'off' }
    expect(proposeTitle(isolator, off, 'en', 'en')).toEqual({
      ok: true,
      text: 'Switch the main isolator off',
    })
    expect(proposeTitle(isolator, off, 'zh-CN', 'en')).toEqual({ ok: true, text: '断开主隔离开关' })
    const lock = { action: 'lock', target: 'isolator' }
    expect(proposeTitle(isolator, lock, 'zh-CN', 'en')).toEqual({
      ok: true,
      text: '给主隔离开关上锁',
    })
    // a caption in capitals takes no article: "Press START", never "Press the START"
    const press = { action: 'press', target: 'start_btn' }
    const start = { kind: 'button', label: { en: 'START', 'zh-CN': '启动' } }
    expect(proposeTitle(start, press, 'en', 'en')).toEqual({ ok: true, text: 'Press START' })
    expect(proposeTitle(start, press, 'zh-CN', 'en')).toEqual({ ok: true, text: '按下启动' })
    const stop = { kind: 'button', label: { en: 'Emergency stop' } }
    expect(proposeTitle(stop, press, 'en', 'en')).toEqual({
      ok: true,
      text: 'Press the emergency stop',
    })
    // acronyms keep their capitals; a state named by the scenario is used in that language
    const key = {
      kind: 'switch',
      label: { en: 'HV service plug', 'zh-CN': '高压维修开关' },
      stateLabels: {
        removed: { en: 'pulled out', 'zh-CN': '已拔下' },
        in_safe: { en: 'in the key safe' },
      },
    }
    const removed = { action: 'set', target: 'plug', value: 'removed' }
    expect(proposeTitle(key, removed, 'en', 'en')).toEqual({
      ok: true,
      text: 'Turn the HV service plug to “pulled out”',
    })
    expect(proposeTitle(key, removed, 'zh-CN', 'en')).toEqual({
      ok: true,
      text: '将高压维修开关转到“已拔下”',
    })
    // a state named in English only: Chinese asks for its name, never "设为in_safe"
    const safe = { action: 'set', target: 'plug', value: 'in_safe' }
    expect(proposeTitle(key, safe, 'zh-CN', 'en')).toEqual({
      ok: false,
      reason: 'state',
      state: 'in_safe',
    })
    // a language the recorder does not word: the instructor types it
    expect(proposeTitle(key, removed, 'fr', 'en')).toEqual({ ok: false, reason: 'language' })
  })

  it('words thresholds and hazards', () => {
    const gauge = { kind: 'gauge', label: { en: 'Take-up pressure', 'zh-CN': '张紧气压' } }
    expect(thresholdTitle(gauge, '<', 0.5, 'bar', 'en', 'en')).toEqual({
      ok: true,
      text: 'Check that the take-up pressure reads below 0.5 bar',
    })
    expect(thresholdTitle(gauge, '>=', 12, 'V', 'zh-CN', 'en')).toEqual({
      ok: true,
      text: '确认张紧气压读数不低于12 V',
    })
    const guard = { kind: 'door', label: { en: 'Tail pulley guard', 'zh-CN': '尾轮防护罩' } }
    const isolator = { kind: 'switch', label }
    expect(hazardTitle(guard, 'open', isolator, 'en', 'en')).toEqual({
      ok: true,
      text: 'Tail pulley guard “open” before the main isolator is locked',
    })
    expect(hazardTitle(guard, 'open', isolator, 'zh-CN', 'en')).toEqual({
      ok: true,
      text: '主隔离开关上锁之前尾轮防护罩处于“打开”',
    })
  })
})

const step = (id: string, anyOrder = false): RecordedStep => ({
  id,
  act: { action: 'press', target: id },
  titles: { en: id, 'zh-CN': id },
  anyOrder,
  critical: false,
  points: 1,
})

describe('a recorded run in the scenario', () => {
  it('orders steps one after another, and a group waits for the same steps', () => {
    expect(afterOf([step('a'), step('b'), step('c')])).toEqual([[], ['a'], ['b']])
    expect(afterOf([step('a'), step('b'), step('c', true), step('d')], ['x'])).toEqual([
      ['x'],
      ['a'],
      ['a'],
      ['b', 'c'],
    ])
    const json = toScenarioSteps([step('a'), { ...step('b'), critical: true, points: 5 }], ['en'])
    expect(json[1]).toEqual({
      id: 'b',
      title: 'b',
      points: 5,
      after: ['a'],
      critical: true,
      action: { action: 'press', target: 'b' },
    })
  })

  it('proposes a threshold past the value read, never an equality', () => {
    expect(proposeThreshold('air_gauge', 0.02, 0, 8)).toEqual({
      target: 'air_gauge',
      comparison: '<',
      value: 0.5,
    })
    expect(proposeThreshold('volts', 398, 0, 500)).toEqual({
      target: 'volts',
      comparison: '>',
      value: 370,
    })
    for (const read of [0, 0.3, 2.5, 7.9]) {
      const t = proposeThreshold('g', read, 0, 8)
      expect(t.value).not.toBe(read)
      expect(t.comparison === '<' ? read < t.value : read > t.value).toBe(true)
    }
  })

  it('proposes "guard open before the isolator is locked" and "while it is not off", sparing the recorded run', () => {
    const doc = JSON.parse(readText('scenarios/conveyor-loto.json')) as JsonObject
    const at = (t: number, action: string, target: string, value?: string): AttemptEvent =>
      value === undefined ? { t, action, target } : { t, action, target, value }
    const run = [
      at(1000, 'set', 'isolator', 'off'),
      at(2000, 'lock', 'isolator'),
      at(3000, 'set', 'guard', 'open'),
    ]
    const [proposal, isolation, ...more] = proposeHazards(doc, run, usedIds(doc))
    expect(more).toEqual([])
    expect(proposal!.hazard).toMatchObject({
      severity: 'critical',
      when: "guard == 'open' && !isolator.locked",
      title: { en: 'Tail pulley guard “open” before the main isolator Q1 is locked' },
    })
    expect(isolation!.hazard).toMatchObject({
      when: "guard == 'open' && isolator != 'off'",
      title: {
        en: 'Tail pulley guard “open” while the main isolator Q1 is not “off”',
        'zh-CN': '主隔离开关 Q1未处于“断开”时尾轮防护罩处于“打开”',
      },
    })
    const withIt = { ...doc, hazards: [...(doc['hazards'] as JsonObject[]), proposal!.hazard] }
    expect(validateScenario(withIt).ok).toBe(true)
    expect(firesOnRun(doc, proposal!.hazard, run)).toBe(false)
    // the same hazard fires on a run that opens the guard first: it is worth having
    const early = [at(1000, 'set', 'guard', 'open'), at(2000, 'lock', 'isolator')]
    expect(firesOnRun(doc, proposal!.hazard, early)).toBe(true)
    // a run that unlocks with the guard still open would trigger the lock's hazard: not proposed
    const unlocked = [...run, at(4000, 'unlock', 'isolator')]
    expect(proposeHazards(doc, unlocked, usedIds(doc)).map((p) => p.hazard['when'])).toEqual([
      "guard == 'open' && isolator != 'off'",
    ])
    // a run that unlocks and switches back on before opening the guard proposes nothing
    const back = [
      run[0]!,
      run[1]!,
      at(2400, 'unlock', 'isolator'),
      at(2500, 'set', 'isolator', 'on'),
      run[2]!,
    ]
    expect(proposeHazards(doc, back, usedIds(doc))).toEqual([])
  })
})

describe('the line-up a pump needs', () => {
  const pumpDoc = () => JSON.parse(readText('scenarios/templates/pump-line-up.json')) as JsonObject
  const at = (t: number, action: string, target: string, value?: string): AttemptEvent =>
    value === undefined ? { t, action, target } : { t, action, target, value }
  // the suction opened and the casing vented (the vent closed again), the pump started by its
  // START button, then the discharge opened in stages
  const lineUp = [
    at(1000, 'set', 'suction_valve', 'open'),
    at(2000, 'set', 'vent_valve', 'open'),
    at(11_000, 'set', 'vent_valve', 'closed'),
    at(12_000, 'set', 'motor_breaker', 'on'),
    at(13_000, 'press', 'start_btn'),
    at(15_000, 'set', 'discharge_valve', 'throttled'),
    at(18_000, 'set', 'discharge_valve', 'open'),
  ]

  it('words "pump running while the valve is not open" in both languages', () => {
    const pump = { kind: 'machine', label: { en: 'Feed pump', 'zh-CN': '给料泵' } }
    const valve = { kind: 'valve', label: { en: 'Suction valve', 'zh-CN': '入口阀' } }
    expect(lineUpTitle(pump, undefined, valve, 'en', 'en')).toEqual({
      ok: true,
      text: 'Feed pump running while the suction valve is not open',
    })
    expect(lineUpTitle(pump, undefined, valve, 'zh-CN', 'en')).toEqual({
      ok: true,
      text: '入口阀未打开时给料泵运行',
    })
    const starter = { kind: 'switch', label: { en: 'Flush pump switch', 'zh-CN': '冲洗泵开关' } }
    expect(lineUpTitle(starter, 'on', valve, 'en', 'en')).toEqual({
      ok: true,
      text: 'Flush pump switch “on” while the suction valve is not open',
    })
    expect(lineUpTitle(starter, 'on', valve, 'zh-CN', 'en')).toEqual({
      ok: true,
      text: '入口阀未打开时冲洗泵开关处于“接通”',
    })
    // a state without a name in the language: asked for, never the raw value
    expect(lineUpTitle(starter, 'jog', valve, 'zh-CN', 'en')).toEqual({
      ok: false,
      reason: 'state',
      state: 'jog',
    })
  })

  it('finds the machine a button started while a valve opened before was open, not one closed again', () => {
    // the breaker only makes power available; the START press starts the pump through its effects
    expect(lineUps(pumpDoc(), lineUp)).toEqual([
      { part: 'pump', valve: 'suction_valve', closed: 'closed' },
    ])
    // started with the vent still open: the vent is lined up too
    const vented = lineUp.filter((e) => !(e.target === 'vent_valve' && e.value === 'closed'))
    expect(lineUps(pumpDoc(), vented).map((l) => l.valve)).toEqual(['suction_valve', 'vent_valve'])
  })

  it('proposes the line-up hazard, sparing the recorded run, and fires on a pump started dry', () => {
    const doc = pumpDoc()
    const proposals = proposeHazards(doc, lineUp, usedIds(doc))
    expect(proposals.map((p) => [p.part, p.lock, p.hazard])).toEqual([
      [
        'pump',
        'suction_valve',
        {
          id: 'pump-running-while-suction-valve-not-open',
          title: {
            en: 'Centrifugal pump P-101 with motor running while the suction valve is not open',
            'zh-CN': '入口阀未打开时离心泵 P-101 及电机运行',
          },
          severity: 'critical',
          when: "pump && suction_valve == 'closed'",
        },
      ],
    ])
    const hazard = proposals[0]!.hazard
    const withIt = { ...doc, hazards: [hazard] }
    expect(validateScenario(withIt).ok).toBe(true)
    expect(firesOnRun(doc, hazard, lineUp)).toBe(false)
    // the same pump started before the suction is opened: the hazard is worth having
    const dry = [lineUp[3]!, lineUp[4]!, { ...lineUp[0]!, t: 14_000 }]
    expect(firesOnRun(doc, hazard, dry)).toBe(true)
    // a run that closes the suction with the pump still running would trigger it: not proposed
    const closed = [...lineUp, at(20_000, 'set', 'suction_valve', 'closed')]
    expect(proposeHazards(doc, closed, usedIds(doc))).toEqual([])
  })

  it('names a switch that starts no machine by itself, set to a running state', () => {
    const doc = pumpDoc()
    const flush = {
      id: 'flush_switch',
      kind: 'switch',
      label: { en: 'Flush pump switch', 'zh-CN': '冲洗泵开关' },
    }
    doc['components'] = [...(doc['components'] as JsonObject[]), flush]
    const run = [at(1000, 'set', 'suction_valve', 'open'), at(2000, 'set', 'flush_switch', 'on')]
    expect(proposeHazards(doc, run, usedIds(doc)).map((p) => p.hazard)).toEqual([
      {
        id: 'flush-switch-on-while-suction-valve-not-open',
        title: {
          en: 'Flush pump switch “on” while the suction valve is not open',
          'zh-CN': '入口阀未打开时冲洗泵开关处于“接通”',
        },
        severity: 'critical',
        when: "flush_switch == 'on' && suction_valve == 'closed'",
      },
    ])
    // switched off: not a start
    const off = [run[0]!, at(2000, 'set', 'flush_switch', 'off')]
    expect(lineUps(doc, off)).toEqual([])
  })
})
