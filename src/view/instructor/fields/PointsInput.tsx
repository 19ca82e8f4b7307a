// A look setting that is a list of points (a pipe's path), edited as x, y, z rows.
import type { JsonValue, LookParam, Problem } from '../../../core/index.ts'
import { useTranslation } from '../../i18n/useTranslation.ts'
import { FieldProblems } from './FieldProblems.tsx'
import { pathKey } from './fieldProps.ts'

interface PointsInputProps {
  readonly label: string
  readonly path: (string | number)[]
  readonly value: JsonValue | undefined
  readonly spec: Extract<LookParam, { type: 'points' }>
  readonly problems: readonly Problem[]
  readonly onChange: (value: JsonValue | undefined) => void
}

/** A list of x, y, z rows (a pipe's points), with a row added or removed by a button. */
export function PointsInput({ label, path, value, spec, problems, onChange }: PointsInputProps) {
  const { t } = useTranslation()
  const rows = (Array.isArray(value) ? value : []) as JsonValue[]
  const point = (row: JsonValue): number[] =>
    Array.isArray(row) ? row.map((v) => (typeof v === 'number' ? v : 0)) : [0, 0, 0]
  const set = (next: JsonValue[]) => onChange(next.length === 0 ? undefined : next)
  const add = () => {
    const last = rows.length > 0 ? point(rows[rows.length - 1]!) : [0, 0, 0]
    set([...rows, [Number(((last[0] ?? 0) + 0.5).toFixed(4)), last[1] ?? 0, last[2] ?? 0]])
  }
  return (
    <fieldset className="field field-points">
      <legend>{label}</legend>
      {spec.type === 'points' && path[path.length - 1] === 'points' && (
        <p className="muted field-help">{t('editor.dragPoints')}</p>
      )}
      <ol>
        {rows.map((row, i) => {
          const p = point(row)
          return (
            <li key={i} className="field-vec3">
              <span className="points-row">{t('editor.pointsRow', { n: i + 1 })}</span>
              {(['x', 'y', 'z'] as const).map((axis, k) => (
                <label key={axis}>
                  {axis}
                  <input
                    type="number"
                    step={0.05}
                    data-path={pathKey([...path, i, k])}
                    aria-label={`${label}: ${t('editor.pointsRow', { n: i + 1 })} ${axis}`}
                    value={p[k] ?? 0}
                    onChange={(e) => {
                      const next = [...p]
                      next[k] = Number(e.target.value) || 0
                      set(rows.map((r, j) => (j === i ? next : r)))
                    }}
                  />
                </label>
              ))}
              <button
                type="button"
                disabled={rows.length <= spec.minItems}
                aria-label={t('editor.removePoint', { n: i + 1 })}
                onClick={() => set(rows.filter((_, j) => j !== i))}
              >
                ×
              </button>
            </li>
          )
        })}
      </ol>
      <button type="button" disabled={rows.length >= spec.maxItems} onClick={add}>
        {t('editor.addPoint')}
      </button>
      <FieldProblems id={`${pathKey(path)}-problems`} problems={problems} />
    </fieldset>
  )
}
