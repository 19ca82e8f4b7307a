// The bundled scenario library: six or more trades, bilingual throughout, using the engine in earnest.
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import {
  getLook,
  getLookParam,
  loadCheckedScenario,
  scoreAttempt,
  sha256Hex,
  solve,
  type Attempt,
  type Model,
  type Result,
} from '../src/core/index.ts'
import { bundledScenarioFiles, loadScenarioFile, ROOT } from './helpers.ts'

const files = bundledScenarioFiles()

/** Every Text value in a scenario, found by the fields that hold Text. */
function texts(scenario: Record<string, any>): unknown[] {
  const out: unknown[] = [scenario['title'], scenario['description']]
  const fields: Record<string, string[]> = {
    competencies: ['title'],
    components: ['label'],
    steps: ['title', 'hint'],
    hazards: ['title'],
    judgements: ['title', 'guide'],
    faults: ['title'],
  }
  for (const [list, keys] of Object.entries(fields)) {
    for (const el of scenario[list] ?? [])
      for (const k of keys) if (el[k] !== undefined) out.push(el[k])
  }
  for (const c of scenario['components'] ?? []) out.push(...Object.values(c.stateLabels ?? {}))
  for (const v of scenario['scene']?.views ?? []) out.push(v.title)
  return out
}

describe('the scenario library', () => {
  it('has at least six scenarios, one of them with faults to troubleshoot', () => {
    expect(files.length).toBeGreaterThanOrEqual(6)
    expect(files.some((f) => (loadScenarioFile(f).scenario.faults ?? []).length > 0)).toBe(true)
  })

  it.each(files)(
    '%s is in English and Chinese throughout, with rates, rules and hazards',
    (file) => {
      const { scenario } = loadScenarioFile(file)
      expect(scenario.locales).toEqual(['en', 'zh-CN'])
      for (const text of texts(scenario)) {
        expect(text, JSON.stringify(text)).toMatchObject({
          en: expect.any(String),
          'zh-CN': expect.any(String),
        })
      }
      expect(scenario.variables?.some((v) => v.rate !== undefined)).toBe(true)
      expect(scenario.rules?.length ?? 0).toBeGreaterThan(0)
      expect(new Set(scenario.hazards?.map((h) => h.severity))).toEqual(
        new Set(['critical', 'major', 'minor']),
      )
    },
  )

  // the app only compiles them, trusting the check made when it was built
  it.each(files)('%s compiles unchecked to the model the checked load gives', (file) => {
    const checked = loadScenarioFile(file)
    const bytes = readFileSync(`${ROOT}/${file}`)
    const unchecked = loadCheckedScenario(bytes, sha256Hex(bytes))
    expect(unchecked.sha256).toBe(checked.sha256)
    // the same model, less its compiled closures (key order may differ: the checked one is zod's)
    const data = (model: object) => JSON.parse(JSON.stringify(model)) as unknown
    expect(data(unchecked)).toEqual(data(checked))
    const solved = solve(checked)
    if (!solved.ok) throw new Error(solved.reason)
    expect(scoreAttempt(unchecked, solved.attempt)).toEqual(scoreAttempt(checked, solved.attempt))
  })
})

/** States every tool names by itself; any other state needs the scenario's own name for it. */
const COMMON_STATES = new Set(['on', 'off', 'open', 'closed'])
/** Looks that sit in or on a pipe run, their origin on a point of the run (a gauge: its socket). */
const ON_PIPE = /^(valve\.|gauge\.bourdon$|display\.sight-glass$|static\.(filter|strainer)$)/

type Triple = [number, number, number]

/** A pipe run's segment in world metres, with the run's diameter. */
interface Segment {
  readonly a: Triple
  readonly b: Triple
  readonly size: number
}

/**
 * The free-standing pipe runs of a scenario as world segments (they are placed by a position and
 * never turned); a run with a parent (a cable on a car) carries nothing and is left out.
 */
function pipeSegments(scenario: Model['scenario']): Segment[] {
  const out: Segment[] = []
  for (const c of scenario.components) {
    if (c.look !== 'static.pipe' || c.parent !== undefined) continue
    expect(c.rotation ?? [0, 0, 0], `${c.id} is not turned`).toEqual([0, 0, 0])
    const at = (c.position ?? [0, 0, 0]) as Triple
    const size = getLookParam('static.pipe', c.params, 'size') as number
    const points = (c.params?.['points'] ?? []) as Triple[]
    const world = points.map((p) => p.map((v, i) => v + at[i]!) as Triple)
    for (let i = 1; i < world.length; i++) out.push({ a: world[i - 1]!, b: world[i]!, size })
  }
  return out
}

