// The interface language for React: re-renders on a change of language.
import { useSyncExternalStore } from 'react'
import { i18n } from './i18n.ts'

const subscribe = (onChange: () => void) => i18n.onChange(onChange)
const getLanguage = () => i18n.language

/** `t` in the current language, and the translator to change it. */
export function useTranslation() {
  const language = useSyncExternalStore(subscribe, getLanguage)
  return { t: i18n.getFixedT(language), i18n }
}
