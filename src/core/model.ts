// A validated scenario compiled for running: indexes instead of ids, defaults applied, every
// expression a closure. Built once per load; immutable but for a tick's scratch space; shared by
// simulation, scoring and solve.
import { compileExpression, type Compiled } from './expr/compile.ts'
import type { ExprType, Scope } from './expr/check.ts'
import { namesIn } from './expr/parse.ts'
import { getActions, getStates } from './kinds.ts'
import type { PathSegment } from './problems.ts'
import type {
  Component,
  ComponentKind,
  Hazard,
  Scenario,
  Scoring,
  Severity,
  Step,
} from './schema.ts'
import { createScope, derivedExpression, ExpressionCache } from './scope.ts'

/** One assignment of a `set` map: a component state or a variable. */
export interface Assignment {
  readonly target: 'component' | 'variable'
  readonly index: number
  readonly value: Compiled
  /** Where the scenario writes it (`rules[0].set.valve`), to name a mistake found while running. */
  readonly path: readonly PathSegment[]
}

export interface EffectModel {
  readonly when: Compiled<boolean> | undefined
  readonly set: readonly Assignment[]
}

export interface ComponentModel {
  readonly id: string
  readonly kind: ComponentKind
  readonly states: readonly string[]
  readonly initial: string
  readonly lockable: boolean
  readonly taggable: boolean
  readonly actions: ReadonlySet<string>
  readonly effects: ReadonlyMap<string, readonly EffectModel[]>
  /** The value expression of a derived kind. */
  readonly value: Compiled | undefined
  readonly valueType: ExprType | undefined
  /** The index of the component this one is mounted on (`parent`, spec amendment 1). */
  readonly parent: number | undefined
  readonly source: Component
}

export interface ActionMatch {
  readonly action: string
  readonly target: number
  readonly value: string | undefined
}

export interface StepModel {
  readonly id: string
  readonly points: number
  readonly after: readonly number[]
  readonly critical: boolean
  readonly action: ActionMatch | undefined
  readonly state: Compiled<boolean> | undefined
  readonly competencies: readonly { readonly index: number; readonly weight: number }[]
}

export interface HazardModel {
  readonly id: string
  readonly severity: Severity
  readonly penalty: number
  readonly when: Compiled<boolean> | undefined
  readonly action: ActionMatch | undefined
  readonly competencies: readonly number[]
}

export interface JudgementModel {
  readonly id: string
  readonly points: number
  readonly maxMark: number
  readonly competencies: readonly number[]
}

export interface ScoringModel {
  readonly passPercent: number
  readonly timeLimitMs: number | undefined
  readonly endOnCritical: boolean
  readonly penalties: {
    readonly outOfOrder: number
    readonly hint: number
    readonly unexpectedAction: number
    readonly blocked: number
  }
  readonly levels: { readonly competent: number; readonly proficient: number }
}

/** A scenario ready to run. */
export interface Model {
  readonly scenario: Scenario
  /** SHA-256 of the file's bytes, when it was loaded from text. */
  readonly sha256: string | undefined
  readonly locales: readonly string[]
  readonly tickMs: number
  readonly components: readonly ComponentModel[]
  readonly componentIndex: ReadonlyMap<string, number>
  readonly variables: readonly {
    readonly id: string
    readonly initial: number
    readonly min: number
    readonly max: number
    readonly rate: Compiled<number> | undefined
  }[]
  readonly faults: readonly {
    readonly id: string
    readonly chance: number
    readonly set: readonly Assignment[]
  }[]
  readonly faultIndex: ReadonlyMap<string, number>
  readonly rules: readonly {
    readonly when: Compiled<boolean>
    readonly set: readonly Assignment[]
  }[]
  readonly steps: readonly StepModel[]
  readonly stepIndex: ReadonlyMap<string, number>
  readonly hazards: readonly HazardModel[]
  readonly judgements: readonly JudgementModel[]
  readonly judgementIndex: ReadonlyMap<string, number>
  readonly competencies: readonly { readonly id: string }[]
  readonly scoring: ScoringModel
  /** True when some expression reads `time`, so a tick can change state on its own. */
  readonly readsTime: boolean
  /**
   * Scratch space of a tick, one rate per variable: every rate is read on the state before the
   * tick, then applied. The one mutable part of a model; a tick fills it and reads it back
   * before returning, so runs of one model may interleave (not share a tick).
   */
  readonly rateScratch: Float64Array
}

