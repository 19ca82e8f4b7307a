import type { JsonValue } from '../../../core/index.ts'
import { FieldHelp } from './FieldHelp.tsx'
import { FieldProblems } from './FieldProblems.tsx'
import { pathKey, type FieldProps } from './fieldProps.ts'
import { useTranslation } from '../../i18n/useTranslation.ts'

export interface ChoicesFieldProps extends FieldProps {
  readonly options: readonly string[]
  /** Each chosen id carries a weight (a step's competencies); weight 1 is written as the plain id. */
  readonly weighted?: boolean
}

type Choice = { id: string; weight: number }

/** Several ids picked from a list: a step's prerequisites, the competencies of a step or hazard. */
export function ChoicesField({
  label,
  help,
  path,
  value,
  problems,
  onChange,
  options,
  weighted,
}: ChoicesFieldProps) {
  const { t } = useTranslation()
  const chosen: Choice[] = Array.isArray(value)
    ? value.map((v) =>
        typeof v === 'string'
          ? { id: v, weight: 1 }
          : {
              id: String((v as { id?: unknown }).id),
              weight: Number((v as { weight?: unknown }).weight ?? 1),
            },
      )
    : []
  const write = (next: Choice[]) => {
    const out: JsonValue[] = next.map((c) =>
      c.weight === 1 ? c.id : { id: c.id, weight: c.weight },
    )
    onChange(out.length === 0 ? undefined : out)
  }
  return (
    <fieldset
      className="field field-choices"
      data-path={pathKey(path)}
      aria-describedby={help ? `${pathKey(path)}-help` : undefined}
    >
      <legend>{label}</legend>
      <FieldHelp id={`${pathKey(path)}-help`} help={help} />
      {options.length === 0 && <span className="muted">—</span>}
      {options.map((o) => {
        const c = chosen.find((x) => x.id === o)
        return (
          <label key={o}>
            <input
              type="checkbox"
              checked={c !== undefined}
              onChange={(e) =>
                write(
                  e.target.checked
                    ? [...chosen, { id: o, weight: 1 }]
                    : chosen.filter((x) => x.id !== o),
                )
              }
            />
            {o}
            {weighted && c && (
              <input
                type="number"
                className="weight"
                min={0}
                step={0.1}
                value={c.weight}
                aria-label={t('editor.weightOf', { name: o })}
                onChange={(e) =>
                  write(
                    chosen.map((x) =>
                      x.id === o ? { ...x, weight: Number(e.target.value) || 0 } : x,
                    ),
                  )
                }
              />
            )}
          </label>
        )
      })}
      <FieldProblems id={`${pathKey(path)}-problems`} problems={problems} />
    </fieldset>
  )
}
