// When a part must be drawn again after the scenario was recompiled (in the editor, after every
// edit): only if its own source changed, or the layout its compiled expressions index into.
import type { Model } from '../../core/index.ts'

/** What every part's compiled expressions depend on: ids in their order and every derived expression. Pure. */
export function getLayout(model: Model): string {
  return JSON.stringify([
    model.components.map((c) => [
      c.id,
      c.kind,
      c.states,
      c.lockable,
      c.taggable,
      c.value ? (c.source as { lit?: string; running?: string; value?: string }) : null,
    ]),
    model.variables.map((v) => v.id),
    model.faults.map((f) => f.id),
  ])
}

/** A string that changes exactly when part `index` may look or behave differently. Pure. */
export function getFingerprint(layout: string, model: Model, index: number): string {
  return `${index}|${JSON.stringify(model.components[index]!.source)}|${layout}`
}