/**
 * What the spec (section 1) gives a scenario that leaves a field out. The compiled model holds
 * the values in force; screens read those, never these.
 */
export const SCENARIO_DEFAULTS = {
  locales: ['en'],
  tickMs: 100,
  stepPoints: 1,
  competencyWeight: 1,
  maxMark: 3,
  hazardPenalty: { critical: 0, major: 10, minor: 3 },
  passPercent: 80,
  endOnCritical: true,
  penalties: { outOfOrder: 0, hint: 0, unexpectedAction: 0, blocked: 0 },
  levels: { competent: 0.7, proficient: 0.9 },
} as const satisfies {
  readonly hazardPenalty: Readonly<Record<Severity, number>>
  readonly [key: string]: unknown
}

function indexOf(list: readonly { readonly id: string }[]): Map<string, number> {
  return new Map(list.map((x, i) => [x.id, i]))
}

/** What compiling one scenario's parts shares: its names, its indexes and the expression compiler. */
interface Compiler {
  readonly componentIndex: ReadonlyMap<string, number>
  readonly competencyIndex: ReadonlyMap<string, number>
  readonly stepIndex: ReadonlyMap<string, number>
  /** Compiled values of derived components, by component index; filled as they compile. */
  readonly derived: Compiled[]
  readonly scope: Scope
  compile<T extends Compiled = Compiled>(src: string): T
  compileSet(set: Record<string, string>, at: readonly PathSegment[]): Assignment[]
  matchOf(
    ref: { action: string; target: string; value?: string | undefined } | undefined,
  ): ActionMatch | undefined
  /** Whether an expression compiled so far reads `time`. */
  readsTime(): boolean
}

function createCompiler(scenario: Scenario, cache: ExpressionCache): Compiler {
  const variablesIn = scenario.variables ?? []
  const scope = createScope(
    {
      components: scenario.components,
      variables: variablesIn,
      faults: scenario.faults ?? [],
      brokenIds: new Set(),
    },
    cache,
  )
  const derived: Compiled[] = []
  let readsTime = false
  const componentIndex = indexOf(scenario.components)
  const variableIndex = indexOf(variablesIn)
  const compile = <T extends Compiled = Compiled>(src: string): T => {
    const parsed = cache.parse(src)
    if (!parsed.ok) throw new Error(`compileScenario: the expression "${src}" was not validated`)
    if (namesIn(parsed.ast).some((n) => n.type === 'name' && n.name === 'time')) readsTime = true
    return compileExpression(parsed.ast, scope, derived) as T
  }
  return {
    componentIndex,
    competencyIndex: indexOf(scenario.competencies),
    stepIndex: indexOf(scenario.steps),
    derived,
    scope,
    compile,
    compileSet: (set, at) =>
      Object.entries(set).map(([key, src]) => {
        const v = variableIndex.get(key)
        const path = [...at, key]
        return v === undefined
          ? { target: 'component', index: componentIndex.get(key)!, value: compile(src), path }
          : { target: 'variable', index: v, value: compile(src), path }
      }),
    matchOf: (ref) =>
      ref && { action: ref.action, target: componentIndex.get(ref.target)!, value: ref.value },
    readsTime: () => readsTime,
  }
}

/** Compiles a scenario that `validateScenario` accepted. Pure. */
export function compileScenario(
  scenario: Scenario,
  sha256?: string,
  cache = new ExpressionCache(),
): Model {
  const cx = createCompiler(scenario, cache)
  const faultsIn = scenario.faults ?? []
  const components = scenario.components.map((c, i) => compileComponent(cx, c, i))
  const variables = (scenario.variables ?? []).map((v) => ({
    id: v.id,
    initial: v.initial,
    min: v.min ?? -Infinity,
    max: v.max ?? Infinity,
    rate: v.rate === undefined ? undefined : cx.compile<Compiled<number>>(v.rate),
  }))
  const faults = faultsIn.map((f, i) => ({
    id: f.id,
    chance: f.chance,
    set: cx.compileSet(f.set, ['faults', i, 'set']),
  }))
  const rules = (scenario.rules ?? []).map((r, i) => ({
    when: cx.compile<Compiled<boolean>>(r.when),
    set: cx.compileSet(r.set, ['rules', i, 'set']),
  }))
  const steps = scenario.steps.map((st) => compileStep(cx, st))
  const hazards = (scenario.hazards ?? []).map((h) => compileHazard(cx, h))
  const judgements = (scenario.judgements ?? []).map((j) => ({
    id: j.id,
    points: j.points,
    maxMark: j.maxMark ?? SCENARIO_DEFAULTS.maxMark,
    competencies: (j.competencies ?? []).map((c) => cx.competencyIndex.get(c)!),
  }))
  return {
    scenario,
    sha256,
    locales: scenario.locales ?? SCENARIO_DEFAULTS.locales,
    tickMs: scenario.simulation?.tickMs ?? SCENARIO_DEFAULTS.tickMs,
    components,
    componentIndex: cx.componentIndex,
    variables,
    faults,
    faultIndex: indexOf(faultsIn),
    rules,
    steps,
    stepIndex: cx.stepIndex,
    hazards,
    judgements,
    judgementIndex: indexOf(scenario.judgements ?? []),
    competencies: scenario.competencies.map((c) => ({ id: c.id })),
    scoring: compileScoring(scenario.scoring ?? {}),
    readsTime: cx.readsTime(),
    rateScratch: new Float64Array(variables.length),
  }
}

