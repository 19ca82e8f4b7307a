// What a recorded run becomes in the scenario: each act a step (in order, `after` the previous
// one unless the instructor groups them), a gauge read a state step with a threshold, and the
// hazards the order suggests, each checked against the recorded run itself. Pure: JSON in, JSON out.
import type { JsonObject } from '../edit/applyCommand.ts'
import type { JsonValue } from '../jsonValue.ts'
import { compileScenario } from '../model.ts'
import type { Attempt, AttemptEvent } from '../recordSchemas.ts'
import { ATTEMPT_FORMAT } from '../formats.ts'
import { replayAttempt } from '../replay.ts'
import { validateScenario } from '../validateScenario.ts'
import { COLLECTIONS } from '../edit/collections.ts'
import { lineUps } from './lineUp.ts'
import {
  formatNumber,
  hazardTitle,
  lineUpTitle,
  type ThresholdComparison,
  type PartWords,
  type RecordedAct,
  type TitleProposal,
} from './titles.ts'

/** A gauge or display read while recording: the check the teacher confirms. */
export interface Threshold {
  readonly target: string
  readonly comparison: ThresholdComparison
  readonly value: number
}

/** One step of the recording, as the instructor shapes it before it goes into the scenario. */
export interface RecordedStep {
  readonly id: string
  /** The act that completes it (an action step), or the reading it checks (a state step). */
  readonly act?: RecordedAct | undefined
  readonly threshold?: Threshold | undefined
  /** The title in each locale of the scenario ('' while the instructor has not given it). */
  readonly titles: Readonly<Record<string, string>>
  /** Done in any order with the step before it: both wait for the same steps. */
  readonly anyOrder: boolean
  readonly critical: boolean
  readonly points: number
}

const isObject = (v: JsonValue | undefined): v is JsonObject =>
  v !== null && typeof v === 'object' && !Array.isArray(v)

/** Every id already used in the document (ids are unique across the whole scenario). */
export function usedIds(doc: JsonObject): Set<string> {
  const ids = new Set<string>()
  for (const key of COLLECTIONS) {
    const list = doc[key]
    if (Array.isArray(list))
      for (const el of list) if (isObject(el) && typeof el['id'] === 'string') ids.add(el['id'])
  }
  return ids
}

/** A new id from a base ("isolator-off"), made unique against `taken` (which it joins). */
export function uniqueId(base: string, taken: Set<string>): string {
  const clean =
    base
      .toLowerCase()
      .replace(/[^a-z0-9_.-]+/g, '-')
      .replace(/^[^a-z0-9]+/, '')
      .slice(0, 56) || 'step'
  let id = clean
  for (let n = 2; taken.has(id); n++) id = `${clean}-${n}`
  taken.add(id)
  return id
}

/** The id a recorded act's step gets before it is made unique: target and value or action. */
export function stepIdBase(act: RecordedAct): string {
  const what = act.action === 'set' && act.value !== undefined ? act.value : act.action
  return `${act.target}-${what}`.replace(/_/g, '-')
}

/** The `after` of each step: the steps of the group before its own (a group is a run of steps done in any order). */
export function afterOf(steps: readonly RecordedStep[], first: readonly string[] = []): string[][] {
  const out: string[][] = []
  let before: string[] = [...first]
  let group: string[] = []
  steps.forEach((s, i) => {
    if (i > 0 && !s.anyOrder) {
      before = group
      group = []
    }
    group.push(s.id)
    out.push(before)
  })
  return out
}

/** A Text in the scenario's locales: a plain string with one locale, else an object. */
function toText(titles: Readonly<Record<string, string>>, locales: readonly string[]): JsonValue {
  if (locales.length === 1) return titles[locales[0]!] ?? ''
  const out: JsonObject = {}
  for (const l of locales) if ((titles[l] ?? '') !== '') out[l] = titles[l]!
  return out
}

