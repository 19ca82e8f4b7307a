// The line-up a pump or a process needs, read off a recorded run: a part started (a machine that
// began running, or a switch or selector set to a running state) while valves opened earlier in
// the recording were open. Each such pair is a hazard to propose: the part started while the
// valve is not open. The run goes through the engine, so a machine started by a button's effects
// counts, and a valve closed again (a vent, once the casing is full) does not. Pure.
import type { JsonObject } from '../edit/applyCommand.ts'
import { compileScenario, type ComponentModel } from '../model.ts'
import type { AttemptEvent } from '../recordSchemas.ts'
import { applyInput, createStart } from '../simulation.ts'
import { validateScenario } from '../validateScenario.ts'

/** A part started while a valve opened earlier in the recording was open. */
export interface LineUp {
  /** The part started: a machine that began running, or a switch or selector set to `state`. */
  readonly part: string
  readonly state?: string | undefined
  readonly valve: string
  /** The valve's state that is "not open": `closed`, or its first state when it has none. */
  readonly closed: string
}

/** The states that start what a switch or a selector drives. */
export const RUNNING_STATES: readonly string[] = ['on', 'run', 'running', 'start', 'started']

/** The kinds whose running state starts something (a breaker only makes power available). */
const STARTERS: ReadonlySet<string> = new Set(['switch', 'selector'])

const closedOf = (c: ComponentModel): string =>
  c.states.includes('closed') ? 'closed' : (c.states[0] ?? '')

/**
 * Every (part started, valve open) pair of the recorded run, in the order they happened, each
 * once. `doc` must be valid with the recorded steps in it; for one that is not, none.
 */
export function lineUps(doc: JsonObject, events: readonly AttemptEvent[]): LineUp[] {
  const valid = validateScenario(doc)
  if (!valid.ok) return []
  const model = compileScenario(valid.value)
  const st = createStart(model, 'practice', [])
  const running = () =>
    model.components.map(
      (c) => c.kind === 'machine' && c.value !== undefined && c.value(st) === true,
    )
  let before = running()
  // the valves an act of the recording opened
  const opened = new Set<number>()
  const out: LineUp[] = []
  const seen = new Set<string>()
  for (const [index, event] of events.entries()) {
    try {
      applyInput(model, st, { type: 'event', index, event })
    } catch {
      break
    }
    const at = event.target === undefined ? undefined : model.componentIndex.get(event.target)
    const c = at === undefined ? undefined : model.components[at]
    const set = event.action === 'set' && at !== undefined && st.comps[at] === event.value
    if (c?.kind === 'valve' && set && event.value !== closedOf(c)) opened.add(at!)
    const now = running()
    // the machines this act started; else the switch or selector it set running, if any
    const started: { part: string; state?: string | undefined }[] = model.components
      .filter((_, i) => now[i] && !before[i])
      .map((m) => ({ part: m.id }))
    if (started.length === 0 && c && set && STARTERS.has(c.kind))
      if (RUNNING_STATES.includes(event.value!)) started.push({ part: c.id, state: event.value })
    before = now
    const open = [...opened].filter((v) => st.comps[v] !== closedOf(model.components[v]!))
    for (const s of started)
      for (const v of open) {
        const valve = model.components[v]!
        const key = `${s.part}=${s.state ?? ''}/${valve.id}`
        if (seen.has(key)) continue
        seen.add(key)
        out.push({ ...s, valve: valve.id, closed: closedOf(valve) })
      }
    if (st.ended) break
  }
  return out
}
