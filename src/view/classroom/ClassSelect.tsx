import type { ReactNode, Ref } from 'react'

/** What a class is shown by in a list to choose from. */
export interface ClassChoice {
  readonly id: string
  readonly name: string
  readonly code: string
}

export interface ClassSelectProps {
  /** the words the list is named by (its label) */
  readonly label: ReactNode
  readonly classes: readonly ClassChoice[]
  /** the chosen class's id; '' for none */
  readonly value: string
  readonly onValue: (classId: string) => void
  /** what the empty choice says ("Choose…", "No class") */
  readonly none: string
  readonly selectRef?: Ref<HTMLSelectElement>
}

/** A list of classes to choose one from, each by its name and code. */
export function ClassSelect({ label, classes, value, onValue, none, selectRef }: ClassSelectProps) {
  return (
    <label>
      {label}
      <select ref={selectRef} value={value} onChange={(e) => onValue(e.target.value)}>
        <option value="">{none}</option>
        {classes.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name} ({c.code})
          </option>
        ))}
      </select>
    </label>
  )
}