function compileComponent(cx: Compiler, c: Component, i: number): ComponentModel {
  const states = getStates(c)
  const src = derivedExpression(c)
  const value = src === undefined ? undefined : cx.compile(src)
  if (value) cx.derived[i] = value
  const ref = src === undefined ? undefined : cx.scope.resolve(c.id, undefined)
  return {
    id: c.id,
    kind: c.kind,
    states,
    initial: ('initial' in c ? c.initial : undefined) ?? states[0] ?? '',
    lockable: c.lockable === true,
    taggable: c.taggable === true,
    actions: new Set(getActions(c)),
    effects: new Map(
      Object.entries(c.on ?? {}).map(([action, effects]) => [
        action,
        effects.map((e, k) => ({
          when: e.if === undefined ? undefined : cx.compile<Compiled<boolean>>(e.if),
          set: cx.compileSet(e.set, ['components', i, 'on', action, k, 'set']),
        })),
      ]),
    ),
    value,
    valueType: typeof ref === 'object' ? ref.type : undefined,
    parent: c.parent === undefined ? undefined : cx.componentIndex.get(c.parent),
    source: c,
  }
}

function compileStep(cx: Compiler, st: Step): StepModel {
  const weight = SCENARIO_DEFAULTS.competencyWeight
  return {
    id: st.id,
    points: st.points ?? SCENARIO_DEFAULTS.stepPoints,
    after: (st.after ?? []).map((a) => cx.stepIndex.get(a)!),
    critical: st.critical === true,
    action: cx.matchOf(st.action),
    state: st.state === undefined ? undefined : cx.compile<Compiled<boolean>>(st.state),
    competencies: (st.competencies ?? []).map((c) =>
      typeof c === 'string'
        ? { index: cx.competencyIndex.get(c)!, weight }
        : { index: cx.competencyIndex.get(c.id)!, weight: c.weight ?? weight },
    ),
  }
}

function compileHazard(cx: Compiler, h: Hazard): HazardModel {
  return {
    id: h.id,
    severity: h.severity,
    penalty: h.penalty ?? SCENARIO_DEFAULTS.hazardPenalty[h.severity],
    when: h.when === undefined ? undefined : cx.compile<Compiled<boolean>>(h.when),
    action: cx.matchOf(h.action),
    competencies: (h.competencies ?? []).map((c) => cx.competencyIndex.get(c)!),
  }
}

function compileScoring(s: Scoring): ScoringModel {
  const d = SCENARIO_DEFAULTS
  return {
    passPercent: s.passPercent ?? d.passPercent,
    timeLimitMs: s.timeLimitSeconds === undefined ? undefined : s.timeLimitSeconds * 1000,
    endOnCritical: s.endOnCritical ?? d.endOnCritical,
    penalties: {
      outOfOrder: s.penalties?.outOfOrder ?? d.penalties.outOfOrder,
      hint: s.penalties?.hint ?? d.penalties.hint,
      unexpectedAction: s.penalties?.unexpectedAction ?? d.penalties.unexpectedAction,
      blocked: s.penalties?.blocked ?? d.penalties.blocked,
    },
    levels: {
      competent: s.levels?.competent ?? d.levels.competent,
      proficient: s.levels?.proficient ?? d.levels.proficient,
    },
  }
}