/** The expression of a threshold: "air_gauge < 0.5". */
export function thresholdExpression(t: Threshold): string {
  return `${t.target} ${t.comparison} ${formatNumber(t.value)}`
}

/**
 * The steps of the recording as the scenario's Step objects, in order; the first group waits
 * for `first` (the last step already there, when the recording is added after them).
 */
export function toScenarioSteps(
  steps: readonly RecordedStep[],
  locales: readonly string[],
  options: { readonly first?: readonly string[]; readonly competency?: string | undefined } = {},
): JsonObject[] {
  const after = afterOf(steps, options.first)
  return steps.map((s, i) => {
    const step: JsonObject = { id: s.id, title: toText(s.titles, locales), points: s.points }
    if (options.competency !== undefined) step['competencies'] = [options.competency]
    if (after[i]!.length > 0) step['after'] = after[i]!
    if (s.critical) step['critical'] = true
    if (s.threshold) step['state'] = thresholdExpression(s.threshold)
    else if (s.act) {
      const { action, target, value } = s.act
      step['action'] = value === undefined ? { action, target } : { action, target, value }
    }
    return step
  })
}

/**
 * The threshold proposed for a reading: "below" a round number just above it when it sits in the
 * lower half of the scale, else "above" one just below it; never an equality with the value read.
 */
export function proposeThreshold(
  target: string,
  read: number,
  min: number | undefined,
  max: number | undefined,
): Threshold {
  const lo = min ?? Math.min(0, read)
  const hi = max ?? Math.max(lo + 1, Math.abs(read) * 2)
  const range = hi > lo ? hi - lo : Math.max(1, Math.abs(read))
  const unit = 10 ** Math.floor(Math.log10(range / 20))
  const margin = range * 0.05
  if (read <= (lo + hi) / 2) {
    const value = Math.ceil((read + margin) / unit) * unit
    return { target, comparison: '<', value: Number(value.toPrecision(6)) }
  }
  const value = Math.floor((read - margin) / unit) * unit
  return { target, comparison: '>', value: Number(value.toPrecision(6)) }
}

/** A hazard the recorded order suggests, with what it guards against. */
export interface HazardProposal {
  readonly hazard: JsonObject
  /** The part whose act would be unsafe earlier (a door opened, a pump started). */
  readonly part: string
  /** The part it must follow: the one locked or isolated, or the valve lined up. */
  readonly lock: string
}

const componentsOf = (doc: JsonObject): JsonObject[] =>
  Array.isArray(doc['components']) ? doc['components'].filter(isObject) : []

const wordsOf = (c: JsonObject): PartWords => c as unknown as PartWords

/** The isolating states: a switch or breaker switched off, a valve closed. */
const ISOLATING: Readonly<Record<string, string>> = {
  switch: 'off',
  breaker: 'off',
  valve: 'closed',
}

/**
 * The hazards the order of the recorded acts suggests: a door, guard or cover set to a state
 * after a part was locked is unsafe before that lock ("guard open and isolator not locked"), and
 * after a switch or breaker was switched off (a valve closed), unsafe while it is not; a pump
 * or a process started after valves were opened is unsafe while they are not ("pump running
 * while the suction valve is not open"). Each is added to the document and the recorded run
 * replayed through the engine: one that triggers on the run itself is not proposed. `doc` must
 * be valid with the recorded steps in it.
 */
