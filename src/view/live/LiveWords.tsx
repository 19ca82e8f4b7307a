import { useMemo, type ReactNode } from 'react'
import type { Model } from '../../core/index.ts'
import { useScenarioText } from '../useScenarioText.ts'

/** The scenario's names of its steps and hazards, in the interface language. */
export interface LiveWords {
  /** the scenario's title, or null before the scenario is loaded */
  readonly title: string | null
  step(id: string): string
  hazard(id: string): string
}

/** Before (or without) the scenario: the codes themselves. */
const CODES: LiveWords = { title: null, step: (id) => id, hazard: (id) => id }

function ScenarioWords({
  model,
  children,
}: {
  readonly model: Model
  readonly children: (words: LiveWords) => ReactNode
}) {
  const names = useScenarioText(model)
  const words = useMemo<LiveWords>(() => {
    const { scenario } = model
    return {
      title: names.text(scenario.title),
      step(id) {
        const i = model.steps.findIndex((s) => s.id === id)
        return i < 0 ? id : names.text(scenario.steps[i]!.title) || id
      },
      hazard(id) {
        const i = model.hazards.findIndex((h) => h.id === id)
        return i < 0 ? id : names.text(scenario.hazards?.[i]?.title) || id
      },
    }
  }, [model, names])
  return <>{children(words)}</>
}

/** Gives its children the scenario's words (the codes until the scenario is loaded). */
export function WithLiveWords({
  model,
  children,
}: {
  readonly model: Model | null
  readonly children: (words: LiveWords) => ReactNode
}) {
  return model ? <ScenarioWords model={model}>{children}</ScenarioWords> : <>{children(CODES)}</>
}
