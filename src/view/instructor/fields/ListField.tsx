import { useId, useState } from 'react'
import { describedBy, FieldHelp } from './FieldHelp.tsx'
import { FieldProblems } from './FieldProblems.tsx'
import { pathKey, type FieldProps } from './fieldProps.ts'

/** A list of short strings (states, locales, tags), typed comma-separated. */
export function ListField({
  label,
  help,
  path,
  value,
  problems,
  onChange,
  required,
}: FieldProps & { readonly required?: boolean }) {
  const id = useId()
  const list = Array.isArray(value) ? (value as string[]) : []
  // keep what is typed (e.g. a trailing comma) until it parses to another list
  const [draft, setDraft] = useState(list.join(', '))
  const shown =
    draft
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .join('|') === list.join('|')
      ? draft
      : list.join(', ')
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <FieldHelp id={`${id}-help`} help={help} />
      <input
        id={id}
        data-path={pathKey(path)}
        aria-describedby={describedBy(id, help, problems)}
        value={shown}
        onChange={(e) => {
          setDraft(e.target.value)
          const next = e.target.value
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
          onChange(next.length === 0 && !required ? undefined : next)
        }}
      />
      <FieldProblems id={`${id}-problems`} problems={problems} />
    </div>
  )
}
