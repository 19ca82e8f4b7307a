import type { ReactNode } from 'react'
import { useTranslation } from '../../i18n/useTranslation.ts'

export interface ConfirmBoxProps {
  /** what the dialog is named by (screen readers say it when it opens) */
  readonly label: string
  /** what doing it means */
  readonly warning: ReactNode
  /** the words of the button that does it */
  readonly confirm: string
  readonly onConfirm: () => void
  readonly onCancel: () => void
}

/** Asks before a step that cannot be undone (delete, close): the warning, do it, or cancel. */
export function ConfirmBox({ label, warning, confirm, onConfirm, onCancel }: ConfirmBoxProps) {
  const { t } = useTranslation()
  return (
    <div className="confirm-box" role="alertdialog" aria-label={label}>
      <p>{warning}</p>
      <button type="button" className="danger" autoFocus onClick={onConfirm}>
        {confirm}
      </button>
      <button type="button" onClick={onCancel}>
        {t('staff.cancel')}
      </button>
    </div>
  )
}
