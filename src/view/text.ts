// Localized text for the screens: the scenario's Text in the wanted locale, else its default.

type Text = string | Readonly<Record<string, string>>

/** The text in `locale`, falling back to the scenario's default locale (the first listed). */
export function textIn(text: Text, locale: string, locales: readonly string[]): string {
  if (typeof text === 'string') return text
  return text[locale] ?? text[locales[0] ?? 'en'] ?? Object.values(text)[0] ?? ''
}
