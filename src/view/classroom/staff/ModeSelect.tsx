import type { AssignmentMode } from '../../../state/classroom/staffApi.ts'
import { useTranslation } from '../../i18n/useTranslation.ts'

export interface ModeSelectProps {
  readonly value: AssignmentMode
  readonly onValue: (mode: AssignmentMode) => void
}

/** An assignment's mode: practice (checklist and hints) or assessment (no help, timed). */
export function ModeSelect({ value, onValue }: ModeSelectProps) {
  const { t } = useTranslation()
  return (
    <label>
      {t('staff.assignments.mode')}
      <select value={value} onChange={(e) => onValue(e.target.value as AssignmentMode)}>
        <option value="practice">{t('staff.mode.practice')}</option>
        <option value="assessment">{t('staff.mode.assessment')}</option>
      </select>
    </label>
  )
}
