// Validation of a scenario's meaning: ids, references, kinds and actions, states, texts,
// expressions, cycles and model paths. Reports every problem at once, each at its JSON path.
import { checkShape } from './checkShape.ts'
import { checkExpression, possibleStrings, type ExprType, type Scope } from './expr/check.ts'
import type { Ast } from './expr/parse.ts'
import type { JsonValue } from './json.ts'
import {
  canBeLocked,
  DERIVED_KINDS,
  getActions,
  getStates,
  KINDS,
  STATEFUL_KINDS,
} from './kinds.ts'
import { checkModelPath } from './modelPath.ts'
import { anyProblemAt } from './problemCodes.ts'
import {
  near,
  ProblemList,
  type Outcome,
  type PathSegment,
  type ProblemCode,
  type ProblemParams,
} from './problems.ts'
import {
  RESERVED_NAMES,
  ScenarioSchema,
  type ActionRef,
  type Component,
  type Hazard,
  type Scenario,
  type Step,
  type Variable,
} from './schema.ts'
import { bestEffort, fromScenario, type Draft } from './scenarioDraft.ts'
import { createScope, derivedExpression, ExpressionCache } from './scope.ts'
import { checkDerivedCycles, checkStepCycles } from './checkCycles.ts'
import { checkLocales, checkTexts } from './checkTexts.ts'
import { checkLooks, type LooksCheck } from './checkLooks.ts'
import { COLLECTIONS } from './edit/collections.ts'

/** How a scenario is validated. */
export interface ValidateOptions {
  /**
   * Whether looks are checked against the catalogue (the default: every tool that draws or edits
   * scenes) or only for their form (the tools that only score); see `LooksCheck`.
   */
  readonly looks?: LooksCheck
}

/** Validates a parsed scenario file: shape and meaning, every problem at once. Pure. */
export function validateScenario(
  raw: JsonValue,
  cache = new ExpressionCache(),
  options: ValidateOptions = {},
): Outcome<Scenario> {
  const shape = checkShape(ScenarioSchema, raw)
  const draft = shape.ok ? fromScenario(shape.value) : bestEffort(raw)
  const problems = new ProblemList(anyProblemAt)
  if (draft) {
    new MeaningCheck(draft, problems, cache).run()
    checkLooks(draft, problems, options.looks ?? 'catalogue')
  }
  const all = [...(shape.ok ? [] : shape.problems), ...problems.items]
  if (all.length > 0) return { ok: false, problems: all }
  return shape
}

class MeaningCheck {
  private readonly scope: Scope
  private readonly componentIds = new Map<string, Component>()
  private readonly stepIds = new Set<string>()
  private readonly competencyIds = new Set<string>()

  constructor(
    private readonly d: Draft,
    private readonly problems: ProblemList<ProblemCode>,
    private readonly cache: ExpressionCache,
  ) {
    this.scope = createScope(d, cache)
    for (const c of d.components) if (c) this.componentIds.set(c.id, c)
    for (const s of d.steps) if (s) this.stepIds.add(s.id)
    for (const c of d.competencies) if (c) this.competencyIds.add(c.id)
  }

  private add(path: readonly PathSegment[], code: ProblemCode, params: ProblemParams = {}): void {
    this.problems.add(path, code, params)
  }

  run(): void {
    checkLocales(this.d, this.problems)
    this.checkIds()
    checkTexts(this.d, this.problems)
    this.d.components.forEach((c, i) => c && this.checkComponent(c, ['components', i]))
    this.d.variables.forEach((v, i) => v && this.checkVariable(v, ['variables', i]))
    this.d.rules.forEach((r, i) => {
      if (!r) return
      this.checkExpr(r.when, 'boolean', ['rules', i, 'when'])
      this.checkSet(r.set, ['rules', i, 'set'])
    })
    this.d.steps.forEach((s, i) => s && this.checkStep(s, ['steps', i]))
    this.d.hazards.forEach((h, i) => h && this.checkHazard(h, ['hazards', i]))
    this.d.judgements.forEach(
      (j, i) => j && this.checkCompetencyRefs(j.competencies, ['judgements', i, 'competencies']),
    )
    this.d.faults.forEach((f, i) => f && this.checkSet(f.set, ['faults', i, 'set']))
    checkStepCycles(this.d, this.problems)
    checkDerivedCycles(this.d, this.problems, this.cache)
    const levels = this.d.scoring?.levels
    if (
      levels?.competent !== undefined &&
      levels.proficient !== undefined &&
      levels.competent > levels.proficient
    ) {
      this.add(['scoring', 'levels', 'competent'], 'levels.order')
    }
    if (this.d.scene?.model !== undefined) this.checkModel(this.d.scene.model, ['scene', 'model'])
  }

