// Scenario texts and state names in the interface language, falling back to the scenario's default.
import { useMemo } from 'react'
import { useTranslation } from './i18n/useTranslation.ts'
import { getLocalText, type Model, type Text } from '../core/index.ts'

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
        value === undefined ? '' : getLocalText(value, lang, model.locales[0] ?? 'en'),
      label: (index: number) => {
        const c = model.components[index]!
        return c.source.label === undefined
          ? c.id
          : getLocalText(c.source.label, lang, model.locales[0] ?? 'en')
      },
      state: (value: string) => t(`state.${value}`, { defaultValue: value }),
    }),
    [lang, model, t],
  )
}
