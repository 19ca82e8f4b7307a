// Fuzzing the two loaders of untrusted files: whatever the text, the scenario loader and the
// attempt loader (parse, then score) answer with a value or with problems, never an exception,
// and no prototype changes. Inputs: any text, any JSON, and mutations of the repository's files.
import { readdirSync } from 'node:fs'
import fc from 'fast-check'
import { describe, it } from 'vitest'
import {
  loadScenario,
  PROBLEM_TEXTS,
  loadAttempt,
  scoreAttempt,
  type Model,
  type Outcome,
} from '../../src/core/index.ts'
import { bundledScenarioFiles, loadScenarioFile, readText } from '../helpers.ts'

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/** Throws unless `outcome` is a value, or a non-empty list of problems with messages. */
function checkOutcome(outcome: Outcome<unknown>): void {
  if (outcome.ok !== true && outcome.ok !== false) throw new Error('not an outcome')
  if (!outcome.ok) {
    if (!Array.isArray(outcome.problems) || outcome.problems.length === 0)
      throw new Error('refused without a problem')
    for (const p of outcome.problems) {
      const segments = Array.isArray(p.path) && p.path.every((s) => typeof s !== 'object')
      if (!segments || !Object.hasOwn(PROBLEM_TEXTS, p.code) || p.message.trim() === '')
        throw new Error(`a problem without a path, code or message: ${JSON.stringify(p)}`)
    }
  }
  if (({} as { polluted?: unknown }).polluted !== undefined || Object.keys(Object.prototype).length)
    throw new Error('Object.prototype was changed')
}

const loadScenarioText = (text: string | Uint8Array) => checkOutcome(loadScenario(text))

function loadAttemptText(model: Model, text: string): void {
  const parsed = loadAttempt(text)
  checkOutcome(parsed)
  if (parsed.ok) checkOutcome(scoreAttempt(model, parsed.value))
}

// ---- the files to mutate ---------------------------------------------------------------------