  private checkIds(): void {
    const first = new Map<string, string>()
    for (const key of COLLECTIONS) {
      this.d[key].forEach((el, i) => {
        if (!el) return
        const where = `${key}[${i}]`
        const earlier = first.get(el.id)
        if (earlier !== undefined) this.add([key, i, 'id'], 'id.duplicate', { id: el.id, earlier })
        else first.set(el.id, where)
        const named = key === 'components' || key === 'variables' || key === 'faults'
        if (named && RESERVED_NAMES.includes(el.id))
          this.add([key, i, 'id'], 'id.reserved', { id: el.id })
      })
    }
  }

  private checkExpr(
    src: string,
    want: ExprType | 'value',
    path: PathSegment[],
  ): ExprType | undefined {
    const parsed = this.cache.parse(src)
    if (!parsed.ok) {
      this.add(path, 'expr.syntax', {
        column: parsed.error.column,
        detail: parsed.error.message,
      })
      return undefined
    }
    const { type, errors } = checkExpression(parsed.ast, this.scope)
    for (const e of errors) this.add(path, e.code, { ...e.params, column: e.column })
    if (errors.length === 0 && type !== undefined && want !== 'value' && type !== want) {
      this.add(path, 'expr.wrongResult', {
        want: want === 'boolean' ? 'condition' : want,
        got: type === 'boolean' ? 'trueOrFalse' : type,
      })
    }
    return errors.length === 0 ? type : undefined
  }

  private checkComponent(c: Component, path: PathSegment[]): void {
    const states = getStates(c)
    if (new Set(states).size !== states.length)
      this.add([...path, 'states'], 'component.stateTwice')
    if ('initial' in c && c.initial !== undefined && !states.includes(c.initial)) {
      this.add([...path, 'initial'], 'component.initialNotState', {
        state: c.initial,
        states: states.join(', '),
        near: near(c.initial, states),
      })
    }
    if (!canBeLocked(c.kind)) {
      if (c.lockable === true)
        this.add([...path, 'lockable'], 'component.notLockable', { kind: c.kind })
      if (c.taggable === true)
        this.add([...path, 'taggable'], 'component.notTaggable', { kind: c.kind })
    }
    const actions = getActions(c)
    for (const [action, effects] of Object.entries(c.on ?? {})) {
      if (!(actions as readonly string[]).includes(action)) {
        this.add([...path, 'on', action], 'component.unknownAction', {
          kind: c.kind,
          action,
          actions: actions.join(', '),
          near: near(action, actions),
        })
      }
      effects.forEach((e, k) => {
        if (e.if !== undefined) this.checkExpr(e.if, 'boolean', [...path, 'on', action, k, 'if'])
        this.checkSet(e.set, [...path, 'on', action, k, 'set'])
      })
    }
    const src = derivedExpression(c)
    if (src !== undefined) {
      const field = KINDS[c.kind].expression!
      // a display shows any value; the other derived kinds fix its type
      const want = KINDS[c.kind].valueType ?? 'value'
      const type = this.checkExpr(src, want, [...path, field])
      if (
        c.kind === 'display' &&
        c.decimals !== undefined &&
        type !== undefined &&
        type !== 'number'
      )
        this.add([...path, 'decimals'], 'display.decimalsOnText', { got: type })
    }
    if (c.kind === 'gauge' && c.min !== undefined && c.max !== undefined && c.min >= c.max) {
      this.add([...path, 'max'], 'gauge.range')
    }
    if (c.model !== undefined) this.checkModel(c.model, [...path, 'model'])
  }

  private checkModel(model: string, path: PathSegment[]): void {
    const why = checkModelPath(model)
    if (why !== undefined) this.add(path, why, { path: model })
  }

  private checkVariable(v: Variable, path: PathSegment[]): void {
    if (v.min !== undefined && v.max !== undefined && v.min > v.max)
      this.add([...path, 'max'], 'variable.range')
    else if (
      (v.min !== undefined && v.initial < v.min) ||
      (v.max !== undefined && v.initial > v.max)
    ) {
      this.add([...path, 'initial'], 'variable.initialOutside', {
        initial: v.initial,
        min: v.min ?? '-∞',
        max: v.max ?? '∞',
      })
    }
    if (v.rate !== undefined) this.checkExpr(v.rate, 'number', [...path, 'rate'])
  }

