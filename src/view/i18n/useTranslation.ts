// The interface language for React: re-renders on a change of language, and when texts
// downloaded apart arrive (a screen that says a problem shows the engine's English until then).
import { useSyncExternalStore } from 'react'
import { i18n } from './i18n.ts'

const subscribe = (onChange: () => void) => {
  const stopLanguage = i18n.onChange(onChange)
  const stopTexts = i18n.onTexts(onChange)
  return () => {
    stopLanguage()
    stopTexts()
  }
}
const getTexts = () => `${i18n.revision} ${i18n.language}`

/** `t` in the current language, and the translator to change it. */
export function useTranslation() {
  const texts = useSyncExternalStore(subscribe, getTexts)
  return { t: i18n.getFixedT(texts.slice(texts.indexOf(' ') + 1)), i18n }
}
