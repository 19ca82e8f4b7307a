// The interface language for React: re-renders on a language change. A few lines over
// i18next's own events instead of react-i18next, to keep the learner's first load small.
import { useMemo, useSyncExternalStore } from 'react'
import { i18next } from './i18n.ts'

function subscribe(onChange: () => void): () => void {
  i18next.on('languageChanged', onChange)
  return () => i18next.off('languageChanged', onChange)
}

/** `t` in the current language, and the i18next instance to change it. */
export function useTranslation() {
  const language = useSyncExternalStore(subscribe, () => i18next.language)
  const t = useMemo(() => i18next.getFixedT(language), [language])
  return { t, i18n: i18next }
}
