// What every editor field gets: where in the document it edits, its current value, the problems
// the engine reports there, and how to change it (each change is one undoable command).
import type { JsonPath, JsonValue, Problem } from '../../../core/index.ts'

export interface FieldProps<T extends JsonValue | undefined = JsonValue | undefined> {
  readonly label: string
  /** One line under the label that says in plain words what the field does. */
  readonly help?: string | undefined
  readonly path: JsonPath
  readonly value: T
  /** Problems whose path is this field's (or below it). */
  readonly problems: readonly Problem[]
  /** Sets the value; undefined removes an optional field. Typing into one field merges into one undo step. */
  readonly onChange: (value: JsonValue | undefined) => void
}

/** The path as the engine's problems write it, for matching problems to fields. */
export { formatPath as pathKey } from '../../../core/index.ts'
