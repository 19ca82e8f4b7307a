// The base IRI a school gives its activities (xAPI statements, cmi5 courses): a web address of its
// own, never the documentation's example domain. One rule for the server's setting, the admin's
// form and the command line. Pure.

/** The documentation's example domain, refused as a base IRI. */
export const EXAMPLE_DOMAIN = 'practica.example'

/** The longest base IRI taken, in characters. */
export const ACTIVITY_BASE_MAX = 300

export type ActivityBaseProblem = 'empty' | 'too-long' | 'not-web-address' | 'example'

/** Each problem in English, as the server's refusal and the command line say it. */
export const ACTIVITY_BASE_WORDS: Readonly<Record<ActivityBaseProblem, string>> = {
  empty: 'give the base IRI of your activities',
  'too-long': `the base IRI has at most ${ACTIVITY_BASE_MAX} characters`,
  'not-web-address':
    'the base IRI is a web address such as https://school.example.org/practica (no ? or #)',
  example: `${EXAMPLE_DOMAIN} is the documentation's example: use your school's own domain`,
}

/** What is wrong with `text` as a base IRI (trimmed), or undefined when nothing. */
export function activityBaseProblem(text: string): ActivityBaseProblem | undefined {
  const value = text.trim()
  if (value === '') return 'empty'
  if (value.length > ACTIVITY_BASE_MAX) return 'too-long'
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return 'not-web-address'
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash)
    return 'not-web-address'
  if (url.hostname === EXAMPLE_DOMAIN || url.hostname.endsWith(`.${EXAMPLE_DOMAIN}`))
    return 'example'
  return undefined
}

/** The base IRI as stored: trimmed, without trailing slashes. */
export const normalActivityBase = (text: string): string => text.trim().replace(/\/+$/, '')

/** The activity of a scenario under `base` (the statements' object, a cmi5 course's id). */
export const scenarioActivityId = (base: string, scenarioId: string): string =>
  `${normalActivityBase(base)}/scenarios/${scenarioId}`
