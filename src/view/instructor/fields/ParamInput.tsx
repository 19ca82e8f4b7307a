// One setting of a look in the editor (LookFields.tsx lists them): its label with the unit, the
// control by the setting's type, the button back to the default, and the problems found there.
import { useId } from 'react'
import type { JsonValue, Problem } from '../../../core/index.ts'
import { useTranslation } from '../../i18n/useTranslation.ts'
import { canClear, parseParamInput, type ParamField } from '../lookFields.ts'
import { FieldProblems } from './FieldProblems.tsx'
import { pathKey } from './fieldProps.ts'
import { PointsInput } from './PointsInput.tsx'

interface ParamInputProps {
  readonly field: ParamField
  readonly path: (string | number)[]
  readonly value: JsonValue | undefined
  readonly components: readonly string[]
  readonly problems: readonly Problem[]
  readonly onChange: (value: JsonValue | undefined) => void
}

/** A param's name in plain words, with its unit. */
function useParamLabel(field: ParamField): string {
  const { t } = useTranslation()
  const name = t(`editor.params.${field.key}`, { defaultValue: field.key })
  const unit = field.spec.type === 'number' ? field.spec.unit : undefined
  return unit === undefined ? name : `${name} (${t(`editor.units.${unit}`)})`
}

export function ParamInput({
  field,
  path,
  value,
  components,
  problems,
  onChange,
}: ParamInputProps) {
  const { t } = useTranslation()
  const id = useId()
  const label = useParamLabel(field)
  const { spec } = field
  const describedBy = problems.length > 0 ? `${id}-problems` : undefined
  const clear = canClear(field, value) && (
    <button type="button" className="link-button" onClick={() => onChange(undefined)}>
      {t('editor.useDefault')}
      <span className="sr-only"> ({label})</span>
    </button>
  )
  if (spec.type === 'points')
    return (
      <PointsInput
        label={label}
        path={path}
        value={value}
        spec={spec}
        problems={problems}
        onChange={onChange}
      />
    )
  const common = {
    id,
    'data-path': pathKey(path),
    'aria-invalid': problems.length > 0,
    'aria-describedby': describedBy,
  }
  const input = (
    <ParamControl
      field={field}
      common={common}
      value={value}
      components={components}
      onChange={onChange}
    />
  )
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {input}
      {clear}
      <FieldProblems id={`${id}-problems`} problems={problems} />
    </div>
  )
}

interface ParamControlProps {
  readonly field: ParamField
  /** The attributes every control of a param has: its id, path, and what describes it. */
  readonly common: {
    readonly id: string
    readonly 'data-path': string
    readonly 'aria-invalid': boolean
    readonly 'aria-describedby': string | undefined
  }
  readonly value: JsonValue | undefined
  readonly components: readonly string[]
  readonly onChange: (value: JsonValue | undefined) => void
}

/** The control of one look setting by its type: a number, a yes/no or a choice, a part. */
function ParamControl({ field, common, value, components, onChange }: ParamControlProps) {
  const { t } = useTranslation()
  const { spec } = field
  switch (spec.type) {
    case 'number':
    case 'integer':
      return (
        <input
          {...common}
          type="number"
          min={spec.min}
          max={spec.max}
          step={spec.type === 'integer' ? 1 : 'any'}
          placeholder={t('editor.defaultIs', { value: field.placeholder })}
          value={typeof value === 'number' || typeof value === 'string' ? String(value) : ''}
          onChange={(e) => onChange(parseParamInput(spec, e.target.value))}
        />
      )
    case 'boolean':
    case 'choice': {
      const options =
        spec.type === 'boolean'
          ? [
              ['true', t('editor.yes')],
              ['false', t('editor.no')],
            ]
          : spec.choices.map((c) => [c, t(`editor.choices.${c}`, { defaultValue: c })])
      const shownDefault =
        spec.type === 'boolean'
          ? t(spec.default ? 'editor.yes' : 'editor.no')
          : t(`editor.choices.${spec.default}`, { defaultValue: spec.default })
      return (
        <select
          {...common}
          value={value === undefined ? '' : String(value)}
          onChange={(e) => onChange(parseParamInput(spec, e.target.value))}
        >
          <option value="">{t('editor.defaultIs', { value: shownDefault })}</option>
          {options.map(([v, text]) => (
            <option key={v} value={v}>
              {text}
            </option>
          ))}
        </select>
      )
    }
    case 'component':
      return (
        <select
          {...common}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
        >
          <option value="">{t('editor.componentNone')}</option>
          {typeof value === 'string' && !components.includes(value) && (
            <option value={value}>{value}</option>
          )}
          {components.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      )
  }
  return null
}
