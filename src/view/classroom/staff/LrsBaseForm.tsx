import { useState, type FormEvent } from 'react'
import { activityBaseProblem } from '../../../core/index.ts'
import { lrsAdminApi, type LrsSettings } from '../../../state/classroom/lrsAdmin.ts'
import type { ApiRefusal } from '../../../state/classroom/staffApi.ts'
import { useTranslation } from '../../i18n/useTranslation.ts'
import { Field } from '../Field.tsx'

export interface LrsBaseFormProps {
  /** the server's LRS settings, null until read */
  readonly settings: LrsSettings | null
  /** the web address typed so far (the card fills it with the saved one when it reads it) */
  readonly base: string
  readonly onBase: (base: string) => void
  /** the settings the server kept */
  readonly onSettings: (settings: LrsSettings) => void
  readonly onRefusal: (refusal: ApiRefusal | null) => void
}

/**
 * The LRS card's form for the web address that names Practica's activities: a warning while it is
 * not set, the address checked before it is sent, and what was saved.
 */
export function LrsBaseForm({ settings, base, onBase, onSettings, onRefusal }: LrsBaseFormProps) {
  const { t } = useTranslation()
  const [mistake, setMistake] = useState<string | null>(null)
  const [saved, setSaved] = useState(false)

  const save = async (e: FormEvent) => {
    e.preventDefault()
    setSaved(false)
    onRefusal(null)
    const problem = activityBaseProblem(base)
    if (problem) return setMistake(t(`lrs.base.problem.${problem}`))
    setMistake(null)
    const answer = await lrsAdminApi.saveActivityBase(base.trim())
    if (!answer.ok) return onRefusal(answer.error)
    onSettings(answer.value)
    onBase(answer.value.activityBase ?? '')
    setSaved(true)
  }

  return (
    <>
      <h3 id="lrs-base-title">{t('lrs.base.title')}</h3>
      {settings && settings.activityBase === null && (
        <p className="lrs-warning" role="note">
          {t('lrs.base.notSet')}
        </p>
      )}
      <form className="staff-form" aria-labelledby="lrs-base-title" onSubmit={(e) => void save(e)}>
        <Field
          label={t('lrs.base.label')}
          value={base}
          onValue={onBase}
          type="url"
          placeholder="https://school.example.org/practica"
          aria-describedby="lrs-base-hint"
          aria-invalid={mistake !== null}
        />
        <button type="submit">{t('lrs.base.save')}</button>
      </form>
      <p id="lrs-base-hint" className="muted">
        {t('lrs.base.hint')}
      </p>
      {mistake && <p role="alert">{mistake}</p>}
      <p role="status">
        {saved && settings?.activityBase
          ? t('lrs.base.saved', { base: settings.activityBase })
          : ''}
      </p>
    </>
  )
}
