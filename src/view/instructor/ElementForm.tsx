import { useState, type ReactNode } from 'react'
import {
  getActions,
  getKindInfo,
  getStates,
  isAt,
  isUnder,
  type Collection,
  type Component,
  type JsonObject,
  type JsonValue,
  type Problem,
} from '../../core/index.ts'
import type { EditorStore } from '../../state/editorStore.ts'
import { ActionField } from './fields/ActionField.tsx'
import { ChoicesField } from './fields/ChoicesField.tsx'
import { EffectsField } from './fields/EffectsField.tsx'
import type { Subject } from './fields/ConditionBuilder.tsx'
import { ExprField } from './fields/ExprField.tsx'
import { pathKey, type FieldProps } from './fields/fieldProps.ts'
import { InputField } from './fields/InputField.tsx'
import { ListField } from './fields/ListField.tsx'
import { SelectField } from './fields/SelectField.tsx'
import { SetMapField } from './fields/SetMapField.tsx'
import { TextField } from './fields/TextField.tsx'
import { Vec3Field } from './fields/Vec3Field.tsx'
import { componentFields, elementFields, ids, type FieldSpec } from './formSpecs.ts'
import { IdField } from './IdField.tsx'
import { LookField, ParamsField, ParentField, StateLabelsField } from './fields/LookFields.tsx'
import { problemText } from '../i18n/problemText.ts'
import type { Translate } from '../i18n/translator.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
import { choiceWords, fieldHelp, fieldLabel, partName, stateWords } from './words.ts'

export interface ElementFormProps {
  readonly store: EditorStore
  readonly doc: JsonObject
  readonly selection: { readonly collection: Collection | 'rules'; readonly index: number }
  readonly problems: readonly Problem[]
}

type Obj = Record<string, JsonValue>

/** Every name an expression of this document may read, for completion. */
export function expressionNames(doc: JsonObject): string[] {
  const components = (Array.isArray(doc['components']) ? doc['components'] : []) as Obj[]
  const names = ['time', ...ids(doc, 'variables'), ...ids(doc, 'faults').map((f) => `fault.${f}`)]
  for (const c of components) {
    if (getKindInfo(c['kind'])?.value === 'none' || typeof c['id'] !== 'string') continue
    names.push(c['id'])
    if (c['lockable'] === true) names.push(`${c['id']}.locked`)
    if (c['taggable'] === true) names.push(`${c['id']}.tagged`)
  }
  return names
}

/** The fields that hold a condition (true or false), which the condition builder can show. */
const CONDITIONS: ReadonlySet<string> = new Set(['state', 'when', 'lit', 'running'])

/** What a condition of this document can test, in the instructor's words. */
export function conditionSubjects(t: Translate, doc: JsonObject, language: string): Subject[] {
  const components = (Array.isArray(doc['components']) ? doc['components'] : []) as Obj[]
  const subjects: Subject[] = []
  for (const c of components) {
    const info = getKindInfo(c['kind'])
    if (info === undefined || info.value === 'none' || typeof c['id'] !== 'string') continue
    const id = c['id']
    const states =
      info.value === 'state'
        ? getStates(c as unknown as Component).map((value) => ({
            value,
            words: stateWords(t, doc, id, value, language),
          }))
        : []
    subjects.push({
      name: id,
      label: partName(doc, id, language),
      states,
      lockable: c['lockable'] === true,
      taggable: c['taggable'] === true,
      numeric: info.value !== 'state',
    })
  }
  for (const v of ids(doc, 'variables'))
    subjects.push({
      name: v,
      label: v,
      states: [],
      lockable: false,
      taggable: false,
      numeric: true,
    })
  return subjects
}

/** What every field of one element's form needs to know. */
interface FormContext {
  readonly store: EditorStore
  readonly doc: JsonObject
  readonly collection: Collection | 'rules'
  readonly index: number
  readonly element: Obj
  readonly problems: readonly Problem[]
  readonly locales: readonly string[]
  readonly names: readonly string[]
  readonly subjects: readonly Subject[]
  readonly language: string
  readonly targets: readonly string[]
  /** Says, below the kind, that fields of the old kind are now reported. */
  readonly kindNote: ReactNode
  readonly onKindChange: () => void
  readonly t: Translate
}

