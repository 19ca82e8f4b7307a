// What each component kind is: where its value comes from, its states, the learner actions it
// accepts, whether a lock or tag makes sense on it. `KINDS` is the one table: validation, the
// simulation, the editor's forms and the scene read it (or the helpers below, derived from it).
import type { Component, ComponentKind } from './schema.ts'

/** What one component kind is, as the engine, the editor and the scene need to know it. */
export interface KindInfo {
  /** Where its value comes from: one of its states, an expression, or nowhere (no value). */
  readonly value: 'state' | 'derived' | 'none'
  /** Its `states` list: one it must give, may give (else `defaultStates`), or fixed by the kind. */
  readonly states: 'required' | 'optional' | 'fixed' | 'none'
  /** Its states when it lists none (and always, when they are fixed). */
  readonly defaultStates: readonly string[]
  /** The key of the expression its value comes from, for derived kinds. */
  readonly expression?: 'lit' | 'value' | 'running'
  /** The type of a derived value, when the kind fixes it (a display's is its expression's). */
  readonly valueType?: 'boolean' | 'number'
  /** The actions that operate it, before `inspect` and the lock and tag actions. */
  readonly operate: readonly ActionName[]
  /** Whether `lockable` and `taggable` make sense: the kinds a learner operates. */
  readonly lockable: boolean
  /** Whether the learner can act on it at all (`static` is scenery). */
  readonly interactive: boolean
}

const operated = { lockable: true, interactive: true } as const
const switched = { value: 'state', states: 'optional', operate: ['set'], ...operated } as const
const derived = { value: 'derived', states: 'none', defaultStates: [], operate: [] } as const

/** Every component kind, in the order the spec lists them. */
export const KINDS: Readonly<Record<ComponentKind, KindInfo>> = {
  button: { value: 'none', states: 'none', defaultStates: [], operate: ['press'], ...operated },
  switch: { ...switched, defaultStates: ['off', 'on'] },
  selector: { ...switched, states: 'required', defaultStates: [] },
  valve: { ...switched, defaultStates: ['closed', 'open'] },
  breaker: { ...switched, defaultStates: ['off', 'on'] },
  door: { ...switched, defaultStates: ['closed', 'open'] },
  item: {
    value: 'state',
    states: 'fixed',
    defaultStates: ['stored', 'worn'],
    operate: ['wear', 'remove'],
    ...operated,
  },
  lamp: { ...derived, expression: 'lit', valueType: 'boolean', lockable: false, interactive: true },
  gauge: {
    ...derived,
    expression: 'value',
    valueType: 'number',
    lockable: false,
    interactive: true,
  },
  display: { ...derived, expression: 'value', lockable: false, interactive: true },
  machine: {
    ...derived,
    expression: 'running',
    valueType: 'boolean',
    lockable: false,
    interactive: true,
  },
  static: {
    value: 'none',
    states: 'none',
    defaultStates: [],
    operate: [],
    lockable: false,
    interactive: false,
  },
}

export const COMPONENT_KINDS: readonly ComponentKind[] = Object.keys(KINDS) as ComponentKind[]

const kindsWhere = (value: KindInfo['value']): ReadonlySet<ComponentKind> =>
  new Set(COMPONENT_KINDS.filter((k) => KINDS[k].value === value))

/** Kinds whose value comes from an expression. */
export const DERIVED_KINDS = kindsWhere('derived')

/** Kinds with a state value from `states`. */
export const STATEFUL_KINDS = kindsWhere('state')

/** The kind's table entry; undefined for a name that is not a kind (a document being edited). */
export function getKindInfo(kind: unknown): KindInfo | undefined {
  return typeof kind === 'string' && Object.hasOwn(KINDS, kind)
    ? KINDS[kind as ComponentKind]
    : undefined
}

/** Every action name an attempt may contain. */
export const ALL_ACTIONS = [
  'press',
  'set',
  'wear',
  'remove',
  'inspect',
  'lock',
  'unlock',
  'tag',
  'untag',
  'hint',
  'end',
] as const
export type ActionName = (typeof ALL_ACTIONS)[number]

/** Actions a lock does not refuse. */
export const LOCK_EXEMPT_ACTIONS: ReadonlySet<string> = new Set([
  'inspect',
  'lock',
  'unlock',
  'tag',
  'untag',
])

/** The kinds on which `lockable` / `taggable` make sense: the ones a learner operates. */
export function canBeLocked(kind: ComponentKind): boolean {
  return KINDS[kind].lockable
}

// what the helpers assume of a kind that is not one (a document in the editor, half typed)
const UNKNOWN_KIND: KindInfo = {
  value: 'none',
  states: 'optional',
  defaultStates: [],
  operate: [],
  lockable: false,
  interactive: false,
}

/** The allowed state values of a component, defaults applied; empty for kinds without state. Pure. */
export function getStates(component: Component): readonly string[] {
  const info = getKindInfo(component.kind) ?? UNKNOWN_KIND
  if (info.states === 'fixed') return info.defaultStates
  if ('states' in component && component.states !== undefined) return component.states
  return info.defaultStates
}

/** The learner actions a component accepts, `inspect` included, lock and tag where enabled. Pure. */
export function getActions(component: Component): readonly ActionName[] {
  const out: ActionName[] = [...(getKindInfo(component.kind) ?? UNKNOWN_KIND).operate, 'inspect']
  if (component.lockable === true) out.push('lock', 'unlock')
  if (component.taggable === true) out.push('tag', 'untag')
  return out
}
