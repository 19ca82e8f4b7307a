// What each component kind is: its states, the learner actions it accepts, whether its value is
// derived. The one table that validation, simulation and the screens consult.
import type { Component, ComponentKind } from './schema.ts'

export const COMPONENT_KINDS: readonly ComponentKind[] = [
  'button',
  'switch',
  'selector',
  'valve',
  'breaker',
  'door',
  'item',
  'lamp',
  'gauge',
  'display',
  'machine',
  'static',
]

/** Kinds whose value comes from an expression. */
export const DERIVED_KINDS: ReadonlySet<ComponentKind> = new Set([
  'lamp',
  'gauge',
  'display',
  'machine',
])

/** Kinds with a state value from `states`. */
export const STATEFUL_KINDS: ReadonlySet<ComponentKind> = new Set([
  'switch',
  'selector',
  'valve',
  'breaker',
  'door',
  'item',
])

const DEFAULT_STATES: Partial<Record<ComponentKind, readonly string[]>> = {
  switch: ['off', 'on'],
  valve: ['closed', 'open'],
  breaker: ['off', 'on'],
  door: ['closed', 'open'],
  item: ['stored', 'worn'],
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
  return kind === 'button' || STATEFUL_KINDS.has(kind)
}

/** The allowed state values of a component, defaults applied; empty for kinds without state. Pure. */
export function getStates(component: Component): readonly string[] {
  if (component.kind === 'item') return DEFAULT_STATES.item!
  if ('states' in component && component.states !== undefined) return component.states
  return DEFAULT_STATES[component.kind] ?? []
}

/** The learner actions a component accepts, `inspect` included, lock and tag where enabled. Pure. */
export function getActions(component: Component): readonly ActionName[] {
  const out: ActionName[] = []
  if (component.kind === 'button') out.push('press')
  else if (component.kind === 'item') out.push('wear', 'remove')
  else if (STATEFUL_KINDS.has(component.kind)) out.push('set')
  out.push('inspect')
  if (component.lockable === true) out.push('lock', 'unlock')
  if (component.taggable === true) out.push('tag', 'untag')
  return out
}