/** The properties of one element of the scenario, each field one undoable edit. */
export function ElementForm({ store, doc, selection, problems }: ElementFormProps) {
  const { t, i18n } = useTranslation()
  const [kindChanged, setKindChanged] = useState(false)
  const { collection, index } = selection
  const element = ((doc[collection] as JsonValue[] | undefined)?.[index] ?? {}) as Obj
  const ctx: FormContext = {
    store,
    doc,
    collection,
    index,
    element,
    problems,
    locales: Array.isArray(doc['locales']) ? (doc['locales'] as string[]) : ['en'],
    names: expressionNames(doc),
    subjects: conditionSubjects(t, doc, i18n.language),
    language: i18n.language,
    targets: [
      ...ids(doc, 'variables'),
      ...((doc['components'] ?? []) as Obj[])
        .filter((c) => getKindInfo(c['kind'])?.value === 'state')
        .map((c) => String(c['id'])),
    ],
    kindNote: kindChanged && <p className="muted">{t('editor.kindChanged')}</p>,
    onKindChange: () => setKindChanged(true),
    t,
  }
  const specs: FieldSpec[] =
    collection === 'rules'
      ? [
          { type: 'expr', key: 'when', required: true },
          { type: 'setmap', key: 'set' },
        ]
      : collection === 'components'
        ? componentFields(element)
        : elementFields(doc, collection, element)
  // problems with the element as a whole (a step with neither action nor state) head the form
  const own = problems.filter((p) => isAt(p, [collection, index]))
  return (
    <div className="element-form">
      {own.map((p, i) => (
        <p key={i} className="field-problems" role="alert">
          {problemText(t, p)}
        </p>
      ))}
      {(collection === 'steps' || collection === 'hazards') && (
        <ModeSwitch store={store} collection={collection} index={index} element={element} />
      )}
      {specs.map((spec) => (
        <div key={spec.key}>{fieldFor(spec, ctx)}</div>
      ))}
    </div>
  )
}

/** What every field of a form gets: its words, path, value, problems and how to change it. */
type Common = FieldProps & { readonly value: JsonValue | undefined }

/** The field that edits one key of the element, as its spec says. */
function fieldFor(spec: FieldSpec, ctx: FormContext): ReactNode {
  const { collection, index, element, problems } = ctx
  const path = [collection, index, spec.key]
  const common: Common = {
    label: fieldLabel(ctx.t, collection, spec.key),
    help: fieldHelp(ctx.t, collection, spec.key),
    path,
    value: element[spec.key],
    problems: problems.filter((p) => isUnder(p, path)),
    onChange: (v: JsonValue | undefined) => setKey(ctx, spec.key, v),
  }
  switch (spec.type) {
    case 'id':
      return collection === 'rules' ? null : (
        <IdField
          store={ctx.store}
          collection={collection}
          index={index}
          id={String(element['id'] ?? '')}
          problems={common.problems}
        />
      )
    case 'string':
    case 'number':
    case 'boolean':
      return (
        <InputField
          {...common}
          type={spec.type}
          required={spec.type !== 'boolean' && spec.required === true}
        />
      )
    case 'text':
      return <TextField {...common} locales={ctx.locales} multiline={spec.multiline === true} />
    case 'expr':
      return (
        <ExprField
          {...common}
          names={ctx.names}
          required={spec.required === true}
          subjects={CONDITIONS.has(spec.key) ? ctx.subjects : undefined}
        />
      )
    case 'select':
      return selectField(spec, ctx, common)
    case 'vec3':
      return <Vec3Field {...common} step={spec.key === 'rotation' ? 15 : 0.05} />
    case 'list':
      return <ListField {...common} required={spec.required === true} />
    case 'choices':
      return <ChoicesField {...common} options={spec.options} weighted={spec.weighted === true} />
    case 'setmap':
      return (
        <SetMapField
          {...common}
          targets={ctx.targets}
          names={ctx.names}
          allProblems={problems}
          problems={problems.filter((p) => isAt(p, path))}
        />
      )
    case 'action':
      return (
        <ActionField
          {...common}
          doc={ctx.doc}
          onPick={(write) => ctx.store.getState().pick(write)}
        />
      )
    default:
      return componentField(spec, ctx, common)
  }
}

