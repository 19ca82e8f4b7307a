// The fields of a component's look and mounting (spec amendment 1): the look picker, the parent
// picker, the look's settings generated from its parameter specs, and the names of its states.
// Each change is one undoable command (lookFields.ts and core/edit build them).
import { useId } from 'react'
import {
  getParentChoices,
  isUnder,
  mountCommand,
  type JsonObject,
  type JsonValue,
  type LookParam,
  type Problem,
} from '../../../core/index.ts'
import type { EditorStore } from '../../../state/editorStore.ts'
import { useTranslation } from '../../i18n/useTranslation.ts'
import {
  canClear,
  getParamFields,
  lookCommand,
  lookNameKey,
  looksFor,
  paramCommand,
  parseParamInput,
  stateLabelCommand,
  type ParamField,
} from '../lookFields.ts'
import { FieldProblems } from './FieldProblems.tsx'
import { pathKey } from './fieldProps.ts'
import { TextField } from './TextField.tsx'

type Obj = Record<string, JsonValue>

interface ComponentFieldProps {
  readonly store: EditorStore
  readonly doc: JsonObject
  readonly index: number
  readonly element: Obj
  readonly problems: readonly Problem[]
}

const under = (problems: readonly Problem[], path: (string | number)[]) =>
  problems.filter((p) => isUnder(p, path))

/** The look picker: the kind's looks by their plain names, or none (the kind's plain shape). */
export function LookField({ store, index, element, problems }: ComponentFieldProps) {
  const { t } = useTranslation()
  const looks = looksFor(element['kind'])
  return (
    <PickerField
      path={['components', index, 'look']}
      current={element['look']}
      choices={looks.map((look) => [look, t(lookNameKey(look), { defaultValue: look })])}
      label={t('editor.look')}
      none={t('editor.lookNone')}
      help={t('editor.lookHelp')}
      problems={problems}
      onPick={(look) => store.getState().run(lookCommand(element, index, look))}
    />
  )
}

/** The parent picker: nothing, or any other component that would not make a cycle. */
export function ParentField({ store, doc, index, element, problems }: ComponentFieldProps) {
  const { t } = useTranslation()
  return (
    <PickerField
      path={['components', index, 'parent']}
      current={element['parent']}
      choices={getParentChoices(doc, index).map((c) => [c, c])}
      label={t('editor.parent')}
      none={t('editor.parentNone')}
      help={t('editor.parentHelp')}
      problems={problems}
      onPick={(parent) => {
        const doc = store.getState().history.doc
        store.getState().run(mountCommand(doc, index, parent))
      }}
    />
  )
}

interface PickerFieldProps {
  readonly path: (string | number)[]
  /** The value in the document; a text not among the choices is still shown, as itself. */
  readonly current: JsonValue | undefined
  /** Each choice as its value and the words shown for it. */
  readonly choices: readonly (readonly [value: string, text: string])[]
  readonly label: string
  /** The words of the empty choice (the field unset). */
  readonly none: string
  readonly help: string
  /** The problems of the whole form: those under `path` are shown here. */
  readonly problems: readonly Problem[]
  /** A choice made (undefined: the empty one). */
  readonly onPick: (value: string | undefined) => void
}

/** A labelled choice of one value or none, with a line of help and the problems found there. */
function PickerField(props: PickerFieldProps) {
  const { path, choices, problems } = props
  const id = useId()
  const current = typeof props.current === 'string' ? props.current : ''
  const own = under(problems, path)
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        data-path={pathKey(path)}
        value={current}
        aria-invalid={own.length > 0}
        aria-describedby={`${id}-help`}
        onChange={(e) => props.onPick(e.target.value === '' ? undefined : e.target.value)}
      >
        <option value="">{props.none}</option>
        {current !== '' && !choices.some(([value]) => value === current) && (
          <option value={current}>{current}</option>
        )}
        {choices.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
      <p className="muted field-help" id={`${id}-help`}>
        {props.help}
      </p>
      <FieldProblems id={`${id}-problems`} problems={own} />
    </div>
  )
}

/** The look's settings, one field per parameter of its spec; none for a look without any. */
export function ParamsField({ store, doc, index, element, problems }: ComponentFieldProps) {
  const { t } = useTranslation()
  const fields = getParamFields(element['look'])
  if (fields.length === 0) return null
  const params = element['params']
  const values: Obj = params && typeof params === 'object' && !Array.isArray(params) ? params : {}
  const others = ((doc['components'] ?? []) as Obj[])
    .map((c) => c['id'])
    .filter((c): c is string => typeof c === 'string' && c !== element['id'])
  const path = ['components', index, 'params']
  // problems with the params object itself (an unknown key, too many keys)
  const own = problems.filter(
    (p) => isUnder(p, path) && !fields.some((f) => isUnder(p, [...path, f.key])),
  )
  return (
    <fieldset className="field field-params">
      <legend>{t('editor.lookSettings')}</legend>
      {fields.map((field) => (
        <ParamInput
          key={field.key}
          field={field}
          path={[...path, field.key]}
          value={values[field.key]}
          components={others}
          problems={under(problems, [...path, field.key])}
          onChange={(v) => store.getState().run(paramCommand(element, index, field.key, v))}
        />
      ))}
      <FieldProblems id={`${pathKey(path)}-problems`} problems={own} />
    </fieldset>
  )
}

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

function ParamInput({ field, path, value, components, problems, onChange }: ParamInputProps) {
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

interface PointsInputProps {
  readonly label: string
  readonly path: (string | number)[]
  readonly value: JsonValue | undefined
  readonly spec: Extract<LookParam, { type: 'points' }>
  readonly problems: readonly Problem[]
  readonly onChange: (value: JsonValue | undefined) => void
}

/** A list of x, y, z rows (a pipe's points), with a row added or removed by a button. */
function PointsInput({ label, path, value, spec, problems, onChange }: PointsInputProps) {
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

interface StateLabelsFieldProps extends ComponentFieldProps {
  readonly states: readonly string[]
  readonly locales: readonly string[]
}

/** The name a learner sees for each state, in every language of the scenario. */
export function StateLabelsField({
  store,
  index,
  element,
  problems,
  states,
  locales,
}: StateLabelsFieldProps) {
  const { t } = useTranslation()
  const labels = element['stateLabels']
  const values: Obj = labels && typeof labels === 'object' && !Array.isArray(labels) ? labels : {}
  const path = ['components', index, 'stateLabels']
  const own = problems.filter(
    (p) => isUnder(p, path) && !states.some((s) => isUnder(p, [...path, s])),
  )
  if (states.length === 0) return null
  return (
    <fieldset className="field field-state-labels">
      <legend>{t('editor.stateLabels')}</legend>
      <p className="muted field-help">{t('editor.stateLabelsHelp')}</p>
      {states.map((state) => (
        <TextField
          key={state}
          label={t('editor.stateName', { state })}
          path={[...path, state]}
          value={values[state]}
          locales={locales}
          problems={under(problems, [...path, state])}
          onChange={(v) => store.getState().run(stateLabelCommand(element, index, state, v))}
        />
      ))}
      <FieldProblems id={`${pathKey(path)}-problems`} problems={own} />
    </fieldset>
  )
}
