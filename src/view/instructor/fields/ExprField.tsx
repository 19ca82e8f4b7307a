import { useId, useRef, useState, type KeyboardEvent } from 'react'
import { readExprForm, writeExprForm } from '../../../core/index.ts'
import { useTranslation } from '../../i18n/useTranslation.ts'
import { ConditionBuilder, type Subject } from './ConditionBuilder.tsx'
import { describedBy, FieldHelp } from './FieldHelp.tsx'
import { FieldProblems } from './FieldProblems.tsx'
import { pathKey, type FieldProps } from './fieldProps.ts'

export interface ExprFieldProps extends FieldProps {
  /** Every name the expression may use, for completion. */
  readonly names: readonly string[]
  readonly required?: boolean
  /**
   * What a condition can test: given for a condition (true or false), which then opens in the
   * condition builder when it has one of the builder's forms, and as text otherwise.
   */
  readonly subjects?: readonly Subject[] | undefined
}

/** The name being typed just before the caret, if any. Pure. */
export function getNamePrefix(text: string, caret: number): string {
  return /[A-Za-z_][A-Za-z0-9_.]*$/.exec(text.slice(0, caret))?.[0] ?? ''
}

/**
 * An expression: a condition in the builder where it can be shown there, else as a formula checked
 * by the engine as you type (errors with their column), names completed. A toggle switches.
 */
export function ExprField(props: ExprFieldProps) {
  const { label, help, path, value, problems, onChange, subjects } = props
  const { t } = useTranslation()
  const id = useId()
  const text = typeof value === 'string' ? value : ''
  const form = subjects ? readExprForm(text === '' ? 'true' : text) : undefined
  const [asText, setAsText] = useState(form === undefined)
  if (!subjects) return <FormulaField {...props} />
  const building = !asText && form !== undefined
  return (
    <div className="field field-expr">
      {building ? (
        <span className="field-label" aria-hidden="true">
          {label}
        </span>
      ) : null}
      <FieldHelp id={`${id}-help`} help={help} />
      {building ? (
        <ConditionBuilder
          id={id}
          dataPath={pathKey(path)}
          label={label}
          form={form}
          subjects={subjects}
          describedBy={describedBy(id, help, problems)}
          onChange={(next) =>
            onChange(next.terms.length === 0 && !props.required ? undefined : writeExprForm(next))
          }
        />
      ) : (
        <FormulaField {...props} help={undefined} />
      )}
      {form === undefined ? (
        <p className="muted field-help">{t('editor.notInBuilder')}</p>
      ) : (
        <button type="button" className="link-button" onClick={() => setAsText(!asText)}>
          {t(building ? 'editor.useText' : 'editor.useBuilder')}
        </button>
      )}
      {building && <FieldProblems id={`${id}-problems`} problems={problems} />}
    </div>
  )
}

/** An expression typed as a formula, names completed. */
function FormulaField({
  label,
  help,
  path,
  value,
  problems,
  onChange,
  names,
  required,
}: ExprFieldProps) {
  const id = useId()
  const input = useRef<HTMLInputElement>(null)
  const [prefix, setPrefix] = useState('')
  const [active, setActive] = useState(0)
  const text = typeof value === 'string' ? value : ''
  const matches =
    prefix === '' ? [] : names.filter((n) => n.startsWith(prefix) && n !== prefix).slice(0, 8)

  const complete = (name: string) => {
    const el = input.current!
    const caret = el.selectionStart ?? text.length
    const next = text.slice(0, caret - prefix.length) + name + text.slice(caret)
    onChange(next)
    setPrefix('')
    requestAnimationFrame(() => {
      const at = caret - prefix.length + name.length
      el.setSelectionRange(at, at)
    })
  }
  const onKeyDown = (e: KeyboardEvent) => {
    if (matches.length === 0) return
    if (e.key === 'ArrowDown') setActive((active + 1) % matches.length)
    else if (e.key === 'ArrowUp') setActive((active - 1 + matches.length) % matches.length)
    else if (e.key === 'Enter' || e.key === 'Tab') complete(matches[active]!)
    else if (e.key === 'Escape') setPrefix('')
    else return
    e.preventDefault()
  }
  return (
    <div className="field field-expr">
      <label htmlFor={id}>{label}</label>
      <FieldHelp id={`${id}-help`} help={help} />
      <input
        ref={input}
        id={id}
        data-path={pathKey(path)}
        className="expr"
        spellCheck={false}
        autoComplete="off"
        value={text}
        role="combobox"
        aria-expanded={matches.length > 0}
        aria-controls={`${id}-names`}
        aria-invalid={problems.length > 0}
        aria-describedby={describedBy(id, help, problems)}
        onChange={(e) => {
          onChange(e.target.value === '' && !required ? undefined : e.target.value)
          setPrefix(getNamePrefix(e.target.value, e.target.selectionStart ?? e.target.value.length))
          setActive(0)
        }}
        onBlur={() => setTimeout(() => setPrefix(''), 150)}
        onKeyDown={onKeyDown}
      />
      {matches.length > 0 && (
        <ul className="completions" id={`${id}-names`} role="listbox">
          {matches.map((n, i) => (
            <li
              key={n}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => (e.preventDefault(), complete(n))}
            >
              {n}
            </li>
          ))}
        </ul>
      )}
      <FieldProblems id={`${id}-problems`} problems={problems} />
    </div>
  )
}
