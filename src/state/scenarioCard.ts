// What the library shows of a scenario before it is started: for a bundled one, written into the
// index when the app is built (src/build/scenarioIndexPlugin.ts); for one opened, its model's.
import type { Model, Problem, Text } from '../core/index.ts'

/** A scenario's card in the library: what the learner reads before starting it. */
export interface ScenarioCardInfo {
  readonly id: string
  readonly title: Text
  readonly description: Text | undefined
  readonly industry: string | undefined
  readonly estimatedMinutes: number | undefined
  readonly locales: readonly string[]
  /** The titles of the competencies it trains. */
  readonly competencies: readonly Text[]
}

/** A bundled scenario file: where it is served, its hash and its card, or why it is broken. */
export type IndexedScenario =
  | {
      readonly file: string
      readonly url: string
      /** Hex SHA-256 of the file's bytes, as the engine's sha256Hex gives it. */
      readonly sha256: string
      readonly card: ScenarioCardInfo
    }
  | { readonly file: string; readonly url: string; readonly problems: readonly Problem[] }

/** The card of a compiled scenario, the same for one opened from disk as for a bundled one. */
export function cardOf(model: Model): ScenarioCardInfo {
  const s = model.scenario
  return {
    id: s.id,
    title: s.title,
    description: s.description,
    industry: s.industry,
    estimatedMinutes: s.estimatedMinutes,
    locales: model.locales,
    competencies: s.competencies.map((c) => c.title),
  }
}