const GOLDEN = new URL('../golden/', import.meta.url)
const goldenCases = readdirSync(GOLDEN, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort()

const scenarioTexts = [
  ...bundledScenarioFiles().map((f) => readText(f)),
  ...goldenCases.map((c) => readText(`tests/golden/${c}/scenario.json`)),
]

interface AttemptCase {
  readonly model: Model
  readonly attempt: Json
  /** Ids, states, actions and times of the scenario, for mutations that stay plausible. */
  readonly words: readonly Json[]
}

function wordsOf(model: Model): Json[] {
  const words = new Set<Json>(['practice', 'assessment', 'end', 'hint', model.scenario.id])
  for (const c of model.components) {
    words.add(c.id)
    for (const s of c.states) words.add(s)
    for (const a of c.actions) words.add(a)
  }
  for (const s of model.steps) words.add(s.id)
  for (const j of model.judgements) words.add(j.id)
  for (const f of model.faults) words.add(f.id)
  return [...words]
}

const attemptCases: AttemptCase[] = goldenCases.map((c) => {
  const model = loadScenarioFile(`tests/golden/${c}/scenario.json`)
  return {
    model,
    attempt: JSON.parse(readText(`tests/golden/${c}/attempt.json`)) as Json,
    words: wordsOf(model),
  }
})

/**
 * An attempt log made of the scenario's own words, most of them in places where they fit: it
 * parses, and often passes the checks, so the simulation runs it.
 */
function eventLogArb(model: Model): fc.Arbitrary<string> {
  const pick = <T>(items: readonly T[], other: T) => fc.constantFrom(...items, other)
  const components = model.components.map((c) => c.id)
  const steps = model.steps.map((s) => s.id)
  const states = model.components.flatMap((c) => c.states)
  const actions = [...new Set(model.components.flatMap((c) => [...c.actions]))]
  // mostly acts the live simulator could produce, now and then one that it could not
  const fitting = model.components.flatMap((c) =>
    [...c.actions].flatMap((action) =>
      action === 'set'
        ? c.states.map((value) => ({ action, target: c.id, value }))
        : [{ action, target: c.id }],
    ),
  )
  const stray = fc.record(
    {
      action: pick([...actions, 'hint', 'end'], 'unknown'),
      target: fc.oneof(pick(components, 'nowhere'), pick(steps, 'no-step')),
      value: pick(states, 'half'),
    },
    { requiredKeys: ['action'] },
  )
  const event = fc.tuple(
    fc.integer({ min: 0, max: 5000 }),
    fc.oneof(
      { weight: 40, arbitrary: fc.constantFrom(...fitting) },
      { weight: 1, arbitrary: stray },
    ),
  )
  return fc
    .record({
      mode: fc.constantFrom('practice', 'assessment'),
      faults: fc.subarray([...model.faults.map((f) => f.id), 'no-fault']),
      events: fc.array(event, { maxLength: 30 }),
      marks: fc.array(fc.option(fc.integer({ min: 0, max: 3 })), {
        minLength: model.judgements.length,
        maxLength: model.judgements.length,
      }),
    })
    .map(({ mode, faults, events, marks }) => {
      let t = 0
      return JSON.stringify({
        format: 'practica.attempt/1',
        id: 'fuzz',
        scenario: { id: model.scenario.id },
        mode,
        faults,
        events: events.map(([dt, act]) => ({ t: (t += dt), ...act })),
        judgements: Object.fromEntries(model.judgements.map((j, i) => [j.id, { mark: marks[i] }])),
      })
    })
}

// ---- mutations -------------------------------------------------------------------------------

const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype']

const HOSTILE_VALUES: Json[] = [
  "constructor.constructor('x')()",
  '__proto__.polluted',
  'this',
  'globalThis',
  'toString()',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  'https://example.com/x.glb',
  '../../x.glb',
  '\ud800',
  'x'.repeat(3000),
  '',
  -1,
  0,
  0.5,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  null,
  true,
  [],
  {},
  ['a', 'a'],
]

const FIELD_NAMES = [
  'format',
  'id',
  'kind',
  'label',
  'states',
  'initial',
  'on',
  'lit',
  'value',
  'when',
  'set',
  'if',
  'action',
  'target',
  'state',
  'after',
  'points',
  'critical',
  'severity',
  'events',
  't',
  'mode',
  'faults',
  'judgements',
  'mark',
  'model',
  'x-note',
  'toString',
  'hasOwnProperty',
]

type Container = Json[] | { [key: string]: Json }

/** Every container in the document with one of its keys, in document order. */
function slotsOf(doc: Json): [Container, string | number][] {
  const out: [Container, string | number][] = []
  const walk = (v: Json) => {
    if (Array.isArray(v)) {
      v.forEach((item, i) => {
        out.push([v, i])
        walk(item)
      })
    } else if (v !== null && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) {
        out.push([v, k])
        walk(item)
      }
    }
  }
  walk(doc)
  return out
}

/** Sets an own, enumerable property, even one named __proto__ (JSON.stringify writes it out). */
function put(container: Container, key: string | number, value: Json): void {
  Object.defineProperty(container, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  })
}

type Mutation =
  | { op: 'replace'; at: number; value: Json }
  | { op: 'swap'; at: number; from: number }
  | { op: 'delete'; at: number }
  | { op: 'duplicate'; at: number }
  | { op: 'insert'; at: number; key: string; value: Json }

function applyMutation(doc: Json, m: Mutation): Json {
  const slots = slotsOf(doc)
  if (slots.length === 0) return m.op === 'replace' ? m.value : doc
  if (m.op === 'swap') {
    // a leaf takes the value of another leaf of the same file: ids, states and expressions that
    // exist, in places they do not belong
    const leaves = slots.filter(([c, k]) => {
      const v = (c as Record<string | number, Json>)[k]
      return v === null || typeof v !== 'object'
    })
    if (leaves.length === 0) return doc
    const [container, key] = leaves[m.at % leaves.length]!
    const [from, fromKey] = leaves[m.from % leaves.length]!
    put(container, key, (from as Record<string | number, Json>)[fromKey]!)
    return doc
  }
  const [container, key] = slots[m.at % slots.length]!
  switch (m.op) {
    case 'replace':
      put(container, key, m.value)
      break
    case 'delete':
      if (Array.isArray(container)) container.splice(key as number, 1)
      else delete container[key as string]
      break
    case 'duplicate':
      if (Array.isArray(container))
        container.splice(key as number, 0, structuredClone(container[key as number]!))
      else put(container, `${key}_`, structuredClone(container[key as string]!))
      break
    case 'insert': {
      const target = (container as Record<string | number, Json>)[key]
      if (target !== null && typeof target === 'object' && !Array.isArray(target))
        put(target, m.key, m.value)
      // a named key on an array is no JSON (and `length` cannot be redefined): objects only
      else if (!Array.isArray(container)) put(container, m.key, m.value)
      break
    }
  }
  return doc
}