/**
 * Where a part touches its pipe run: a valve's or sight glass's origin is on the run's axis; a
 * Bourdon gauge's origin is its dial's centre, and the foot of its socket (0.65 diameters below
 * it, 0.13 behind the dial's face) stands on the pipe.
 */
function touchPoint(c: Model['scenario']['components'][number]): Triple {
  const [x, y, z] = (c.position ?? [0, 0, 0]) as Triple
  if (c.look !== 'gauge.bourdon') return [x, y, z]
  const d = getLookParam('gauge.bourdon', c.params, 'diameter') as number
  return [x, y - 0.65 * d, z + 0.13 * d]
}

/** How far `p` lies off a segment's surface (0 on its axis, negative inside the pipe). */
function distance(p: Triple, { a, b, size }: Segment, onAxis: boolean): number {
  const ab = b.map((v, i) => v - a[i]!)
  const ap = p.map((v, i) => v - a[i]!)
  const len2 = ab.reduce((s, v) => s + v * v, 0)
  const k =
    len2 === 0 ? 0 : Math.max(0, Math.min(1, ap.reduce((s, v, i) => s + v * ab[i]!, 0) / len2))
  const off = Math.hypot(...ap.map((v, i) => v - k * ab[i]!))
  return onAxis ? off : Math.abs(off - size / 2)
}

describe('the scenario library laid out as real installations (spec amendment 1)', () => {
  it.each(files)('%s draws every part with a catalogue look that fits its kind', (file) => {
    const { scenario } = loadScenarioFile(file)
    for (const c of scenario.components) {
      if (c.kind === 'static' && c.look === undefined) {
        // a plain box is allowed for a plinth or a hidden volume, never for equipment one operates
        expect(c.shape, `${c.id} has a shape`).toBeDefined()
        continue
      }
      const look = getLook(c.look ?? '')
      expect(look, `${c.id}: look ${c.look}`).toBeDefined()
      expect(look!.kinds, `${c.id}: ${c.look} fits ${c.kind}`).toContain(c.kind)
      for (const [key, value] of Object.entries(c.params ?? {})) {
        const spec = look!.params[key]
        expect(spec, `${c.id}: ${c.look} takes ${key}`).toBeDefined()
        if (spec!.type === 'number' || spec!.type === 'integer') {
          expect(value, `${c.id}.${key}`).toBeGreaterThanOrEqual(spec!.min)
          expect(value, `${c.id}.${key}`).toBeLessThanOrEqual(spec!.max)
        }
      }
      for (const key of look!.required ?? [])
        expect(getLookParam(c.look!, c.params, key), `${c.id} needs ${key}`).toBeDefined()
    }
  })

  it.each(files)(
    '%s mounts every part on something: a parent, a pipe run, or the floor',
    (file) => {
      const { scenario } = loadScenarioFile(file)
      const ids = new Set(scenario.components.map((c) => c.id))
      const segments = pipeSegments(scenario)
      for (const c of scenario.components) {
        if (c.parent !== undefined) {
          expect(ids.has(c.parent), `${c.id}'s parent ${c.parent}`).toBe(true)
          continue
        }
        if (c.kind === 'static' || c.kind === 'machine') continue
        expect(c.look, `${c.id} hangs in the air`).toMatch(ON_PIPE)
        expect(c.rotation ?? [0, 0, 0], `${c.id} stands upright or lies along x`).toSatisfy(
          (r: number[]) => c.look !== 'gauge.bourdon' || r.every((v) => v === 0),
        )
        const p = touchPoint(c)
        const onAxis = c.look !== 'gauge.bourdon'
        const nearest = Math.min(...segments.map((s) => distance(p, s, onAxis)))
        expect(nearest, `${c.id} sits on a pipe run`).toBeLessThan(1e-6)
      }
    },
  )

  it.each(files)('%s names its uncommon states and offers two to five views', (file) => {
    const { scenario } = loadScenarioFile(file)
    for (const c of scenario.components) {
      const states = 'states' in c ? (c.states as string[] | undefined) : undefined
      if (!states || states.every((s) => COMMON_STATES.has(s))) continue
      const labels = (c as { stateLabels?: Record<string, unknown> }).stateLabels ?? {}
      expect(Object.keys(labels).sort(), `${c.id} names each state`).toEqual([...states].sort())
    }
    const views = scenario.scene?.views ?? []
    expect(views.length).toBeGreaterThanOrEqual(2)
    expect(views.length).toBeLessThanOrEqual(5)
    expect(scenario.scene?.camera).toBeDefined()
  })
})

/** The six scenarios as first published (1.0.0), before their scenes were laid out. */
const OLD = 'tests/golden/old-version-attempt/v1.0.0'

