import { useEffect, useState } from 'react'
import { useStore } from 'zustand'
import {
  deleteStoredAttempt,
  listStoredAttempts,
  type StoredAttempt,
} from '../../state/attemptJournal.ts'
import { appStore } from '../../state/appStore.ts'
import { isVisibleTo, sessionStore } from '../../state/classroom/sessionStore.ts'
import { useTranslation } from '../i18n/useTranslation.ts'

/**
 * Attempts left unfinished in this browser (a crash, a closed lid): resume or discard each. Only
 * the signed-in person's (or, with nobody signed in, those made with nobody signed in).
 */
export function UnfinishedAttempts() {
  const { t } = useTranslation()
  const [open, setOpen] = useState<StoredAttempt[]>([])
  const [discarding, setDiscarding] = useState<string | null>(null)
  const owner = useStore(sessionStore, (s) => s.user?.id)
  const refresh = () =>
    void listStoredAttempts().then((all) =>
      setOpen(all.filter((a) => !a.finished && isVisibleTo(a, owner))),
    )
  useEffect(refresh, [owner])
  if (open.length === 0) return null
  return (
    <section className="unfinished" role="region" aria-label={t('history.unfinished')}>
      <h2>{t('history.unfinished')}</h2>
      <ul>
        {open.map((a) => (
          <li key={a.id} data-attempt={a.id}>
            <span>
              {a.scenario.id} · {a.learner.name || a.learner.id} ·{' '}
              {new Date(a.startedAt).toLocaleString()}
            </span>{' '}
            <button
              type="button"
              className="primary"
              onClick={() => void appStore.getState().resume(a)}
            >
              {t('history.resume')}
            </button>{' '}
            {discarding === a.id ? (
              <span role="group" aria-label={t('history.discardConfirm')}>
                {t('history.discardConfirm')}{' '}
                <button type="button" onClick={() => void deleteStoredAttempt(a.id).then(refresh)}>
                  {t('history.discard')}
                </button>
                <button type="button" onClick={() => setDiscarding(null)}>
                  {t('play.cancel')}
                </button>
              </span>
            ) : (
              <button type="button" onClick={() => setDiscarding(a.id)}>
                {t('history.discard')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}
