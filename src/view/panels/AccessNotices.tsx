// Notices about the learner's access to their own work, shown above every screen (the attempt's
// too, as a card that leaves its controls free): this page cannot reach the browser's database
// because another tab holds it (src/state/database.ts), or the class server ended the sign-in
// while the learner was at work (src/state/classroom/sessionStore.ts). Each says what happened,
// what to do, and that nothing is lost.
import { lazy, Suspense, useEffect, useId, useRef, useState, type RefObject } from 'react'
import { useStore } from 'zustand'
import { appStore } from '../../state/appStore.ts'
import { databaseHoldStore } from '../../state/database.ts'
import { sessionStore } from '../../state/classroom/sessionStore.ts'
import { i18n } from '../i18n/i18n.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
import './access.css'

/** The database notice: an older tab blocks the upgrade, or a newer one needs this page reloaded. */
export function DatabaseNotice() {
  const { t } = useTranslation()
  const titleId = useId()
  const hold = useStore(databaseHoldStore, (s) => s.hold)
  if (hold === null) return null
  return (
    <section className="access-notice" aria-labelledby={titleId} data-notice={`database-${hold}`}>
      <div className="access-notice-row">
        <p role="alert">
          <strong id={titleId}>
            {t(hold === 'blocked' ? 'access.blockedTitle' : 'access.reloadTitle')}
          </strong>{' '}
          {t(hold === 'blocked' ? 'access.blockedText' : 'access.reloadText')}
        </p>
        {hold === 'reload' && (
          <button type="button" className="primary" onClick={() => globalThis.location.reload()}>
            {t('access.reload')}
          </button>
        )}
      </div>
    </section>
  )
}

// downloaded only when a learner asks to join again from outside the library, with the class
// server's texts (kept apart in ./locales/server)
const JoinForm = lazy(() =>
  Promise.all([
    import('../classroom/JoinForm.tsx'),
    i18n.loadSection('server').catch(() => {}),
  ]).then(([m]) => ({ default: m.JoinForm })),
)

/** Puts the keyboard in the first field of `within` once it is on the page (after the lazy form). */
function FocusFirstField({ within }: { readonly within: RefObject<HTMLElement | null> }) {
  useEffect(() => within.current?.querySelector('input')?.focus(), [within])
  return null
}

/**
 * The sign-in the server ended: sign in again (the same class code and learner ID). A learner at
 * an attempt can join again right here, without leaving it; in the library the join form is
 * already on the page.
 */
export function SessionEndedNotice() {
  const { t } = useTranslation()
  const titleId = useId()
  const ended = useStore(sessionStore, (s) => (s.user === null ? s.ended : null))
  const inLibrary = useStore(appStore, (s) => s.screen.name === 'library')
  const [joining, setJoining] = useState(false)
  const form = useRef<HTMLDivElement>(null)
  if (ended === null) return null
  const learner = ended.role === 'learner'
  return (
    <section className="access-notice" aria-labelledby={titleId} data-notice="session-ended">
      <div className="access-notice-row">
        <p role="alert">
          <strong id={titleId}>{t('access.sessionTitle')}</strong>{' '}
          {t(learner ? 'access.sessionLearner' : 'access.sessionStaff')}
        </p>
        {learner && !inLibrary && !joining && (
          <button type="button" className="primary" onClick={() => setJoining(true)}>
            {t('access.joinAgain')}
          </button>
        )}
        <button type="button" onClick={() => sessionStore.getState().dismissEnded()}>
          {t('access.hide')}
        </button>
      </div>
      {learner && !inLibrary && joining && (
        <div ref={form}>
          <Suspense fallback={<p>…</p>}>
            <JoinForm />
            <FocusFirstField within={form} />
          </Suspense>
        </div>
      )}
    </section>
  )
}

/**
 * Both notices, in one place at the foot of the window; during an attempt, over the scene, so the
 * side panel (checklist, hints) stays clear.
 */
export function AccessNotices() {
  const playing = useStore(appStore, (s) => s.screen.name === 'play')
  return (
    <div className={playing ? 'access-notices over-scene' : 'access-notices'}>
      <DatabaseNotice />
      <SessionEndedNotice />
    </div>
  )
}
