import { isAt, isUnder, type JsonValue, type Problem } from '../../../core/index.ts'
import type { Subject } from './ConditionBuilder.tsx'
import { ExprField } from './ExprField.tsx'
import { FieldHelp } from './FieldHelp.tsx'
import { pathKey, type FieldProps } from './fieldProps.ts'
import { SetMapField } from './SetMapField.tsx'
import { useTranslation } from '../../i18n/useTranslation.ts'
import { actionWords } from '../words.ts'

export interface EffectsFieldProps extends FieldProps {
  readonly actions: readonly string[]
  readonly targets: readonly string[]
  readonly names: readonly string[]
  /** What the condition of an effect can test, for the condition builder. */
  readonly subjects?: readonly Subject[]
  readonly allProblems: readonly Problem[]
}

type Effect = { if?: string; set: Record<string, JsonValue> }

/** A component's `on` effects: for an action, what it sets, each effect with an optional condition. */
export function EffectsField({
  label,
  help,
  path,
  value,
  onChange,
  actions,
  targets,
  names,
  subjects,
  allProblems,
}: EffectsFieldProps) {
  const { t } = useTranslation()
  const on = (value && typeof value === 'object' && !Array.isArray(value) ? value : {}) as Record<
    string,
    Effect[]
  >
  const write = (next: Record<string, Effect[]>) => {
    const kept = Object.fromEntries(Object.entries(next).filter(([, list]) => list.length > 0))
    onChange(Object.keys(kept).length === 0 ? undefined : (kept as unknown as JsonValue))
  }
  const at = (p: (string | number)[]) => allProblems.filter((x) => isUnder(x, [...path, ...p]))
  const free = actions.filter((a) => !(a in on))
  return (
    <fieldset
      className="field field-effects"
      aria-describedby={help ? `${pathKey(path)}-help` : undefined}
    >
      <legend>{label}</legend>
      <FieldHelp id={`${pathKey(path)}-help`} help={help} />
      {Object.entries(on).map(([action, effects]) =>
        effects.map((effect, i) => (
          <div key={`${action}-${i}`} className="effect">
            <strong>{t('editor.effectOn', { action: actionWords(t, action), n: i + 1 })}</strong>
            <ExprField
              label={t('editor.effectIf')}
              path={[...path, action, i, 'if']}
              value={effect.if}
              names={names}
              subjects={subjects}
              problems={at([action, i, 'if'])}
              onChange={(v) =>
                write({
                  ...on,
                  [action]: effects.map((e, j) =>
                    j === i
                      ? { ...(v === undefined ? { set: e.set } : { if: String(v), set: e.set }) }
                      : e,
                  ),
                })
              }
            />
            <SetMapField
              label={t('editor.effectSet')}
              path={[...path, action, i, 'set']}
              value={effect.set}
              targets={targets}
              names={names}
              allProblems={allProblems}
              problems={at([action, i, 'set']).filter((p) => isAt(p, [...path, action, i, 'set']))}
              onChange={(v) =>
                write({
                  ...on,
                  [action]: effects.map((e, j) =>
                    j === i ? { ...e, set: (v ?? {}) as Record<string, JsonValue> } : e,
                  ),
                })
              }
            />
            <button
              type="button"
              onClick={() => write({ ...on, [action]: effects.filter((_, j) => j !== i) })}
            >
              {t('editor.removeEffect')}
            </button>
          </div>
        )),
      )}
      {free.length > 0 && (
        <select
          aria-label={t('editor.addEffect')}
          value=""
          onChange={(e) => e.target.value && write({ ...on, [e.target.value]: [{ set: {} }] })}
        >
          <option value="">{t('editor.addEffectChoose')}</option>
          {free.map((a) => (
            <option key={a} value={a}>
              {actionWords(t, a)}
            </option>
          ))}
        </select>
      )}
    </fieldset>
  )
}
