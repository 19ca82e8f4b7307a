import type { FormEvent } from 'react'
import { useTranslation } from '../../i18n/useTranslation.ts'
import { Field } from '../Field.tsx'
import type { ForwardFields } from './useLrsForward.ts'

export interface LrsForwardFormProps {
  readonly fields: ForwardFields
  readonly onChange: (change: Partial<ForwardFields>) => void
  /** whether the server already keeps a secret (then one need not be typed again) */
  readonly configured: boolean
  /** what to fix before it is sent, in the admin's language */
  readonly mistake: string | null
  readonly onSave: (e: FormEvent) => void
}

/** The forwarding card's settings: the LRS address, its user name and secret, paused or not. */
export function LrsForwardForm({
  fields,
  onChange,
  configured,
  mistake,
  onSave,
}: LrsForwardFormProps) {
  const { t } = useTranslation()
  return (
    <>
      {/* noValidate: the card's own check says what to fix, in the admin's language */}
      <form className="staff-form" aria-labelledby="lrs-forward-title" noValidate onSubmit={onSave}>
        <Field
          label={t('lrsForward.form.endpoint')}
          value={fields.endpoint}
          onValue={(endpoint) => onChange({ endpoint })}
          type="url"
          placeholder="https://lrs.school.example.org/xapi/"
          aria-describedby="lrs-forward-hint"
          aria-invalid={mistake !== null}
        />
        <p id="lrs-forward-hint" className="muted">
          {t('lrsForward.form.endpointHint')}
        </p>
        <Field
          label={t('lrsForward.form.username')}
          value={fields.username}
          onValue={(username) => onChange({ username })}
          maxLength={200}
          autoComplete="off"
        />
        <Field
          label={configured ? t('lrsForward.form.secretKept') : t('lrsForward.form.secret')}
          value={fields.secret}
          onValue={(secret) => onChange({ secret })}
          type="password"
          maxLength={500}
          autoComplete="new-password"
        />
        <label className="check">
          <input
            type="checkbox"
            checked={fields.paused}
            onChange={(e) => onChange({ paused: e.target.checked })}
          />
          {t('lrsForward.form.paused')}
        </label>
        <button type="submit">{t('lrsForward.form.save')}</button>
      </form>
      {mistake && <p role="alert">{mistake}</p>}
    </>
  )
}
