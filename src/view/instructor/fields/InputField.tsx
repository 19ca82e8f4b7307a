import { useId } from 'react'
import { describedBy, FieldHelp } from './FieldHelp.tsx'
import { FieldProblems } from './FieldProblems.tsx'
import { pathKey, type FieldProps } from './fieldProps.ts'

export interface InputFieldProps extends FieldProps {
  readonly type: 'string' | 'number' | 'boolean'
  readonly required?: boolean
}

/** A text, number or yes/no field. An emptied optional field is removed from the file. */
export function InputField({
  label,
  help,
  path,
  value,
  problems,
  onChange,
  type,
  required,
}: InputFieldProps) {
  const id = useId()
  const described = describedBy(id, help, problems)
  if (type === 'boolean') {
    return (
      <div className="field field-check">
        <label>
          <input
            type="checkbox"
            data-path={pathKey(path)}
            checked={value === true}
            onChange={(e) => onChange(e.target.checked ? true : undefined)}
            aria-describedby={described}
          />
          {label}
        </label>
        <FieldHelp id={`${id}-help`} help={help} />
        <FieldProblems id={`${id}-problems`} problems={problems} />
      </div>
    )
  }
  const text = value === undefined || value === null ? '' : String(value)
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <FieldHelp id={`${id}-help`} help={help} />
      <input
        id={id}
        data-path={pathKey(path)}
        type={type === 'number' ? 'number' : 'text'}
        step="any"
        value={text}
        aria-invalid={problems.length > 0}
        aria-describedby={described}
        onChange={(e) => {
          const raw = e.target.value
          if (raw === '') onChange(required ? (type === 'number' ? 0 : '') : undefined)
          else
            onChange(type === 'number' ? (Number.isFinite(Number(raw)) ? Number(raw) : raw) : raw)
        }}
      />
      <FieldProblems id={`${id}-problems`} problems={problems} />
    </div>
  )
}
