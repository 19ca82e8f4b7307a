// Scenario texts and state names in the interface language, falling back to the scenario's default.
import { useMemo } from 'react'
import { useTranslation } from './i18n/useTranslation.ts'
import type { Model } from '../core/index.ts'
import { textIn } from './text.ts'

type Text = string | Readonly<Record<string, string>>

export interface ScenarioText {
  /** A scenario Text in the current language. */
  text(value: Text | undefined): string
  /** A component's label. */
  label(index: number): string
  /** A state value as the learner reads it ("off" → "分闸"). */
  state(value: string): string
}

export function useScenarioText(model: Model): ScenarioText {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  return useMemo(
    () => ({
      text: (value: Text | undefined) =>
        value === undefined ? '' : textIn(value, lang, model.locales),
      label: (index: number) => {
        const c = model.components[index]!
        return c.source.label === undefined ? c.id : textIn(c.source.label, lang, model.locales)
      },
      state: (value: string) => t(`state.${value}`, { defaultValue: value }),
    }),
    [lang, model, t],
  )
}
