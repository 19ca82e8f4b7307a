import { isAt, type JsonValue, type Problem } from '../../../core/index.ts'
import { ExprField } from './ExprField.tsx'
import { FieldHelp } from './FieldHelp.tsx'
import { FieldProblems } from './FieldProblems.tsx'
import { pathKey, type FieldProps } from './fieldProps.ts'
import { useTranslation } from '../../i18n/useTranslation.ts'

export interface SetMapFieldProps extends FieldProps {
  /** Components and variables that can be set. */
  readonly targets: readonly string[]
  readonly names: readonly string[]
  readonly allProblems: readonly Problem[]
}

/** A `set` map: which component or variable gets which expression, applied in order. */
export function SetMapField({
  label,
  help,
  path,
  value,
  problems,
  onChange,
  targets,
  names,
  allProblems,
}: SetMapFieldProps) {
  const { t } = useTranslation()
  const entries =
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.entries(value as Record<string, JsonValue>)
      : []
  const write = (next: [string, JsonValue][]) => onChange(Object.fromEntries(next))
  const unused = targets.filter((name) => !entries.some(([k]) => k === name))
  return (
    <fieldset
      className="field field-setmap"
      aria-describedby={help ? `${pathKey(path)}-help` : undefined}
    >
      <legend>{label}</legend>
      <FieldHelp id={`${pathKey(path)}-help`} help={help} />
      {entries.map(([key, expr], i) => (
        <div key={key} className="setmap-row">
          <select
            aria-label={t('editor.setTarget', { label, n: i + 1 })}
            value={key}
            onChange={(e) => write(entries.map((x, j) => (j === i ? [e.target.value, x[1]] : x)))}
          >
            {[key, ...unused].map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
          <span>=</span>
          <ExprField
            label={t('editor.setValue', { name: key })}
            path={[...path, key]}
            value={expr}
            names={names}
            required
            problems={allProblems.filter((p) => isAt(p, [...path, key]))}
            onChange={(v) => write(entries.map((x, j) => (j === i ? [x[0], v ?? ''] : x)))}
          />
          <button
            type="button"
            aria-label={t('editor.removeSet', { name: key })}
            onClick={() => write(entries.filter((_, j) => j !== i))}
          >
            ×
          </button>
        </div>
      ))}
      {unused.length > 0 && (
        <button type="button" onClick={() => write([...entries, [unused[0]!, "''"]])}>
          {t('editor.addSet', { label })}
        </button>
      )}
      <FieldProblems id={`${pathKey(path)}-problems`} problems={problems} />
    </fieldset>
  )
}
