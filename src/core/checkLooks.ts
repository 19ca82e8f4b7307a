// Spec amendment 1: how a component is drawn (`look`, `params`), where it sits (`parent`), what
// its states are called (`stateLabels`), and the named views of the scene. Part of
// validateScenario; reads the draft, writes problems only. None of it changes simulation or
// scoring, so the checks against the look catalogue are the drawing tools' (see LooksCheck).
import { findCycles } from './findCycles.ts'
import { getStates, STATEFUL_KINDS } from './kinds.ts'
import { getLook, getLooksForKind, LOOK_NAMES, type LookParam } from './looks.ts'
import { near, type PathSegment, type ProblemCode, type ProblemList } from './problems.ts'
import type { Component } from './schema.ts'
import type { Draft } from './scenarioDraft.ts'

/**
 * How `look` and `params` are checked. `catalogue`: a look must be one of the catalogue's
 * (src/core/looks.ts), fit the component's kind, and its params must be the look's own, of the
 * right type and range; for every tool that draws or edits scenes (the CLI's `validate`, the
 * build check of the bundled scenarios, the app's scenario loading, the editor). `form`: only the
 * form of a look name (the schema's pattern) and what holds for any look (params need a look, at
 * most 32 of them); for the tools that only score (the CLI's `score`, `export` and `solve`, the
 * assessor's import, which re-scores every attempt and replays an unknown look as the kind's
 * default shape), so that an attempt is scored the same by a tool that knows more or fewer looks
 * (spec amendment 1: "a tool that only scores accepts any name of that form"). Parents, state
 * names and views are checked the same way in both.
 */
export type LooksCheck = 'catalogue' | 'form'

/** The most keys a component's `params` may have (spec amendment 1). */
export const MAX_LOOK_PARAMS = 32

/** `"a" → "b" → "a"`: a cycle's ids, back to the first. */
function cycleText(ids: readonly string[]): string {
  return [...ids, ids[0]].map((id) => `"${id}"`).join(' → ')
}

/** Reports every problem of looks, params, parents, state names and views. */
export function checkLooks(d: Draft, problems: ProblemList<ProblemCode>, looks: LooksCheck): void {
  const ids = new Map<string, number>()
  d.components.forEach((c, i) => c && ids.set(c.id, i))
  d.components.forEach((c, i) => {
    if (!c) return
    const path: PathSegment[] = ['components', i]
    checkParamsForm(c, path, problems)
    if (looks === 'catalogue' && c.look !== undefined) checkLook(c, c.look, path, ids, d, problems)
    checkParent(c, path, ids, d, problems)
    checkStateLabels(c, path, problems)
  })
  checkParentCycles(d, ids, problems)
  checkViews(d, problems)
}

function checkParamsForm(
  c: Component,
  path: PathSegment[],
  problems: ProblemList<ProblemCode>,
): void {
  if (c.params === undefined) return
  if (c.look === undefined) problems.add([...path, 'params'], 'params.withoutLook')
  const count = Object.keys(c.params).length
  if (count > MAX_LOOK_PARAMS)
    problems.add([...path, 'params'], 'params.tooMany', { count, maximum: MAX_LOOK_PARAMS })
}

function checkLook(
  c: Component,
  look: string,
  path: PathSegment[],
  ids: ReadonlyMap<string, number>,
  d: Draft,
  problems: ProblemList<ProblemCode>,
): void {
  const info = getLook(look)
  if (info === undefined) {
    problems.add([...path, 'look'], 'look.unknown', {
      look,
      looks: LOOK_NAMES.join(', '),
      near: near(look, LOOK_NAMES),
    })
    return
  }
  if (!info.kinds.includes(c.kind)) {
    const fitting = getLooksForKind(c.kind)
    problems.add([...path, 'look'], 'look.wrongKind', {
      look,
      kind: c.kind,
      kinds: info.kinds.join(', '),
      looks: fitting.join(', '),
    })
  }
  const params = c.params ?? {}
  const keys = Object.keys(info.params)
  for (const [key, value] of Object.entries(params)) {
    const spec = Object.hasOwn(info.params, key) ? info.params[key] : undefined
    const at = [...path, 'params', key]
    if (spec === undefined) {
      if (keys.length === 0) problems.add(at, 'params.none', { key, look })
      else
        problems.add(at, 'params.unknown', {
          key,
          look,
          keys: keys.join(', '),
          near: near(key, keys),
        })
      continue
    }
    checkParam(key, value, spec, at, ids, d, problems)
  }
  for (const key of info.required ?? [])
    if (!Object.hasOwn(params, key))
      problems.add([...path, c.params === undefined ? 'look' : 'params'], 'params.missing', {
        key,
        look,
      })
}

