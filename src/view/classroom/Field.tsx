import type { InputHTMLAttributes, ReactNode } from 'react'

export interface FieldProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'value' | 'onChange'
> {
  /** the words the field is named by (its label) */
  readonly label: ReactNode
  readonly value: string
  readonly onValue: (value: string) => void
}

/** A text field of the server's forms: its label's words, then the input (any input attribute). */
export function Field({ label, value, onValue, ...input }: FieldProps) {
  return (
    <label>
      {label}
      <input value={value} onChange={(e) => onValue(e.target.value)} {...input} />
    </label>
  )
}
