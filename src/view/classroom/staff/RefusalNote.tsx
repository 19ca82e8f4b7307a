import { formatPath } from '../../../core/index.ts'
import { problemsOf, type ApiRefusal } from '../../../state/classroom/staffApi.ts'
import { problemText } from '../../i18n/problemText.ts'
import { useTranslation } from '../../i18n/useTranslation.ts'
import { refusalText } from './refusalText.ts'

export interface RefusalNoteProps {
  readonly refusal: ApiRefusal | null
}

/** What the server refused and why, in plain words; a refused scenario's problems each on a line. */
export function RefusalNote({ refusal }: RefusalNoteProps) {
  const { t } = useTranslation()
  if (!refusal) return null
  const problems = problemsOf(refusal.details)
  return (
    <div className="staff-refusal" role="alert">
      <p>{refusalText(t, refusal)}</p>
      {problems.length > 0 && (
        <ul>
          {problems.map((p, i) => (
            <li key={i}>
              {p.path.length > 0 && <code>{formatPath(p.path)}</code>} {problemText(t, p)}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