  private checkSet(set: Record<string, string>, path: PathSegment[]): void {
    for (const [key, src] of Object.entries(set)) {
      const at = [...path, key]
      if (this.d.variables.some((v) => v?.id === key)) {
        this.checkExpr(src, 'number', at)
        continue
      }
      const c = this.componentIds.get(key)
      if (c === undefined) {
        if (this.d.brokenIds.has(key)) continue
        const names = [
          ...this.componentIds.keys(),
          ...this.d.variables.flatMap((v) => (v ? [v.id] : [])),
        ]
        this.add(at, 'set.unknownName', { name: key, near: near(key, names) })
        continue
      }
      if (!STATEFUL_KINDS.has(c.kind)) {
        const code = DERIVED_KINDS.has(c.kind) ? 'set.derived' : 'set.stateless'
        this.add(at, code, { name: key, kind: c.kind })
        continue
      }
      if (this.checkExpr(src, 'string', at) !== 'string') continue
      const parsed = this.cache.parse(src)
      if (!parsed.ok) continue
      const states = getStates(c)
      const values = possibleStrings(parsed.ast, this.scope)
      if (values === undefined) {
        this.checkSetThroughDisplays(parsed.ast, key, states, at)
        continue
      }
      for (const value of values) {
        if (!states.includes(value))
          this.add(at, 'set.notState', {
            value,
            name: key,
            states: states.join(', '),
            near: near(value, states),
          })
      }
    }
  }

  // A value read through a display is reported only when no value it can have is a state: then
  // the set fails whenever it runs. One that only may fail is left to the run (spec section 1).
  private checkSetThroughDisplays(
    ast: Ast,
    key: string,
    states: readonly string[],
    at: PathSegment[],
  ): void {
    const derived = (index: number): Ast | undefined => {
      const c = this.d.components[index]
      const src = c && derivedExpression(c)
      const parsed = src === undefined ? undefined : this.cache.parse(src)
      return parsed?.ok ? parsed.ast : undefined
    }
    const values = possibleStrings(ast, this.scope, derived)
    if (values === undefined || [...values].some((v) => states.includes(v))) return
    this.add(at, 'set.noStateFits', {
      name: key,
      states: states.join(', '),
      values: [...values].map((v) => `"${v}"`).join(', '),
    })
  }

  private checkActionRef(ref: ActionRef, path: PathSegment[]): void {
    const c = this.componentIds.get(ref.target)
    if (c === undefined) {
      if (!this.d.brokenIds.has(ref.target)) {
        this.add([...path, 'target'], 'ref.unknownComponent', {
          id: ref.target,
          near: near(ref.target, this.componentIds.keys()),
        })
      }
      return
    }
    const actions = getActions(c)
    if (!(actions as readonly string[]).includes(ref.action)) {
      const flag =
        ref.action === 'lock' || ref.action === 'unlock'
          ? 'lockable'
          : ref.action === 'tag' || ref.action === 'untag'
            ? 'taggable'
            : undefined
      if (flag && canBeLocked(c.kind))
        this.add([...path, 'action'], 'ref.notLockable', {
          id: ref.target,
          flag,
          action: ref.action,
        })
      else
        this.add([...path, 'action'], 'ref.unknownAction', {
          kind: c.kind,
          action: ref.action,
          id: ref.target,
          actions: actions.join(', '),
          near: near(ref.action, actions),
        })
      return
    }
    if (ref.value !== undefined) {
      const states = getStates(c)
      if (ref.action !== 'set') this.add([...path, 'value'], 'ref.valueWithoutSet')
      else if (!states.includes(ref.value)) {
        this.add([...path, 'value'], 'ref.notState', {
          value: ref.value,
          id: ref.target,
          states: states.join(', '),
          near: near(ref.value, states),
        })
      }
    }
  }

  private checkCompetencyRefs(
    refs: readonly (string | { id: string })[] | undefined,
    path: PathSegment[],
  ): void {
    refs?.forEach((ref, i) => {
      const id = typeof ref === 'string' ? ref : ref.id
      if (!this.competencyIds.has(id)) {
        const at = typeof ref === 'string' ? [...path, i] : [...path, i, 'id']
        this.add(at, 'ref.unknownCompetency', { id, near: near(id, this.competencyIds) })
      }
    })
  }

  private checkStep(s: Step, path: PathSegment[]): void {
    if ((s.action === undefined) === (s.state === undefined)) {
      this.add(path, 'step.actionOrState')
    }
    if (s.action) this.checkActionRef(s.action, [...path, 'action'])
    if (s.state !== undefined) this.checkExpr(s.state, 'boolean', [...path, 'state'])
    s.after?.forEach((a, i) => {
      if (a === s.id) this.add([...path, 'after', i], 'step.afterItself')
      else if (!this.stepIds.has(a) && !this.d.brokenIds.has(a)) {
        this.add([...path, 'after', i], 'step.unknown', { id: a, near: near(a, this.stepIds) })
      }
    })
    this.checkCompetencyRefs(s.competencies, [...path, 'competencies'])
  }

  private checkHazard(h: Hazard, path: PathSegment[]): void {
    if ((h.action === undefined) === (h.when === undefined)) {
      this.add(path, 'hazard.whenOrAction')
    }
    if (h.when !== undefined) this.checkExpr(h.when, 'boolean', [...path, 'when'])
    if (h.action) this.checkActionRef(h.action, [...path, 'action'])
    this.checkCompetencyRefs(h.competencies, [...path, 'competencies'])
  }
}
