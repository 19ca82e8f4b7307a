// Small ways the staff screens say things: a scenario's title in the interface language, a date
// and time in the reader's form, and a typed local date-time as the ISO instant the server keeps.
import type { PublishedScenario } from '../../../state/classroom/staffApi.ts'
import type { Translate } from '../../i18n/translator.ts'

/** The scenario's title in `language`, else English, else any; its id when it has none. Pure. */
export function scenarioTitle(scenario: Pick<PublishedScenario, 'id' | 'title'>, language: string) {
  const title = scenario.title ?? {}
  return title[language] ?? title['en'] ?? Object.values(title)[0] ?? scenario.id
}

/** An ISO date-time as the reader's date and time, in `language`. */
export function formatWhen(iso: string, language: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime())
    ? iso
    : new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date)
}

/** A `datetime-local` field's value (local time) as an ISO instant; undefined when empty. */
export function localToIso(value: string): string | undefined {
  if (!value) return undefined
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString()
}

/** A sentence kept by its key (and values), so that it follows a change of language. */
export interface Message {
  readonly key: string
  readonly values?: Readonly<Record<string, string | number | Message>>
}

/** A message (or several, one after another) in the language of `t`. */
export function say(t: Translate, message: Message | readonly Message[] | null): string {
  if (message === null) return ''
  if (Array.isArray(message)) return message.map((m: Message) => say(t, m)).join(' ')
  const { key, values = {} } = message as Message
  return t(
    key,
    Object.fromEntries(
      Object.entries(values).map(([name, v]) => [name, typeof v === 'object' ? say(t, v) : v]),
    ),
  )
}