type ParamValue = NonNullable<Component['params']>[string]

const isPoint = (v: unknown): v is readonly [number, number, number] =>
  Array.isArray(v) && v.length === 3 && v.every((n) => typeof n === 'number' && Number.isFinite(n))

/** What a param is, for the wrong-type text: a type name the problem words know. */
function gotOf(value: ParamValue): string {
  if (Array.isArray(value)) return 'array'
  return typeof value
}

function checkParam(
  key: string,
  value: ParamValue,
  spec: LookParam,
  at: PathSegment[],
  ids: ReadonlyMap<string, number>,
  d: Draft,
  problems: ProblemList<ProblemCode>,
): void {
  const wrongType = (expected: string) =>
    problems.add(at, 'params.wrongType', { key, expected, got: gotOf(value) })
  switch (spec.type) {
    case 'number':
    case 'integer':
      if (typeof value !== 'number' || !Number.isFinite(value))
        return wrongType(spec.type === 'integer' ? 'int' : 'number')
      if (spec.type === 'integer' && !Number.isInteger(value))
        problems.add(at, 'params.notWhole', { key, value })
      else if (value < spec.min || value > spec.max)
        problems.add(at, 'params.outOfRange', { key, value, min: spec.min, max: spec.max })
      return
    case 'boolean':
      if (typeof value !== 'boolean') wrongType('boolean')
      return
    case 'choice':
      if (typeof value !== 'string') return wrongType('string')
      if (!spec.choices.includes(value))
        problems.add(at, 'params.notChoice', {
          key,
          value,
          choices: spec.choices.join(', '),
          near: near(value, spec.choices),
        })
      return
    case 'points':
      // an empty list has no points to be wrong, and fits the schema's list of numbers
      if (!Array.isArray(value) || !value.every(isPoint)) return wrongType('points')
      if (value.length < spec.minItems || value.length > spec.maxItems)
        problems.add(at, 'params.pointCount', {
          key,
          count: value.length,
          min: spec.minItems,
          max: spec.maxItems,
        })
      return
    case 'component':
      if (typeof value !== 'string') return wrongType('string')
      if (!ids.has(value) && !d.brokenIds.has(value))
        problems.add(at, 'params.unknownComponent', {
          key,
          id: value,
          near: near(value, ids.keys()),
        })
      return
  }
}

function checkParent(
  c: Component,
  path: PathSegment[],
  ids: ReadonlyMap<string, number>,
  d: Draft,
  problems: ProblemList<ProblemCode>,
): void {
  if (c.parent === undefined) return
  if (c.parent === c.id) problems.add([...path, 'parent'], 'parent.itself')
  else if (!ids.has(c.parent) && !d.brokenIds.has(c.parent))
    problems.add([...path, 'parent'], 'parent.unknown', {
      id: c.parent,
      near: near(c.parent, ids.keys()),
    })
}

/** Reports each cycle of parents once, at the parent of its first component. */
function checkParentCycles(
  d: Draft,
  ids: ReadonlyMap<string, number>,
  problems: ProblemList<ProblemCode>,
): void {
  const edges = (i: number): number[] => {
    const c = d.components[i]
    const j = c?.parent === undefined ? undefined : ids.get(c.parent)
    // a component that is its own parent is reported as such, not as a cycle
    return j === undefined || j === i ? [] : [j]
  }
  for (const cycle of findCycles(d.components.length, edges)) {
    const names = cycle.map((i) => d.components[i]!.id)
    problems.add(['components', cycle[0]!, 'parent'], 'parent.cycle', { ids: cycleText(names) })
  }
}

function checkStateLabels(
  c: Component,
  path: PathSegment[],
  problems: ProblemList<ProblemCode>,
): void {
  if (!('stateLabels' in c) || c.stateLabels === undefined || !STATEFUL_KINDS.has(c.kind)) return
  const states = getStates(c)
  for (const state of Object.keys(c.stateLabels)) {
    if (!states.includes(state))
      problems.add([...path, 'stateLabels', state], 'stateLabels.notState', {
        state,
        states: states.join(', '),
        near: near(state, states),
      })
  }
}

/** View ids are unique among the views; they may repeat a component's id (spec amendment 1). */
function checkViews(d: Draft, problems: ProblemList<ProblemCode>): void {
  const first = new Map<string, number>()
  d.scene?.views?.forEach((view, i) => {
    const earlier = first.get(view.id)
    if (earlier === undefined) first.set(view.id, i)
    else
      problems.add(['scene', 'views', i, 'id'], 'view.duplicate', {
        id: view.id,
        earlier: `scene.views[${earlier}]`,
      })
  })
}
