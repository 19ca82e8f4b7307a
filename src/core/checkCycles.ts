// The waiting and deriving graphs of a scenario: steps that wait for each other through "after",
// and derived components whose expressions read each other. Part of validateScenario.
import { namesIn } from './expr/parse.ts'
import { findCycles } from './findCycles.ts'
import { DERIVED_KINDS, KINDS } from './kinds.ts'
import type { ProblemCode, ProblemList } from './problems.ts'
import type { Draft } from './scenarioDraft.ts'
import { derivedExpression, type ExpressionCache } from './scope.ts'

/** `"a" → "b" → "a"`: a cycle's ids, back to the first. */
function cycleText(ids: readonly string[]): string {
  return [...ids, ids[0]].map((id) => `"${id}"`).join(' → ')
}

/** Reports each cycle of steps waiting for each other, at the first step's "after". */
export function checkStepCycles(d: Draft, problems: ProblemList<ProblemCode>): void {
  const index = new Map<string, number>()
  d.steps.forEach((s, i) => s && index.set(s.id, i))
  const edges = (i: number): number[] =>
    (d.steps[i]?.after ?? []).flatMap((a) => {
      const j = index.get(a)
      return j === undefined || j === i ? [] : [j]
    })
  for (const cycle of findCycles(d.steps.length, edges)) {
    const ids = cycle.map((i) => d.steps[i]!.id)
    problems.add(['steps', cycle[0]!, 'after'], 'step.cycle', { ids: cycleText(ids) })
  }
}

/** Reports each cycle of derived components read by each other's expressions. */
export function checkDerivedCycles(
  d: Draft,
  problems: ProblemList<ProblemCode>,
  cache: ExpressionCache,
): void {
  const index = new Map<string, number>()
  d.components.forEach((c, i) => c && DERIVED_KINDS.has(c.kind) && index.set(c.id, i))
  const edges = (i: number): number[] => {
    const c = d.components[i]
    const src = c ? derivedExpression(c) : undefined
    const parsed = src === undefined ? undefined : cache.parse(src)
    if (!parsed?.ok) return []
    return namesIn(parsed.ast).flatMap((n) => {
      const j = n.type === 'name' && n.member === undefined ? index.get(n.name) : undefined
      return j === undefined ? [] : [j]
    })
  }
  for (const cycle of findCycles(d.components.length, edges)) {
    const c = d.components[cycle[0]!]!
    const ids = cycle.map((i) => d.components[i]!.id)
    problems.add(['components', cycle[0]!, KINDS[c.kind].expression!], 'derived.cycle', {
      ids: cycleText(ids),
    })
  }
}
