// Scenario texts and state names in the interface language, falling back to the scenario's default.
import { useMemo } from 'react'
import { useTranslation } from './i18n/useTranslation.ts'
import { getLocalText, type Model, type Text } from '../core/index.ts'

export interface ScenarioText {
  /** A scenario Text in the current language. */
  text(value: Text | undefined): string
  /** A component's label. */
  label(index: number): string
  /**
   * A state value of component `index` as the learner reads it: the component's own name for it
   * (`stateLabels`, "key_safe" → "in the key safe"), else the app's name of a common state
   * ("off" → "分闸"), else the value itself. Without `index`, only the last two.
   */
  state(value: string, index?: number): string
}

/**
 * The name a learner reads for `value`, a state of component `index` (spec amendment 1): the
 * scenario's `stateLabels` in `language` (falling back to the scenario's default locale), else
 * `common(value)`, the app's name of a common state, else the raw value. Pure.
 */
export function stateName(
  model: Model,
  index: number | undefined,
  value: string,
  language: string,
  common: (value: string) => string | undefined,
): string {
  const source = index === undefined ? undefined : model.components[index]?.source
  const labels = source && 'stateLabels' in source ? source.stateLabels : undefined
  if (labels !== undefined && Object.hasOwn(labels, value))
    return getLocalText(labels[value]!, language, model.locales[0] ?? 'en')
  return common(value) ?? value
}

export function useScenarioText(model: Model): ScenarioText {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  return useMemo(() => {
    // the app names common states only (on, off, open, …); a scenario names its own
    const common = (value: string): string | undefined => {
      const name = t(`state.${value}`, { defaultValue: '' })
      return typeof name === 'string' && name !== '' ? name : undefined
    }
    return {
      text: (value: Text | undefined) =>
        value === undefined ? '' : getLocalText(value, lang, model.locales[0] ?? 'en'),
      label: (index: number) => {
        const c = model.components[index]!
        return c.source.label === undefined
          ? c.id
          : getLocalText(c.source.label, lang, model.locales[0] ?? 'en')
      },
      state: (value: string, index?: number) => stateName(model, index, value, lang, common),
    }
  }, [lang, model, t])
}
