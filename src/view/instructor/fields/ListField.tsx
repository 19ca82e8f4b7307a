import { useState } from 'react'
import { FieldProblems } from './FieldProblems.tsx'
import { pathKey, type FieldProps } from './fieldProps.ts'

/** A list of short strings (states, locales, tags), typed comma-separated. */
export function ListField({
  label,
  path,
  value,
  problems,
  onChange,
  required,
}: FieldProps & { readonly required?: boolean }) {
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
      <label>
        {label}
        <input
          data-path={pathKey(path)}
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
      </label>
      <FieldProblems id={`${pathKey(path)}-problems`} problems={problems} />
    </div>
  )
}