/** A result less what names the scenario version it was scored on. */
function ruling(result: ReturnType<typeof scoreAttempt>): Omit<Result, 'scenario' | 'warnings'> {
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'))
  const rest: Partial<Result> = { ...result.value }
  delete rest.scenario
  delete rest.warnings
  return rest as Omit<Result, 'scenario' | 'warnings'>
}

/** A scenario file's JSON less its components, scene and version: its rules. */
function rulesOf(path: string): Record<string, unknown> {
  const doc = JSON.parse(readFileSync(`${ROOT}/${path}`, 'utf8')) as Record<string, unknown>
  for (const drawing of ['components', 'scene', 'version']) delete doc[drawing]
  return doc
}

/** The solver's attempt and a few others made from it: cut short, with gaps, out of order, with hints, marks and faults. */
function attemptsFor(model: Model): Attempt[] {
  const solved = solve(model)
  if (!solved.ok) throw new Error(solved.reason)
  const base = solved.attempt
  const acts = base.events.filter((e) => e.action !== 'end')
  const timed = (events: typeof acts, mode: Attempt['mode'] = 'assessment', more = {}): Attempt => {
    const out = events.map((e, i) => ({ ...e, t: 1000 * (i + 1) }))
    return {
      ...base,
      mode,
      ...more,
      events: [...out, { t: 1000 * (out.length + 1), action: 'end' }],
    }
  }
  const steps = model.scenario.steps.map((s) => s.id)
  const hints = steps.slice(0, 3).map((id) => ({ t: 0, action: 'hint' as const, target: id }))
  const marks = Object.fromEntries(
    (model.scenario.judgements ?? []).map((j) => [j.id, { mark: 1 }]),
  )
  const faults = (model.scenario.faults ?? []).map((f) => f.id)
  return [
    base,
    timed(acts.slice(0, Math.ceil(acts.length / 2))),
    timed(acts.filter((_, i) => i % 3 !== 1)),
    timed([...acts].reverse()),
    { ...timed([...hints, ...acts], 'practice'), judgements: marks },
    timed(acts, 'practice', { faults }),
  ]
}

describe('drawing changes no rule: attempts recorded on 1.0.0 score the same on the laid-out scenarios', () => {
  it.each(files)('%s keeps every id and scores the same attempts the same', (file) => {
    const name = file.replace(/^scenarios\//, '')
    const old = loadScenarioFile(`${OLD}/${name}`)
    const now = loadScenarioFile(file)
    expect(old.scenario.version).toBe('1.0.0')
    expect(now.scenario.version).toBe('1.1.0')
    const ids = (m: Model) => m.scenario.components.map((c) => c.id)
    expect(ids(now)).toEqual(expect.arrayContaining(ids(old)))
    // whatever was added only draws: it has no states, no rules and no effects
    for (const c of now.scenario.components.filter((c) => !ids(old).includes(c.id)))
      expect(c.kind, `${c.id} only draws`).toBe('static')
    expect(rulesOf(file)).toEqual(rulesOf(`${OLD}/${name}`))
    const attempts = attemptsFor(old)
    expect(solve(now)).toMatchObject({ ok: true, attempt: { events: attempts[0]!.events } })
    for (const attempt of attempts)
      expect(ruling(scoreAttempt(now, attempt)), attempt.mode).toEqual(
        ruling(scoreAttempt(old, attempt)),
      )
    // the variations are not all the same attempt in disguise
    const scores = new Set(attempts.map((a) => ruling(scoreAttempt(old, a)).score.raw))
    expect(scores.size).toBeGreaterThan(2)
  })

  it('has the laid-out conveyor as the scenario of the golden case for old-version attempts', () => {
    expect(readFileSync(`${ROOT}/tests/golden/old-version-attempt/scenario.json`, 'utf8')).toBe(
      readFileSync(`${ROOT}/scenarios/conveyor-loto.json`, 'utf8'),
    )
  })

  it.each(files)('%s keeps the meaning of every component, less how it is drawn', (file) => {
    const name = file.replace(/^scenarios\//, '')
    const drawing = new Set([
      'position',
      'rotation',
      'scale',
      'look',
      'params',
      'parent',
      'color',
      'shape',
      'size',
      'stateLabels',
    ])
    const meaning = (doc: { components: Record<string, unknown>[] }) =>
      Object.fromEntries(
        doc.components.map((c) => [
          c['id'],
          Object.fromEntries(Object.entries(c).filter(([k]) => !drawing.has(k))),
        ]),
      )
    const old = meaning(JSON.parse(readFileSync(`${ROOT}/${OLD}/${name}`, 'utf8')))
    const now = meaning(JSON.parse(readFileSync(`${ROOT}/${file}`, 'utf8')))
    for (const [id, c] of Object.entries(old)) expect(now[id], id).toEqual(c)
  })
})
