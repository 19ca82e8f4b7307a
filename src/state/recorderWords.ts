// What the recorder writes in words and in the draft: the titles of an act or a threshold in
// every locale of the scenario (and the state names missing for them), a state's name kept in the
// part's stateLabels, a confirmed reading as a step, and the draft's steps with the recording in.
import {
  proposeTitle,
  stepIdBase,
  thresholdTitle,
  toScenarioSteps,
  uniqueId,
  type EditCommand,
  type JsonObject,
  type JsonValue,
  type PartWords,
  type RecordedAct,
  type RecordedStep,
  type Threshold,
} from '../core/index.ts'

/** A state that has no name in one of the scenario's locales: the recorder asks for it. */
export interface MissingName {
  readonly target: string
  readonly state: string
  readonly locale: string
}

/** A gauge or display read while recording, waiting for the teacher to confirm its threshold. */
export interface PendingReading {
  readonly target: string
  readonly read: number
  readonly threshold: Threshold
}

export const isObject = (v: JsonValue | undefined): v is JsonObject =>
  v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v)

export const localesOf = (doc: JsonObject): string[] =>
  Array.isArray(doc['locales']) && doc['locales'].length > 0
    ? doc['locales'].filter((l): l is string => typeof l === 'string')
    : ['en']

export function componentOf(
  doc: JsonObject,
  id: string,
): { index: number; part: JsonObject } | undefined {
  const list = doc['components']
  if (!Array.isArray(list)) return undefined
  const index = list.findIndex((c) => isObject(c) && c['id'] === id)
  const part = list[index]
  return isObject(part) ? { index, part } : undefined
}

export const wordsOf = (part: JsonObject): PartWords => part as unknown as PartWords

/** The titles of an act in every locale, and the state names missing for some of them. */
export function titlesOf(
  doc: JsonObject,
  act: RecordedAct,
): { titles: Record<string, string>; missing: MissingName[] } {
  const locales = localesOf(doc)
  const part = componentOf(doc, act.target)?.part
  const titles: Record<string, string> = {}
  const missing: MissingName[] = []
  for (const locale of locales) {
    const t = part ? proposeTitle(wordsOf(part), act, locale, locales[0]!) : undefined
    titles[locale] = t?.ok ? t.text : ''
    if (t && !t.ok && t.reason === 'state')
      missing.push({ target: act.target, state: t.state, locale })
  }
  return { titles, missing }
}

export function thresholdTitles(doc: JsonObject, threshold: Threshold): Record<string, string> {
  const locales = localesOf(doc)
  const part = componentOf(doc, threshold.target)?.part
  const unit = part && typeof part['unit'] === 'string' ? part['unit'] : undefined
  const titles: Record<string, string> = {}
  for (const locale of locales) {
    const t = part
      ? thresholdTitle(
          wordsOf(part),
          threshold.comparison,
          threshold.value,
          unit,
          locale,
          locales[0]!,
        )
      : undefined
    titles[locale] = t?.ok ? t.text : ''
  }
  return titles
}

export const sameName = (a: MissingName, b: MissingName) =>
  a.target === b.target && a.state === b.state && a.locale === b.locale

/** The draft's steps with the recording in them, as `finish` writes them. */
export function stepsWithRecording(
  doc: JsonObject,
  steps: readonly RecordedStep[],
  replace: boolean,
): JsonValue[] {
  const old = Array.isArray(doc['steps']) ? doc['steps'] : []
  const last = replace ? undefined : old[old.length - 1]
  const first = isObject(last) && typeof last['id'] === 'string' ? [last['id']] : []
  const competency = Array.isArray(doc['competencies']) ? doc['competencies'][0] : undefined
  const recorded = toScenarioSteps(steps, localesOf(doc), {
    first,
    competency:
      isObject(competency) && typeof competency['id'] === 'string' ? competency['id'] : undefined,
  })
  return replace ? recorded : [...old, ...recorded]
}

/**
 * The step a confirmed reading becomes: a check with its threshold, or with `asRead`, only
 * "read the gauge". Its id is made unique against `taken`.
 */
export function readingStep(
  doc: JsonObject,
  reading: PendingReading,
  asRead: boolean,
  taken: Set<string>,
): RecordedStep {
  const act: RecordedAct = { action: 'inspect', target: reading.target }
  const shared = { anyOrder: false, critical: false, points: 1 }
  return asRead
    ? { id: uniqueId(stepIdBase(act), taken), act, titles: titlesOf(doc, act).titles, ...shared }
    : {
        id: uniqueId(`${reading.target}-check`.replace(/_/g, '-'), taken),
        threshold: reading.threshold,
        titles: thresholdTitles(doc, reading.threshold),
        ...shared,
      }
}

/** The edit that keeps a state's name in a locale in the part's `stateLabels`; none for an empty name. */
export function stateNameEdit(
  doc: JsonObject,
  missing: MissingName,
  name: string,
): EditCommand | undefined {
  const found = componentOf(doc, missing.target)
  if (!found || name.trim() === '') return undefined
  const labels = isObject(found.part['stateLabels']) ? found.part['stateLabels'] : {}
  const before = labels[missing.state]
  const text: JsonObject =
    typeof before === 'string'
      ? { [localesOf(doc)[0]!]: before }
      : isObject(before)
        ? { ...before }
        : {}
  text[missing.locale] = name.trim()
  return {
    kind: 'set',
    path: ['components', found.index, 'stateLabels', missing.state],
    value: text,
  }
}

/** The steps whose title waited for a state's name, titled in that locale now that it has one. */
export function retitled(
  steps: readonly RecordedStep[],
  doc: JsonObject,
  missing: MissingName,
): RecordedStep[] {
  return steps.map((s) => {
    if (!s.act || s.act.target !== missing.target || s.act.value !== missing.state) return s
    const { titles } = titlesOf(doc, s.act)
    const text = s.titles[missing.locale] || titles[missing.locale]!
    return { ...s, titles: { ...s.titles, [missing.locale]: text } }
  })
}
