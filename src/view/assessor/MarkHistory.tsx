import { useEffect, useState } from 'react'
import type { Model } from '../../core/index.ts'
import { serverReview } from '../../state/classroom/reviewServer.ts'
import type { ApiRefusal, AuditEntry } from '../../state/classroom/staffApi.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
import { RefusalNote } from '../classroom/staff/RefusalNote.tsx'
import { formatWhen } from '../classroom/staff/words.ts'
import { useScenarioText } from '../useScenarioText.ts'

export interface MarkHistoryProps {
  readonly model: Model
  readonly attemptId: string
  /** the stored result's revision: the log is read again when it changes */
  readonly revision: number | null
}

/** Every change to this attempt's judgement marks, as the server logged it: what, from, to, who, when. */
export function MarkHistory({ model, attemptId, revision }: MarkHistoryProps) {
  const { t, i18n } = useTranslation()
  const names = useScenarioText(model)
  const titleOf = (id: string) => {
    const judgement = model.scenario.judgements?.find((j) => j.id === id)
    return judgement ? names.text(judgement.title) : id
  }
  const [entries, setEntries] = useState<readonly AuditEntry[] | null>(null)
  const [refusal, setRefusal] = useState<ApiRefusal | null>(null)

  useEffect(() => {
    let live = true
    void serverReview
      .getState()
      .audit(attemptId)
      .then((answer) => {
        if (!live) return
        if (answer.ok) {
          setEntries(answer.value)
          setRefusal(null)
        } else setRefusal(answer.error)
      })
    return () => {
      live = false
    }
  }, [attemptId, revision])

  const mark = (m: number | null) => (m === null ? t('result.notMarked') : String(m))
  return (
    <details className="mark-history">
      <summary>{t('staff.review.history', { count: entries?.length ?? 0 })}</summary>
      <RefusalNote refusal={refusal} />
      {entries && entries.length === 0 && <p>{t('staff.review.noHistory')}</p>}
      {entries && entries.length > 0 && (
        <table className="staff-table">
          <thead>
            <tr>
              <th scope="col">{t('staff.review.aspect')}</th>
              <th scope="col">{t('staff.review.from')}</th>
              <th scope="col">{t('staff.review.to')}</th>
              <th scope="col">{t('staff.review.by')}</th>
              <th scope="col">{t('staff.review.when')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e, i) => (
              <tr key={i}>
                <td>{titleOf(e.judgement)}</td>
                <td>{mark(e.oldMark)}</td>
                <td>{mark(e.newMark)}</td>
                <td>{e.by ?? '—'}</td>
                <td>{formatWhen(e.at, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  )
}
