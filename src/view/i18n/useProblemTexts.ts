// Whether a screen can say problems in the learner's language yet. The problems' texts are
// downloaded apart (i18n.ts); a screen that would rather wait for them than show the engine's
// English and JSON paths first asks here, and re-renders when they arrive.
import { useEffect, useState } from 'react'
import { useTranslation } from './useTranslation.ts'

/**
 * Whether the problems' texts are here, asking for them while `wanted`; true as well once they
 * cannot be downloaded (offline), when the engine's English will do.
 */
export function useProblemTexts(wanted = true): boolean {
  const { i18n } = useTranslation()
  const ready = i18n.hasSection('problems')
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    if (wanted && !ready) i18n.loadSection('problems').catch(() => setFailed(true))
  }, [wanted, ready, i18n])
  return ready || failed
}