/** Writes one key of the element, as one undoable edit (typing into a field merges). */
function setKey(ctx: FormContext, key: string, value: JsonValue | undefined): void {
  const path = [ctx.collection, ctx.index, key]
  ctx.store.getState().run({ kind: 'set', path, value, mergeKey: pathKey(path) })
}

/** A choice: a part's kind (with the note that fields of the old kind are reported), a state… */
function selectField(
  spec: Extract<FieldSpec, { type: 'select' }>,
  ctx: FormContext,
  common: Common,
): ReactNode {
  if (spec.key === 'kind')
    return (
      <>
        <SelectField
          {...common}
          options={spec.options}
          optionText={choiceWords(ctx.t, spec.key)}
          onChange={(v) => (setKey(ctx, 'kind', v), ctx.onKindChange())}
        />
        {ctx.kindNote}
      </>
    )
  return (
    <SelectField
      {...common}
      options={spec.options}
      optionText={
        spec.key === 'initial'
          ? (o) => stateWords(ctx.t, ctx.doc, String(ctx.element['id']), o, ctx.language)
          : choiceWords(ctx.t, spec.key)
      }
      optional={spec.optional === true}
    />
  )
}

/** The fields only a part has: its look, the look's settings, its mount, state names, effects. */
function componentField(spec: FieldSpec, ctx: FormContext, common: Common): ReactNode {
  const { store, doc, index, element, problems } = ctx
  switch (spec.type) {
    case 'look':
    case 'params':
    case 'parent': {
      const Field = { look: LookField, params: ParamsField, parent: ParentField }[spec.type]
      return <Field store={store} doc={doc} index={index} element={element} problems={problems} />
    }
    case 'stateLabels':
      return (
        <StateLabelsField
          store={store}
          doc={doc}
          index={index}
          element={element}
          problems={problems}
          states={spec.states}
          locales={ctx.locales}
        />
      )
    case 'effects':
      return (
        <EffectsField
          {...common}
          actions={getActions(element as unknown as Component)}
          targets={ctx.targets}
          names={ctx.names}
          subjects={ctx.subjects}
          allProblems={problems}
        />
      )
    default:
      return null
  }
}

interface ModeSwitchProps {
  readonly store: EditorStore
  readonly collection: 'steps' | 'hazards'
  readonly index: number
  readonly element: Obj
}

/** Turns a step from done-by-an-act to done-by-a-state (a hazard likewise), as one edit. */
function ModeSwitch({ store, collection, index, element }: ModeSwitchProps) {
  const { t } = useTranslation()
  const stateKey = collection === 'steps' ? 'state' : 'when'
  const usesState = element[stateKey] !== undefined
  const [from, to] = usesState ? [stateKey, 'action'] : ['action', stateKey]
  const switchMode = () =>
    store.getState().run({
      kind: 'batch',
      label: `use ${to}`,
      commands: [
        { kind: 'set', path: [collection, index, from], value: undefined },
        {
          kind: 'set',
          path: [collection, index, to],
          value: to === 'action' ? { action: '', target: '' } : 'true',
        },
      ],
    })
  return (
    <button type="button" onClick={switchMode}>
      {collection === 'steps'
        ? usesState
          ? t('editor.byAct')
          : t('editor.byState')
        : usesState
          ? t('editor.byForbiddenAct')
          : t('editor.byUnsafeState')}
    </button>
  )
}
