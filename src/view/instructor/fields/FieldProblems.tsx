import type { Problem } from '../../../core/index.ts'
import { problemText } from '../../i18n/problemText.ts'
import { useTranslation } from '../../i18n/useTranslation.ts'

export interface FieldProblemsProps {
  readonly id: string
  readonly problems: readonly Problem[]
}

/** The engine's problems with one field, under it, in the interface language. */
export function FieldProblems({ id, problems }: FieldProblemsProps) {
  const { t } = useTranslation()
  if (problems.length === 0) return null
  return (
    // the alert around the list: a list that is an alert is no list to a screen reader
    <div id={id} role="alert">
      <ul className="field-problems">
        {problems.map((p, i) => (
          <li key={i}>{problemText(t, p)}</li>
        ))}
      </ul>
    </div>
  )
}