export function proposeHazards(
  doc: JsonObject,
  events: readonly AttemptEvent[],
  taken: Set<string>,
): HazardProposal[] {
  const comps = new Map(componentsOf(doc).map((c) => [String(c['id']), c]))
  const locales = Array.isArray(doc['locales']) ? (doc['locales'] as string[]) : ['en']
  const words = (id: string) => wordsOf(comps.get(id)!)
  const candidates: HazardProposal[] = []
  const seen = new Set<string>()
  const locked = new Set<string>()
  // the parts isolated so far, and the state that isolates them
  const isolated = new Map<string, string>()
  const propose = (door: JsonObject, value: string, part: string, other?: string) => {
    const target = String(door['id'])
    const key = `${target}=${value}/${part}${other === undefined ? '' : `=${other}`}`
    if (seen.has(key)) return
    seen.add(key)
    const hazard = titledHazard(
      locales,
      (l, first) => hazardTitle(wordsOf(door), value, words(part), l, first, other),
      other === undefined
        ? `${target}-${value}-before-${part}-locked`
        : `${target}-${value}-while-${part}-not-${other}`,
      other === undefined
        ? `${target} == '${value}' && !${part}.locked`
        : `${target} == '${value}' && ${part} != '${other}'`,
      taken,
    )
    if (hazard) candidates.push({ part: target, lock: part, hazard })
  }
  for (const e of events) {
    const c = e.target === undefined ? undefined : comps.get(e.target)
    if (!c || e.target === undefined) continue
    if (e.action === 'lock') locked.add(e.target)
    if (e.action === 'unlock') locked.delete(e.target)
    if (e.action !== 'set' || e.value === undefined) continue
    const kind = String(c['kind'])
    if (kind in ISOLATING) {
      if (e.value === ISOLATING[kind]) isolated.set(e.target, e.value)
      else isolated.delete(e.target)
    }
    if (kind !== 'door') continue
    const initial = c['initial'] ?? (Array.isArray(c['states']) ? c['states'][0] : 'closed')
    if (e.value === initial) continue
    for (const lock of locked) propose(c, e.value, lock)
    for (const [part, state] of isolated) propose(c, e.value, part, state)
  }
  // the line-up hazards: a part started while a valve opened earlier is not open
  for (const { part, state, valve, closed } of lineUps(doc, events)) {
    const hazard = titledHazard(
      locales,
      (l, first) => lineUpTitle(words(part), state, words(valve), l, first),
      `${part}-${state ?? 'running'}-while-${valve}-not-open`,
      `${state === undefined ? part : `${part} == '${state}'`} && ${valve} == '${closed}'`,
      taken,
    )
    if (hazard) candidates.push({ part, lock: valve, hazard })
  }
  return candidates.filter((p) => !firesOnRun(doc, p.hazard, events))
}

/**
 * A critical hazard titled in each of `locales` that `title` words it in, its id made from
 * `base`; none when the first (default) locale has no title.
 */
function titledHazard(
  locales: readonly string[],
  title: (locale: string, first: string) => TitleProposal,
  base: string,
  when: string,
  taken: Set<string>,
): JsonObject | undefined {
  const first = locales[0] ?? 'en'
  const titles: Record<string, string> = {}
  for (const l of locales) {
    const t = title(l, first)
    if (t.ok) titles[l] = t.text
  }
  if ((titles[first] ?? '') === '') return undefined
  return {
    id: uniqueId(base.replace(/_/g, '-'), taken),
    title: toText(titles, locales),
    severity: 'critical',
    when,
  }
}

/** Whether a hazard added to the document triggers on the recorded run (or the document breaks). */
export function firesOnRun(
  doc: JsonObject,
  hazard: JsonObject,
  events: readonly AttemptEvent[],
): boolean {
  const hazards = Array.isArray(doc['hazards']) ? doc['hazards'] : []
  const valid = validateScenario({ ...doc, hazards: [...hazards, hazard] })
  if (!valid.ok) return true
  const model = compileScenario(valid.value)
  const attempt: Attempt = {
    format: ATTEMPT_FORMAT,
    id: 'recorded-run',
    scenario: { id: model.scenario.id },
    mode: 'practice',
    faults: [],
    events: [...events],
  }
  try {
    const end = replayAttempt(model, attempt)
    const index = model.hazards.length - 1
    return end.triggers.some((t) => t.hazard === index)
  } catch {
    return true
  }
}
