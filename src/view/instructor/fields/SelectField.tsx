import { useId } from 'react'
import { describedBy, FieldHelp } from './FieldHelp.tsx'
import { FieldProblems } from './FieldProblems.tsx'
import { pathKey, type FieldProps } from './fieldProps.ts'

export interface SelectFieldProps extends FieldProps {
  readonly options: readonly string[]
  /** Offer "(none)" to remove an optional field. */
  readonly optional?: boolean
  /** How a choice is shown (its plain words); the value itself by default. */
  readonly optionText?: (option: string) => string
}

/** A choice among known values: a kind, a state, a target, a severity. */
export function SelectField({
  label,
  help,
  path,
  value,
  problems,
  onChange,
  options,
  optional,
  optionText = (option) => option,
}: SelectFieldProps) {
  const id = useId()
  const current = typeof value === 'string' ? value : ''
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <FieldHelp id={`${id}-help`} help={help} />
      <select
        id={id}
        data-path={pathKey(path)}
        value={current}
        aria-invalid={problems.length > 0}
        aria-describedby={describedBy(id, help, problems)}
        onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
      >
        {(optional || !options.includes(current)) && (
          <option value="">{current && !options.includes(current) ? current : '—'}</option>
        )}
        {options.map((o) => (
          <option key={o} value={o}>
            {optionText(o)}
          </option>
        ))}
      </select>
      <FieldProblems id={`${id}-problems`} problems={problems} />
    </div>
  )
}