function mutationArb(values: fc.Arbitrary<Json>): fc.Arbitrary<Mutation> {
  const at = fc.nat()
  return fc.oneof(
    { weight: 3, arbitrary: fc.record({ op: fc.constant('replace' as const), at, value: values }) },
    { weight: 4, arbitrary: fc.record({ op: fc.constant('swap' as const), at, from: fc.nat() }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), at }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('duplicate' as const), at }) },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant('insert' as const),
        at,
        key: fc.oneof(
          fc.constantFrom(...HOSTILE_KEYS, ...FIELD_NAMES),
          fc.string({ maxLength: 8 }),
        ),
        value: values,
      }),
    },
  )
}

type TextEdit =
  | { op: 'none' }
  | { op: 'bom' }
  | { op: 'cut'; at: number }
  | { op: 'char'; at: number; char: string }
  | { op: 'huge-number' }
  | { op: 'escape'; at: number }

const textEditArb: fc.Arbitrary<TextEdit> = fc.oneof(
  { weight: 14, arbitrary: fc.constant({ op: 'none' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'bom' as const }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('cut' as const), at: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('char' as const),
      at: fc.nat(),
      char: fc.constantFrom('{', '}', '[', ']', '"', ',', ':', '\\', '\ud800', '\u0000', '\n', 'x'),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ op: 'huge-number' as const }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('escape' as const), at: fc.nat() }) },
)

function applyTextEdit(text: string, e: TextEdit): string {
  const at = 'at' in e ? e.at % (text.length + 1) : 0
  switch (e.op) {
    case 'none':
      return text
    case 'bom':
      return '\ufeff' + text
    case 'cut':
      return text.slice(0, at)
    case 'char':
      return text.slice(0, at) + e.char + text.slice(at)
    case 'huge-number':
      return text.replace(/(?<=[:[,]\s*)\d+(\.\d+)?/, '1e309')
    case 'escape':
      return text.slice(0, at) + '\\ud800' + text.slice(at)
  }
}

/** A repository file, parsed, changed a few times, written out, and maybe broken as text. */
function mutatedArb(docs: readonly Json[], values: fc.Arbitrary<Json>): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.nat({ max: docs.length - 1 }),
      fc.array(mutationArb(values), { minLength: 1, maxLength: 3 }),
      textEditArb,
      fc.boolean(),
    )
    .map(([i, mutations, edit, pretty]) => {
      let doc: Json = structuredClone(docs[i]!)
      for (const m of mutations) doc = applyMutation(doc, m)
      return applyTextEdit(JSON.stringify(doc, null, pretty ? 2 : undefined), edit)
    })
}

// ---- generated text --------------------------------------------------------------------------

const utf16Char = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c))
const jsonishChar = fc.constantFrom(
  ...'{}[]":,.-+eE0123456789 \n\t\\utrfalsn_x/'.split(''),
  '\ud800',
)

const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: utf16Char, maxLength: 200 }),
  fc.string({ unit: jsonishChar, maxLength: 200 }),
)

const jsonText = fc.oneof(
  fc.jsonValue({ maxDepth: 6 }).map((v) => JSON.stringify(v)),
  fc.anything({ maxDepth: 5 }).map((v) => JSON.stringify(v) ?? 'null'),
)

