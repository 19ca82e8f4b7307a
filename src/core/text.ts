// Localized text (the spec's Text): one string for a locale, or an xAPI language map. Used by the
// screens and the exporters alike. Reads scenario texts; never changes them.
import type { Scenario } from './schema.ts'

/** A Text of the scenario format: a string in the default locale, or locale → string. */
export type Text = Scenario['title']

/** The text in a locale, else in the default locale, else the first one given. Pure. */
export function getLocalText(text: Text, locale: string, defaultLocale: string): string {
  if (typeof text === 'string') return text
  return text[locale] ?? text[defaultLocale] ?? Object.values(text)[0] ?? ''
}

/** The text as an xAPI language map (a plain string belongs to the default locale). Pure. */
export function toLanguageMap(text: Text, defaultLocale: string): Record<string, string> {
  return typeof text === 'string' ? { [defaultLocale]: text } : { ...text }
}
