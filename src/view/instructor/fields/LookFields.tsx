// The fields of a component's look and mounting (spec amendment 1): the look picker, the parent
// picker, the look's settings generated from its parameter specs, and the names of its states.
// Each change is one undoable command (lookFields.ts and core/edit build them). One setting's
// input is in ParamInput.tsx (a list of points in PointsInput.tsx).
import { useId } from 'react'
import {
  getParentChoices,
  isUnder,
  mountCommand,
  type JsonObject,
  type JsonValue,
  type Problem,
} from '../../../core/index.ts'
import type { EditorStore } from '../../../state/editorStore.ts'
import { useTranslation } from '../../i18n/useTranslation.ts'
import {
  getParamFields,
  lookCommand,
  lookNameKey,
  looksFor,
  paramCommand,
  stateLabelCommand,
} from '../lookFields.ts'
import { FieldProblems } from './FieldProblems.tsx'
import { pathKey } from './fieldProps.ts'
import { ParamInput } from './ParamInput.tsx'
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
