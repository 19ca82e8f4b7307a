import { isUnder, type JsonObject, type JsonValue, type Problem } from '../../core/index.ts'
import type { EditorStore } from '../../state/editorStore.ts'
import { pathKey } from './fields/fieldProps.ts'
import { InputField } from './fields/InputField.tsx'
import { ListField } from './fields/ListField.tsx'
import { SelectField } from './fields/SelectField.tsx'
import { TextField } from './fields/TextField.tsx'
import { Vec3Field } from './fields/Vec3Field.tsx'
import { ViewsField } from './ViewsField.tsx'
import { useTranslation } from '../i18n/useTranslation.ts'
import { choiceWords, scenarioFieldLabel } from './words.ts'

export interface ScenarioFormProps {
  readonly store: EditorStore
  readonly doc: JsonObject
  readonly problems: readonly Problem[]
}

type Obj = Record<string, JsonValue>

/** The scenario's own settings: identity, languages, catalogue data, scoring, simulation and scene. */
export function ScenarioForm({ store, doc, problems }: ScenarioFormProps) {
  const { t } = useTranslation()
  const locales = Array.isArray(doc['locales']) ? (doc['locales'] as string[]) : ['en']
  const at = (path: string[]) => {
    let v: JsonValue | undefined = doc
    for (const k of path)
      v = v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj)[k] : undefined
    return v
  }
  const props = (path: string[]) => ({
    label: scenarioFieldLabel(t, path),
    path,
    value: at(path),
    problems: problems.filter((p) => isUnder(p, path)),
    // a nested setting is written with its parent objects, created when missing
    onChange: (value: JsonValue | undefined) => {
      const [first, ...rest] = path
      if (rest.length === 0)
        return store.getState().run({ kind: 'set', path, value, mergeKey: pathKey(path) })
      const root = { ...((doc[first!] as Obj | undefined) ?? {}) }
      let node: Obj = root
      for (const k of rest.slice(0, -1))
        node = node[k] = { ...((node[k] as Obj | undefined) ?? {}) }
      if (value === undefined) delete node[rest[rest.length - 1]!]
      else node[rest[rest.length - 1]!] = value
      store.getState().run({ kind: 'set', path: [first!], value: root, mergeKey: pathKey(path) })
    },
  })
  return (
    <div className="element-form">
      <InputField {...props(['id'])} type="string" required />
      <InputField {...props(['version'])} type="string" required />
      <ListField {...props(['locales'])} />
      <TextField {...props(['title'])} locales={locales} />
      <TextField {...props(['description'])} locales={locales} multiline />
      <InputField {...props(['industry'])} type="string" />
      <InputField {...props(['estimatedMinutes'])} type="number" />
      <ListField {...props(['tags'])} />
      <h3>{t('editor.scenarioFields.scoring')}</h3>
      <InputField {...props(['scoring', 'passPercent'])} type="number" />
      <InputField {...props(['scoring', 'timeLimitSeconds'])} type="number" />
      <InputField {...props(['scoring', 'endOnCritical'])} type="boolean" />
      {(['outOfOrder', 'hint', 'unexpectedAction', 'blocked'] as const).map((k) => (
        <InputField key={k} {...props(['scoring', 'penalties', k])} type="number" />
      ))}
      <InputField {...props(['scoring', 'levels', 'competent'])} type="number" />
      <InputField {...props(['scoring', 'levels', 'proficient'])} type="number" />
      <h3>{t('editor.scenarioFields.simulationAndScene')}</h3>
      <InputField {...props(['simulation', 'tickMs'])} type="number" />
      <SelectField
        {...props(['scene', 'environment'])}
        options={['workshop', 'outdoor', 'plain']}
        optionText={choiceWords(t, 'environment')}
        optional
      />
      <Vec3Field {...props(['scene', 'camera', 'position'])} />
      <Vec3Field {...props(['scene', 'camera', 'target'])} />
      <ViewsField store={store} doc={doc} problems={problems} locales={locales} />
    </div>
  )
}
