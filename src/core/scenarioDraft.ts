// A scenario as far as it can be read, for checking its meaning even when its shape is broken:
// elements that fail their own shape check become holes, their ids are remembered as known.
import { checkShape } from './checkShape.ts'
import type { JsonValue } from './json.ts'
import {
  ElementSchemas,
  SceneSchema,
  type Competency,
  type Component,
  type Fault,
  type Hazard,
  type Judgement,
  type Rule,
  type Scenario,
  type Scoring,
  type Scene,
  type Step,
  type Variable,
} from './schema.ts'

type Holes<T> = readonly (T | undefined)[]

/** A scenario as far as it could be read: elements that failed their shape check are holes. */
export interface Draft {
  readonly locales: readonly string[]
  readonly title: unknown
  readonly description: unknown
  readonly competencies: Holes<Competency>
  readonly components: Holes<Component>
  readonly variables: Holes<Variable>
  readonly rules: Holes<Rule>
  readonly steps: Holes<Step>
  readonly hazards: Holes<Hazard>
  readonly judgements: Holes<Judgement>
  readonly faults: Holes<Fault>
  readonly scoring: Scoring | undefined
  readonly scene: Scene | undefined
  readonly brokenIds: ReadonlySet<string>
}

/** The draft of a scenario that passed its shape check: no holes. Pure. */
export function fromScenario(s: Scenario): Draft {
  return {
    ...s,
    description: s.description,
    scoring: s.scoring,
    scene: s.scene,
    locales: s.locales ?? ['en'],
    competencies: s.competencies,
    variables: s.variables ?? [],
    rules: s.rules ?? [],
    hazards: s.hazards ?? [],
    judgements: s.judgements ?? [],
    faults: s.faults ?? [],
    brokenIds: new Set(),
  }
}

/** The draft of a scenario that failed its shape check: each element read on its own. Pure. */
export function bestEffort(raw: JsonValue): Draft | undefined {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return undefined
  const brokenIds = new Set<string>()
  const elements = <K extends keyof typeof ElementSchemas>(key: K) => {
    const list = raw[key]
    if (!Array.isArray(list)) return []
    return list.map((el) => {
      const checked = checkShape(ElementSchemas[key], el)
      if (checked.ok) return checked.value
      const id = el !== null && typeof el === 'object' && !Array.isArray(el) ? el['id'] : undefined
      if (typeof id === 'string') brokenIds.add(id)
      return undefined
    })
  }
  const locales = raw['locales']
  return {
    locales:
      Array.isArray(locales) && locales.length > 0 && locales.every((l) => typeof l === 'string')
        ? (locales as string[])
        : ['en'],
    title: raw['title'],
    description: raw['description'],
    competencies: elements('competencies') as Holes<Competency>,
    components: elements('components') as Holes<Component>,
    variables: elements('variables') as Holes<Variable>,
    rules: elements('rules') as Holes<Rule>,
    steps: elements('steps') as Holes<Step>,
    hazards: elements('hazards') as Holes<Hazard>,
    judgements: elements('judgements') as Holes<Judgement>,
    faults: elements('faults') as Holes<Fault>,
    scoring: undefined,
    // the scene on its own, so that its views are checked while other parts are broken
    scene: readScene(raw['scene']),
    brokenIds,
  }
}

function readScene(value: JsonValue | undefined): Scene | undefined {
  if (value === undefined) return undefined
  const checked = checkShape(SceneSchema, value)
  return checked.ok ? checked.value : undefined
}
