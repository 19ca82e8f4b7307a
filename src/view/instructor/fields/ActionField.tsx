import type { JsonObject, JsonValue } from '../../../core/index.ts'
import { actionsOf } from '../formSpecs.ts'
import { FieldHelp } from './FieldHelp.tsx'
import { FieldProblems } from './FieldProblems.tsx'
import { pathKey, type FieldProps } from './fieldProps.ts'
import { useTranslation } from '../../i18n/useTranslation.ts'
import { actionWords, partName, stateWords } from '../words.ts'

export interface ActionFieldProps extends FieldProps {
  readonly doc: JsonObject
  /** Lets the instructor click the target part in the 3D view instead of choosing it here. */
  readonly onPick?: (write: (componentId: string) => void) => void
}

/** A step's or hazard's action: the target part, an action that kind accepts, and a state for `set`. */
export function ActionField({
  label,
  help,
  path,
  value,
  problems,
  onChange,
  doc,
  onPick,
}: ActionFieldProps) {
  const { t, i18n } = useTranslation()
  const ref = (value && typeof value === 'object' && !Array.isArray(value) ? value : {}) as Record<
    string,
    JsonValue
  >
  const components = (Array.isArray(doc['components']) ? doc['components'] : []) as Record<
    string,
    JsonValue
  >[]
  const target = components.find((c) => c['id'] === ref['target'])
  const { actions, states } = actionsOf(target)
  const write = (patch: Record<string, JsonValue | undefined>) => {
    const next: Record<string, JsonValue> = {}
    for (const [k, v] of Object.entries({ ...ref, ...patch })) if (v !== undefined) next[k] = v
    onChange(next)
  }
  return (
    <fieldset
      className="field field-action"
      data-path={pathKey(path)}
      aria-describedby={help ? `${pathKey(path)}-help` : undefined}
    >
      <legend>{label}</legend>
      <FieldHelp id={`${pathKey(path)}-help`} help={help} />
      <label>
        {t('editor.act.target')}
        <select
          data-path={pathKey([...path, 'target'])}
          value={String(ref['target'] ?? '')}
          onChange={(e) => write({ target: e.target.value, action: undefined, value: undefined })}
        >
          <option value="">—</option>
          {components
            .filter((c) => c['kind'] !== 'static')
            .map((c) => (
              <option key={String(c['id'])} value={String(c['id'])}>
                {partName(doc, String(c['id']), i18n.language)}
              </option>
            ))}
        </select>
      </label>
      {onPick && (
        <button
          type="button"
          onClick={() => onPick((id) => write({ target: id, action: undefined, value: undefined }))}
        >
          {t('editor.pick')}
        </button>
      )}
      <label>
        {t('editor.act.action')}
        <select
          data-path={pathKey([...path, 'action'])}
          value={String(ref['action'] ?? '')}
          onChange={(e) =>
            write({
              action: e.target.value,
              value: e.target.value === 'set' ? states[0] : undefined,
            })
          }
        >
          <option value="">—</option>
          {actions.map((a) => (
            <option key={a} value={a}>
              {actionWords(t, a)}
            </option>
          ))}
        </select>
      </label>
      {ref['action'] === 'set' && (
        <label>
          {t('editor.act.value')}
          <select
            data-path={pathKey([...path, 'value'])}
            value={String(ref['value'] ?? '')}
            onChange={(e) => write({ value: e.target.value === '' ? undefined : e.target.value })}
          >
            <option value="">{t('editor.act.anyState')}</option>
            {states.map((s) => (
              <option key={s} value={s}>
                {stateWords(t, doc, String(ref['target']), s, i18n.language)}
              </option>
            ))}
          </select>
        </label>
      )}
      <FieldProblems id={`${pathKey(path)}-problems`} problems={problems} />
    </fieldset>
  )
}