/** An object with the right format and random fields: gets past the first check. */
function shapedText(format: string, extra: fc.Arbitrary<Json>): fc.Arbitrary<string> {
  return fc
    .dictionary(
      fc.constantFrom(...FIELD_NAMES, 'components', 'steps', 'scenario', 'learner'),
      extra,
      {
        maxKeys: 8,
      },
    )
    .map((fields) => JSON.stringify({ ...fields, format }))
}

const smallJson = fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>
const scenarioValues = fc.oneof(smallJson, fc.constantFrom(...HOSTILE_VALUES))

// numRuns per property: 10,000 inputs for each loader (2500 + 500 + 2000 + 1500 + 3500 for
// scenarios, 2500 + 2000 + 1500 + 2500 + 1500 for attempts)
const RUNS = { text: 2500, json: 2000, shaped: 1500, bytes: 500, mutated: 3500, logs: 1500 }

describe('the scenario loader, fuzzed', () => {
  it('answers any text with a model or problems', () => {
    fc.assert(
      fc.property(anyText, (t) => loadScenarioText(t)),
      { numRuns: RUNS.text },
    )
  })

  it('answers any bytes with a model or problems', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => loadScenarioText(b)),
      {
        numRuns: RUNS.bytes,
      },
    )
  })

  it('answers any JSON with a model or problems', () => {
    fc.assert(
      fc.property(jsonText, (t) => loadScenarioText(t)),
      { numRuns: RUNS.json },
    )
  })

  it('answers JSON of the scenario format with random fields with a model or problems', () => {
    fc.assert(
      fc.property(shapedText('practica.scenario/1', smallJson), (t) => loadScenarioText(t)),
      {
        numRuns: RUNS.shaped,
      },
    )
  })

  it('answers mutations of the repository scenarios with a model or problems', () => {
    const docs = scenarioTexts.map((t) => JSON.parse(t) as Json)
    fc.assert(
      fc.property(mutatedArb(docs, scenarioValues), (t) => loadScenarioText(t)),
      {
        numRuns: RUNS.mutated,
      },
    )
  })
})

describe('the attempt loader, fuzzed', () => {
  const conveyor = loadScenarioFile('scenarios/conveyor-loto.json')

  it('answers any text with a result or problems', () => {
    fc.assert(
      fc.property(anyText, (t) => loadAttemptText(conveyor, t)),
      { numRuns: RUNS.text },
    )
  })

  it('answers any JSON with a result or problems', () => {
    fc.assert(
      fc.property(jsonText, (t) => loadAttemptText(conveyor, t)),
      {
        numRuns: RUNS.json + RUNS.bytes,
      },
    )
  })

  it('answers JSON of the attempt format with random fields with a result or problems', () => {
    fc.assert(
      fc.property(shapedText('practica.attempt/1', smallJson), (t) => loadAttemptText(conveyor, t)),
      { numRuns: RUNS.shaped },
    )
  })

  it('answers mutations of the golden attempts, scored on their scenarios, with a result or problems', () => {
    // values a scenario knows make mutations that stay plausible and reach the simulation
    const caseArb = fc.nat({ max: attemptCases.length - 1 }).chain((i) => {
      const c = attemptCases[i]!
      const values = fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...c.words) },
        { weight: 2, arbitrary: fc.integer({ min: -10, max: 3_600_000 }) },
        { weight: 1, arbitrary: smallJson },
        { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_VALUES) },
      )
      return mutatedArb([c.attempt], values).map((text) => ({ model: c.model, text }))
    })
    fc.assert(
      fc.property(caseArb, ({ model, text }) => loadAttemptText(model, text)),
      { numRuns: RUNS.mutated - 1000 },
    )
  })

  it('answers event logs made of the scenario words with a result or problems', () => {
    const caseArb = fc
      .nat({ max: attemptCases.length - 1 })
      .chain((i) => eventLogArb(attemptCases[i]!.model).map((text) => ({ i, text })))
    fc.assert(
      fc.property(caseArb, ({ i, text }) => loadAttemptText(attemptCases[i]!.model, text)),
      { numRuns: RUNS.logs },
    )
  })
})
