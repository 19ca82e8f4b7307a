import { formatPath, type Problem } from '../../core/index.ts'
import { problemText } from '../i18n/problemText.ts'
import { useTranslation } from '../i18n/useTranslation.ts'

export interface RefusedFileProblemsProps {
  readonly problems: readonly Problem[]
}

/**
 * Why a file was refused: each problem at its JSON path, in the interface language once the
 * problems' texts have arrived (problemText asks for them; useTranslation re-renders then).
 */
export function RefusedFileProblems({ problems }: RefusedFileProblemsProps) {
  const { t } = useTranslation()
  return (
    <ul>
      {problems.map((p, i) => (
        <li key={i}>
          <code>{formatPath(p.path)}</code>: {problemText(t, p)}
        </li>
      ))}
    </ul>
  )
}
