import { pathKey, type FieldProps } from './fieldProps.ts'
import { FieldHelp } from './FieldHelp.tsx'
import { FieldProblems } from './FieldProblems.tsx'

/** Three numbers (a position or a rotation), with a step that snaps to the grid. */
export function Vec3Field({
  label,
  help,
  path,
  value,
  problems,
  onChange,
  step = 0.05,
}: FieldProps & { readonly step?: number }) {
  const v = Array.isArray(value) && value.length === 3 ? (value as number[]) : [0, 0, 0]
  return (
    <fieldset
      className="field field-vec3"
      aria-describedby={help ? `${pathKey(path)}-help` : undefined}
    >
      <legend>{label}</legend>
      <FieldHelp id={`${pathKey(path)}-help`} help={help} />
      {(['x', 'y', 'z'] as const).map((axis, i) => (
        <label key={axis}>
          {axis}
          <input
            type="number"
            step={step}
            data-path={pathKey([...path, i])}
            value={v[i] ?? 0}
            onChange={(e) => {
              const next = [...v]
              next[i] = Number(e.target.value) || 0
              onChange(next)
            }}
          />
        </label>
      ))}
      <FieldProblems id={`${pathKey(path)}-problems`} problems={problems} />
    </fieldset>
  )
}
