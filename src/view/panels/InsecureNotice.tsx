// The stated degraded mode of the app served over plain HTTP on a lab's network
// (http://192.168.…), which browsers do not treat as a secure context: no service worker, so no
// offline copy; no Web Locks, so an attempt is written in one tab only (src/state/attemptLock.ts
// keeps that rule by other means). The notice says so, and where the full app is: the server's
// https:// address. The learner can hide it for the rest of the session.
import { useId, useState } from 'react'
import { useStore } from 'zustand'
import { appStore } from '../../state/appStore.ts'
import { useTranslation } from '../i18n/useTranslation.ts'

const HIDDEN_KEY = 'practica.insecureNoticeHidden'

function hiddenThisSession(): boolean {
  try {
    return globalThis.sessionStorage?.getItem(HIDDEN_KEY) === 'yes'
  } catch {
    return false
  }
}

/**
 * The notice of a page outside a secure context, above every screen but the attempt and the
 * editor, whose work area fills the window (the learner meets it in the library first).
 */
export function InsecureNotice() {
  const { t } = useTranslation()
  const titleId = useId()
  const fullWindow = useStore(
    appStore,
    (s) => s.screen.name === 'play' || s.screen.name === 'editor',
  )
  const [hidden, setHidden] = useState(hiddenThisSession)
  if (globalThis.isSecureContext !== false || hidden || fullWindow) return null
  const hide = () => {
    try {
      globalThis.sessionStorage?.setItem(HIDDEN_KEY, 'yes')
    } catch {
      // not remembered: it shows again on the next screen
    }
    setHidden(true)
  }
  return (
    <aside className="banner insecure-notice" aria-labelledby={titleId}>
      <strong id={titleId}>{t('insecure.title')}</strong> {t('insecure.text')}{' '}
      <button type="button" onClick={hide}>
        {t('insecure.hide')}
      </button>
    </aside>
  )
}
