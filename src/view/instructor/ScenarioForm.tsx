import { useId } from 'react'
import { useStore } from 'zustand'
import {
  isUnder,
  SCENARIO_DEFAULTS,
  type JsonObject,
  type JsonValue,
  type Problem,
} from '../../core/index.ts'
import type { EditorStore } from '../../state/editorStore.ts'
import { describedBy, FieldHelp } from './fields/FieldHelp.tsx'
import { FieldProblems } from './fields/FieldProblems.tsx'
import { pathKey, type FieldProps } from './fields/fieldProps.ts'
import { InputField } from './fields/InputField.tsx'
import { ListField } from './fields/ListField.tsx'
import { SelectField } from './fields/SelectField.tsx'
import { TextField } from './fields/TextField.tsx'
import { Vec3Field } from './fields/Vec3Field.tsx'
import { ViewsField } from './ViewsField.tsx'
import { useTranslation } from '../i18n/useTranslation.ts'
import { choiceWords, scenarioFieldHelp, scenarioFieldLabel } from './words.ts'

export interface ScenarioFormProps {
  readonly store: EditorStore
  readonly doc: JsonObject
  readonly problems: readonly Problem[]
}

type Obj = Record<string, JsonValue>

/** The format's defaults for the scoring settings a slider shows when the file leaves them out. */
const SCORING_DEFAULTS: Readonly<Record<string, number>> = {
  passPercent: SCENARIO_DEFAULTS.passPercent,
  ...SCENARIO_DEFAULTS.penalties,
  ...SCENARIO_DEFAULTS.levels,
}

/** The scenario's own settings: identity, languages, catalogue data, scoring, simulation and scene. */
export function ScenarioForm({ store, doc, problems }: ScenarioFormProps) {
  const { t } = useTranslation()
  const locales = Array.isArray(doc['locales']) ? (doc['locales'] as string[]) : ['en']
  const props = fieldProps(store, doc, problems, (path) => ({
    label: scenarioFieldLabel(t, path),
    help: scenarioFieldHelp(t, path),
  }))
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
      <SliderField {...props(['scoring', 'passPercent'])} min={0} max={100} step={5} />
      <InputField {...props(['scoring', 'timeLimitSeconds'])} type="number" />
      <InputField {...props(['scoring', 'endOnCritical'])} type="boolean" />
      <h4>{t('editor.scenarioFields.penalties')}</h4>
      {(['outOfOrder', 'hint', 'unexpectedAction', 'blocked'] as const).map((k) => (
        <SliderField key={k} {...props(['scoring', 'penalties', k])} min={0} max={20} step={1} />
      ))}
      <h4>{t('editor.scenarioFields.levels')}</h4>
      <SliderField {...props(['scoring', 'levels', 'competent'])} min={0} max={1} step={0.05} />
      <SliderField {...props(['scoring', 'levels', 'proficient'])} min={0} max={1} step={0.05} />
      <ExampleScoreLine store={store} />
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

/** The props of the field that edits one of the scenario's settings, by its path. */
function fieldProps(
  store: EditorStore,
  doc: JsonObject,
  problems: readonly Problem[],
  words: (path: string[]) => { label: string; help: string },
): (path: string[]) => FieldProps {
  const at = (path: string[]) => {
    let v: JsonValue | undefined = doc
    for (const k of path)
      v = v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj)[k] : undefined
    return v
  }
  return (path) => ({
    ...words(path),
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
}

interface SliderFieldProps extends FieldProps {
  readonly min: number
  readonly max: number
  readonly step: number
}

/** A number set with a slider (arrow keys by keyboard), its value shown beside it. */
function SliderField({
  label,
  help,
  path,
  value,
  problems,
  onChange,
  min,
  max,
  step,
}: SliderFieldProps) {
  const { t } = useTranslation()
  const id = useId()
  const key = String(path[path.length - 1])
  const fallback = SCORING_DEFAULTS[key] ?? min
  const shown = typeof value === 'number' ? value : fallback
  const text = step < 1 ? shown.toFixed(2) : String(shown)
  return (
    <div className="field field-slider">
      <label htmlFor={id}>{label}</label>
      <FieldHelp id={`${id}-help`} help={help} />
      <div className="slider-row">
        <input
          id={id}
          type="range"
          data-path={pathKey(path)}
          min={min}
          max={Math.max(max, shown)}
          step={step}
          value={shown}
          aria-valuetext={text}
          aria-invalid={problems.length > 0}
          aria-describedby={describedBy(id, help, problems)}
          onChange={(e) => onChange(Number(e.target.value))}
        />
        <output htmlFor={id}>
          {text}
          {value === undefined && <span className="muted"> {t('editor.byDefault')}</span>}
        </output>
      </div>
      <FieldProblems id={`${id}-problems`} problems={problems} />
    </div>
  )
}

/** What the penalties and levels do to an example attempt, scored by the engine in the store. */
function ExampleScoreLine({ store }: { readonly store: EditorStore }) {
  const { t } = useTranslation()
  const example = useStore(store, (s) => s.example)
  const solving = useStore(store, (s) => s.solver.state !== 'done' && s.solver.reply === undefined)
  if (!example)
    return (
      <p className="muted example-score" role="status">
        {t(solving ? 'editor.exampleWaiting' : 'editor.exampleNone')}
      </p>
    )
  const slips = [
    example.slips.outOfOrder > 0 &&
      t('editor.slips.outOfOrder', { count: example.slips.outOfOrder }),
    example.slips.hints > 0 && t('editor.slips.hints', { count: example.slips.hints }),
  ].filter(Boolean)
  return (
    <p className="example-score" role="status">
      {t('editor.example', {
        slips: slips.join(t('editor.slips.and')),
        raw: Math.round(example.raw * 10) / 10,
        max: example.max,
        percent: Math.round(example.percent),
        status: t(`editor.exampleStatus.${example.status}`),
      })}
      {example.level !== undefined &&
        ` ${t('editor.exampleLevel', { level: t(`editor.levels.${example.level}`) })}`}
    </p>
  )
}
