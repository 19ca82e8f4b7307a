import { useId } from 'react'
import type { JsonValue } from '../../../core/index.ts'
import { FieldHelp } from './FieldHelp.tsx'
import { FieldProblems } from './FieldProblems.tsx'
import { pathKey, type FieldProps } from './fieldProps.ts'

export interface TextFieldProps extends FieldProps {
  readonly locales: readonly string[]
  readonly multiline?: boolean
}

/** A localized text: one input per locale of the scenario, the default locale first. */
export function TextField({
  label,
  help,
  path,
  value,
  problems,
  onChange,
  locales,
  multiline,
}: TextFieldProps) {
  const id = useId()
  const byLocale: Record<string, string> =
    typeof value === 'string'
      ? { [locales[0] ?? 'en']: value }
      : value && typeof value === 'object' && !Array.isArray(value)
        ? (value as Record<string, string>)
        : {}
  const change = (locale: string, text: string) => {
    const next: Record<string, JsonValue> = { ...byLocale, [locale]: text }
    if (text === '' && locale !== locales[0]) delete next[locale]
    // a text in the default locale alone stays a plain string, as authors write it
    const keys = Object.keys(next)
    onChange(
      keys.length === 1 && keys[0] === locales[0] && typeof value !== 'object'
        ? (next[keys[0]!] as string)
        : next,
    )
  }
  return (
    <fieldset
      className="field field-text"
      aria-describedby={help ? `${pathKey(path)}-help` : undefined}
    >
      <legend>{label}</legend>
      <FieldHelp id={`${pathKey(path)}-help`} help={help} />
      {locales.map((locale) => {
        const Input = multiline ? 'textarea' : 'input'
        return (
          <label key={locale} className="locale-input">
            <span className="locale-tag">{locale}</span>
            <Input
              data-path={pathKey([...path, locale])}
              value={byLocale[locale] ?? ''}
              onChange={(e) => change(locale, e.target.value)}
              aria-label={`${label} (${locale})`}
            />
          </label>
        )
      })}
      <FieldProblems id={`${id}-problems`} problems={problems} />
    </fieldset>
  )
}
