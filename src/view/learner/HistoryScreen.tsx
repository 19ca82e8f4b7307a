import { strToU8, zipSync } from 'fflate'
import { useEffect, useState } from 'react'
import { useStore } from 'zustand'
import {
  getStorageStatus,
  listStoredAttempts,
  toAttemptFile,
  type StoredAttempt,
} from '../../state/attemptJournal.ts'
import { appStore } from '../../state/appStore.ts'
import { isVisibleTo, sessionStore } from '../../state/classroom/sessionStore.ts'
import { downloadBlob, downloadJson, fileName } from '../download.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
import { LanguageSwitch } from '../panels/LanguageSwitch.tsx'
import { AttemptSavedStatus } from '../classroom/learner/AttemptSavedStatus.tsx'

/** The attempt's result: the server's own, once it has scored it, else this browser's. */
const resultOf = (a: StoredAttempt) => a.sync?.result ?? a.result

/** The attempts kept in this browser: reopen a result, download one or all, and where they are stored. */
export function HistoryScreen() {
  const { t } = useTranslation()
  const [attempts, setAttempts] = useState<StoredAttempt[] | undefined>()
  const [storage, setStorage] = useState<Awaited<ReturnType<typeof getStorageStatus>> | undefined>()
  const [refused, setRefused] = useState<string | null>(null)
  // only the signed-in person's attempts (with nobody signed in, those made so)
  const owner = useStore(sessionStore, (s) => s.user?.id)
  useEffect(() => {
    void listStoredAttempts().then((all) => setAttempts(all.filter((a) => isVisibleTo(a, owner))))
    void getStorageStatus(true).then(setStorage)
  }, [owner])
  const open = async (a: StoredAttempt) => {
    const opened = await appStore.getState().openStoredResult(a)
    setRefused(opened.ok ? null : opened.reason)
  }
  const downloadAll = async () => {
    const files: Record<string, Uint8Array> = {}
    for (const a of attempts ?? []) {
      files[`${fileName(a.scenario.id, a.learner.id, a.id)}.attempt.json`] = strToU8(
        JSON.stringify(await toAttemptFile(a), null, 2) + '\n',
      )
    }
    downloadBlob('practica-attempts.zip', new Blob([zipSync(files)], { type: 'application/zip' }))
  }
  const mb = (n: number | undefined) => (n === undefined ? '?' : (n / 1e6).toFixed(1))
  return (
    <main className="history-screen">
      <header className="bar">
        <h1>{t('history.title')}</h1>
        <LanguageSwitch />
        <button type="button" onClick={() => appStore.getState().backToLibrary()}>
          {t('result.backToLibrary')}
        </button>
      </header>
      <section className="storage" aria-label={t('history.storage')}>
        <p>
          {storage?.persisted ? t('history.persisted') : t('history.notPersisted')}{' '}
          {t('history.usage', { usage: mb(storage?.usage), quota: mb(storage?.quota) })}
        </p>
        <p className="reminder" role="note">
          {t('history.reminder')}
        </p>
        <button type="button" onClick={() => void downloadAll()} disabled={!attempts?.length}>
          {t('history.downloadAll')}
        </button>
      </section>
      {refused !== null && (
        <p className="banner bad" role="alert">
          {t('runtimeError.cannotOpen', { reason: refused })}
        </p>
      )}
      <ul className="history-list">
        {attempts?.map((a) => (
          <li key={a.id} data-attempt={a.id}>
            <strong>{a.scenario.id}</strong> · {a.learner.name || a.learner.id} ·{' '}
            {new Date(a.startedAt).toLocaleString()} ·{' '}
            {resultOf(a)
              ? `${resultOf(a)!.score.percent.toFixed(1)} % · ${t(`result.status.${resultOf(a)!.status}`)}`
              : t('history.notFinished')}{' '}
            <AttemptSavedStatus attemptId={a.id} />{' '}
            {a.finished && (
              <button type="button" onClick={() => void open(a)}>
                {t('history.open')}
              </button>
            )}{' '}
            <button
              type="button"
              onClick={() =>
                void toAttemptFile(a).then((file) =>
                  downloadJson(`${fileName(a.scenario.id, a.learner.id, a.id)}.attempt.json`, file),
                )
              }
            >
              {t('history.download')}
            </button>
          </li>
        ))}
      </ul>
    </main>
  )
}
