import { useState } from 'react'
import { useStore } from 'zustand'
import { exportResultJson, exportXapi } from '../../core/index.ts'
import type { ReviewItem } from '../../state/reviewImport.ts'
import { reviewStore } from '../../state/reviewStore.ts'
import { serverReview } from '../../state/classroom/reviewServer.ts'
import type { ApiRefusal } from '../../state/classroom/staffApi.ts'
import { downloadJson, downloadText, fileName } from '../download.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
import { ResultView } from '../panels/ResultView.tsx'
import { ScreenErrorBoundary } from '../panels/ScreenErrorBoundary.tsx'
import { RefusalNote } from '../classroom/staff/RefusalNote.tsx'
import { AttemptMessages } from './AttemptMessages.tsx'
import { ConfirmResult } from './ConfirmResult.tsx'
import { JudgementPanel } from './JudgementPanel.tsx'
import { MarkHistory } from './MarkHistory.tsx'
import { ReplayView } from './ReplayView.tsx'
import { Timeline } from './Timeline.tsx'

export interface AttemptDetailProps {
  readonly item: ReviewItem
}

/**
 * One attempt: its flags, timeline, 3D replay, result, judgement marks and downloads. An attempt
 * the scenario's mistake cut short has no result: it is replayed up to the mistake.
 */
export function AttemptDetail({ item }: AttemptDetailProps) {
  const { t } = useTranslation()
  const [jump, setJump] = useState<{ t: number } | null>(null)
  const [refusal, setRefusal] = useState<ApiRefusal | null>(null)
  // an attempt from the server has its marks saved there, with who and when, in an audit log
  const revision = useStore(serverReview, (s) => s.revisions[item.key])
  const saving = useStore(serverReview, (s) => s.saving[item.key] ?? false)
  const fromServer = revision !== undefined
  const { model, attempt, result } = item
  if (!model || !attempt) return null
  const onMark = (judgement: string, mark: number | null) => {
    if (!fromServer) return reviewStore.getState().mark(item.key, judgement, mark)
    setRefusal(null)
    void serverReview
      .getState()
      .mark(item.key, judgement, mark)
      .then((answer) => setRefusal(answer.ok ? null : answer.error))
  }
  const base = fileName(attempt.scenario.id, attempt.learner?.id ?? '', attempt.id)
  return (
    <ScreenErrorBoundary attempt={() => attempt}>
      <section className="attempt-detail" aria-label={t('review.detail')}>
        <h2>
          {attempt.learner?.name || attempt.learner?.id} — {model.scenario.id}{' '}
          {model.scenario.version}
        </h2>
        {item.mismatch && (
          <p className="flag-mismatch" role="alert">
            {t('review.mismatch')}
          </p>
        )}
        {result?.warnings.map((w, i) => (
          <p key={i} className="flag-warning">
            {w}
          </p>
        ))}
        <div className="detail-grid">
          <ReplayView model={model} attempt={attempt} jumpTo={jump} />
          <Timeline model={model} attempt={attempt} onJump={(ms) => setJump({ t: ms })} />
        </div>
        {fromServer && <AttemptMessages attemptId={attempt.id} />}
        {result && (
          <>
            <JudgementPanel model={model} attempt={attempt} onMark={onMark} />
            {fromServer && (
              <>
                <p role="status">{saving ? t('staff.review.saving') : ''}</p>
                <RefusalNote refusal={refusal} />
                {(model.scenario.judgements ?? []).length > 0 && (
                  <MarkHistory model={model} attemptId={attempt.id} revision={revision} />
                )}
                <ConfirmResult attemptId={attempt.id} status={result.status} revision={revision} />
              </>
            )}
            <ResultView model={model} result={result} attempt={attempt} />
          </>
        )}
        <div className="actions">
          <button type="button" onClick={() => downloadJson(`${base}.attempt.json`, attempt)}>
            {t('review.downloadAttempt')}
          </button>
          {result && (
            <>
              <button
                type="button"
                onClick={() =>
                  downloadText(`${base}.result.json`, exportResultJson(result), 'application/json')
                }
              >
                {t('result.downloadResult')}
              </button>
              <button
                type="button"
                onClick={() =>
                  downloadJson(`${base}.xapi.json`, exportXapi({ model, attempt, result }))
                }
              >
                {t('review.downloadXapi')}
              </button>
            </>
          )}
        </div>
      </section>
    </ScreenErrorBoundary>
  )
}
