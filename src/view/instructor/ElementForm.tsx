import { useState } from 'react'
import {
  formatProblem,
  getActions,
  getKindInfo,
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
import { ExprField } from './fields/ExprField.tsx'
import { pathKey } from './fields/fieldProps.ts'
import { InputField } from './fields/InputField.tsx'
import { ListField } from './fields/ListField.tsx'
import { SelectField } from './fields/SelectField.tsx'
import { SetMapField } from './fields/SetMapField.tsx'
import { TextField } from './fields/TextField.tsx'
import { Vec3Field } from './fields/Vec3Field.tsx'
import { componentFields, elementFields, ids, type FieldSpec } from './formSpecs.ts'
import { IdField } from './IdField.tsx'
import { useTranslation } from '../i18n/useTranslation.ts'

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

/** The properties of one element of the scenario, each field one undoable edit. */
export function ElementForm({ store, doc, selection, problems }: ElementFormProps) {
  const { t } = useTranslation()
  const [kindWarning, setKindWarning] = useState('')
  const { collection, index } = selection
  const element = ((doc[collection] as JsonValue[] | undefined)?.[index] ?? {}) as Obj
  const base = [collection, index]
  const locales = Array.isArray(doc['locales']) ? (doc['locales'] as string[]) : ['en']
  const names = expressionNames(doc)
  const targets = [
    ...ids(doc, 'variables'),
    ...((doc['components'] ?? []) as Obj[])
      .filter((c) => getKindInfo(c['kind'])?.value === 'state')
      .map((c) => String(c['id'])),
  ]
  const specs: FieldSpec[] =
    collection === 'rules'
      ? [
          { type: 'expr', key: 'when', required: true },
          { type: 'setmap', key: 'set' },
        ]
      : collection === 'components'
        ? componentFields(element)
        : elementFields(doc, collection, element)
  const here = (key: string) => pathKey([...base, key])
  const problemsOf = (key: string) => problems.filter((p) => isUnder(p, [...base, key]))
  const set = (key: string, value: JsonValue | undefined) =>
    store.getState().run({ kind: 'set', path: [...base, key], value, mergeKey: here(key) })

  const field = (spec: FieldSpec) => {
    const common = {
      label: spec.key,
      path: [...base, spec.key],
      value: element[spec.key],
      problems: problemsOf(spec.key),
      onChange: (v: JsonValue | undefined) => set(spec.key, v),
    }
    switch (spec.type) {
      case 'id':
        return collection === 'rules' ? null : (
          <IdField
            store={store}
            collection={collection}
            index={index}
            id={String(element['id'] ?? '')}
            problems={problemsOf('id')}
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
        return <TextField {...common} locales={locales} multiline={spec.multiline === true} />
      case 'expr':
        return <ExprField {...common} names={names} required={spec.required === true} />
      case 'select':
        if (spec.key === 'kind') {
          return (
            <>
              <SelectField
                {...common}
                options={spec.options}
                onChange={(v) => (set('kind', v), setKindWarning(String(v)))}
              />
              {kindWarning && <p className="muted">{t('editor.kindChanged')}</p>}
            </>
          )
        }
        return <SelectField {...common} options={spec.options} optional={spec.optional === true} />
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
            targets={targets}
            names={names}
            allProblems={problems}
            problems={problems.filter((p) => isAt(p, [...base, spec.key]))}
          />
        )
      case 'action':
        return (
          <ActionField {...common} doc={doc} onPick={(write) => store.getState().pick(write)} />
        )
      case 'effects':
        return (
          <EffectsField
            {...common}
            actions={getActions(element as unknown as Component)}
            targets={targets}
            names={names}
            allProblems={problems}
          />
        )
    }
  }
  const stepOrHazard = collection === 'steps' || collection === 'hazards'
  const usesState =
    collection === 'steps' ? element['state'] !== undefined : element['when'] !== undefined
  const switchMode = () => {
    const [from, to] =
      collection === 'steps'
        ? usesState
          ? ['state', 'action']
          : ['action', 'state']
        : usesState
          ? ['when', 'action']
          : ['action', 'when']
    store.getState().run({
      kind: 'batch',
      label: `use ${to}`,
      commands: [
        { kind: 'set', path: [...base, from!], value: undefined },
        {
          kind: 'set',
          path: [...base, to!],
          value: to === 'action' ? { action: '', target: '' } : 'true',
        },
      ],
    })
  }
  const own = problems.filter((p) => isAt(p, base))
  return (
    <div className="element-form">
      {own.map((p, i) => (
        <p key={i} className="field-problems" role="alert">
          {formatProblem(p)}
        </p>
      ))}
      {stepOrHazard && (
        <button type="button" onClick={switchMode}>
          {collection === 'steps'
            ? usesState
              ? t('editor.byAct')
              : t('editor.byState')
            : usesState
              ? t('editor.byForbiddenAct')
              : t('editor.byUnsafeState')}
        </button>
      )}
      {specs.map((spec) => (
        <div key={spec.key}>{field(spec)}</div>
      ))}
    </div>
  )
}
