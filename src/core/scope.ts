// The names a scenario's expressions can read, and the cache that parses each expression once.
// Shared by validation (type checking) and the model (compilation).
import {
  checkExpression,
  type ExprType,
  type NameRef,
  type Scope,
  type Unresolved,
} from './expr/check.ts'
import { parseExpression, type ParseOutcome } from './expr/parse.ts'
import { getStates, KINDS, STATEFUL_KINDS } from './kinds.ts'
import { near, type ProblemCode, type ProblemParams } from './problems.ts'
import type { Component, Fault, Variable } from './schema.ts'

/** Parses each distinct expression text once: per scenario load, or per editing session. */
export class ExpressionCache {
  private readonly parsed = new Map<string, ParseOutcome>()

  parse(src: string): ParseOutcome {
    let out = this.parsed.get(src)
    if (out === undefined) {
      out = parseExpression(src)
      this.parsed.set(src, out)
    }
    return out
  }
}

/** The expression of a derived component, or undefined for other kinds. Pure. */
export function derivedExpression(component: Component): string | undefined {
  const key = KINDS[component.kind].expression
  return key === undefined ? undefined : (component as Partial<Record<typeof key, string>>)[key]
}

export interface ScopeInput {
  readonly components: readonly (Component | undefined)[]
  readonly variables: readonly (Variable | undefined)[]
  readonly faults: readonly (Fault | undefined)[]
  /** Ids of elements too broken to use: naming them is not reported as an unknown name. */
  readonly brokenIds: ReadonlySet<string>
}

// a name of an element too broken to use: its own problem says so
const REPORTED: Unresolved = { ref: 'unresolved', type: undefined }

function unresolved(code: ProblemCode, params: ProblemParams = {}): Unresolved {
  return { ref: 'unresolved', type: undefined, code, params }
}

/** Builds the scope of a scenario's expressions. Pure (the scope caches derived types). */
export function createScope(input: ScopeInput, cache: ExpressionCache): Scope {
  const components = new Map<string, [number, Component]>()
  input.components.forEach((c, i) => c && components.set(c.id, [i, c]))
  const variables = new Map<string, number>()
  input.variables.forEach((v, i) => v && variables.set(v.id, i))
  const faults = new Map<string, number>()
  input.faults.forEach((f, i) => f && faults.set(f.id, i))
  const topNames = [...components.keys(), ...variables.keys(), 'time', 'fault']
  const derivedTypes = new Map<number, ExprType | undefined>()

  const scope: Scope = {
    resolve(name, member): NameRef | Unresolved {
      if (name === 'fault') {
        if (member === undefined) return unresolved('expr.faultWithoutId')
        const i = faults.get(member)
        if (i !== undefined) return { ref: 'fault', index: i, type: 'boolean' }
        if (input.brokenIds.has(member)) return REPORTED
        return unresolved('expr.unknownFault', { name: member, near: near(member, faults.keys()) })
      }
      if (name === 'time') {
        return member === undefined ? { ref: 'time', type: 'number' } : unresolved('expr.timeField')
      }
      const v = variables.get(name)
      if (v !== undefined) {
        return member === undefined
          ? { ref: 'variable', index: v, type: 'number' }
          : unresolved('expr.variableField', { name, member })
      }
      const entry = components.get(name)
      if (entry === undefined) {
        if (input.brokenIds.has(name)) return REPORTED
        return unresolved('expr.unknownName', { name, near: near(name, topNames) })
      }
      const [index, c] = entry
      if (member !== undefined) {
        if (member === 'locked' && c.lockable === true)
          return { ref: 'locked', index, type: 'boolean' }
        if (member === 'tagged' && c.taggable === true)
          return { ref: 'tagged', index, type: 'boolean' }
        if (member === 'locked' || member === 'tagged') {
          const flag = member === 'locked' ? 'lockable' : 'taggable'
          return unresolved('expr.notFlagged', { name, flag, member })
        }
        return unresolved('expr.unknownMember', {
          name,
          member,
          near: near(member, ['locked', 'tagged']),
        })
      }
      if (STATEFUL_KINDS.has(c.kind)) return { ref: 'state', index, type: 'string' }
      const src = derivedExpression(c)
      if (src === undefined) return unresolved('expr.noValue', { name, kind: c.kind })
      return { ref: 'derived', index, type: derivedType(index, c, src) }
    },
    statesOf(index) {
      const c = input.components[index]
      return c ? getStates(c) : []
    },
  }

  // The kind's type where it fixes one (lamps, machines, gauges), else that of the expression
  // (displays). Undefined while it is being computed, so a cycle (reported elsewhere) ends here.
  function derivedType(index: number, c: Component, src: string): ExprType | undefined {
    const fixed = KINDS[c.kind].valueType
    if (fixed !== undefined) return fixed
    if (derivedTypes.has(index)) return derivedTypes.get(index)
    derivedTypes.set(index, undefined)
    const parsed = cache.parse(src)
    const type = parsed.ok ? checkExpression(parsed.ast, scope).type : undefined
    derivedTypes.set(index, type)
    return type
  }

  return scope
}
