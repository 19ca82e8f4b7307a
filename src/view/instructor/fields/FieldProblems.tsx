import type { Problem } from '../../../core/index.ts'

export interface FieldProblemsProps {
  readonly id: string
  readonly problems: readonly Problem[]
}

/** The engine's messages about one field, under it. */
export function FieldProblems({ id, problems }: FieldProblemsProps) {
  if (problems.length === 0) return null
  return (
    <ul className="field-problems" id={id} role="alert">
      {problems.map((p, i) => (
        <li key={i}>{p.message}</li>
      ))}
    </ul>
  )
}
