// The languages of a scenario: its locale tags, and every Text having the default locale and
// no undeclared one. Part of validateScenario; reads the draft, writes problems only.
import { near, type PathSegment, type ProblemCode, type ProblemList } from './problems.ts'
import type { Draft } from './scenarioDraft.ts'

const LOCALE = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/

/** Reports locale tags that are malformed or listed twice. */
export function checkLocales(d: Draft, problems: ProblemList<ProblemCode>): void {
  const seen = new Set<string>()
  d.locales.forEach((l, i) => {
    if (!LOCALE.test(l)) problems.add(['locales', i], 'locale.malformed', { locale: l })
    if (seen.has(l)) problems.add(['locales', i], 'locale.twice', { locale: l })
    seen.add(l)
  })
}

/** Reports Texts without the default locale, or with a locale that "locales" does not list. */
export function checkTexts(d: Draft, problems: ProblemList<ProblemCode>): void {
  const text = (value: unknown, path: PathSegment[]): void => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return
    const def = d.locales[0] ?? 'en'
    if (!Object.hasOwn(value, def)) problems.add(path, 'text.noDefault', { locale: def })
    for (const key of Object.keys(value)) {
      if (key.startsWith('x-') || d.locales.includes(key)) continue
      problems.add([...path, key], 'text.unlisted', {
        locale: key,
        locales: d.locales.join(', '),
        near: near(key, d.locales),
      })
    }
  }
  text(d.title, ['title'])
  text(d.description, ['description'])
  const lists = [
    ['competencies', ['title', 'description']],
    ['components', ['label']],
    ['steps', ['title', 'hint']],
    ['hazards', ['title']],
    ['judgements', ['title', 'guide']],
    ['faults', ['title']],
  ] as const
  for (const [key, fields] of lists) {
    d[key].forEach((el, i) => {
      for (const f of fields) if (el) text((el as Record<string, unknown>)[f], [key, i, f])
    })
  }
  d.components.forEach((c, i) => {
    const labels = c && 'stateLabels' in c ? c.stateLabels : undefined
    for (const [state, label] of Object.entries(labels ?? {}))
      text(label, ['components', i, 'stateLabels', state])
  })
  d.scene?.views?.forEach((view, i) => text(view.title, ['scene', 'views', i, 'title']))
}
