// The `format` of statements returned (xAPI 1.0.3 Part Three §2.1.3): `exact` as stored; `ids`
// with Agents, Groups, Activities and Verbs cut to what identifies them; `canonical` with each
// Activity's definition the LRS's canonical one (the latest a statement gave it, as the Activities
// resource answers: activities.ts) and every language map of Activities (name, description, the
// interaction components' descriptions), Verbs (display, the statement's own: this LRS keeps no
// canonical Verb displays, 2.1.3.s4.b2 "MAY") and attachments (display, description) reduced to
// the one language the request's Accept-Language prefers (2.1.3.s4.b1, b5: the header's
// negotiation applied to each map), Agents and Groups as stored.
import Negotiator from 'negotiator'

type Json = Record<string, unknown>

export type StatementFormat = 'exact' | 'ids' | 'canonical'

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)

const IFIS = ['mbox', 'mbox_sha1sum', 'openid', 'account']

function agentIds(agent: unknown): unknown {
  if (!isObject(agent)) return agent
  const out: Json = {}
  if (agent['objectType'] !== undefined) out['objectType'] = agent['objectType']
  for (const k of IFIS) if (agent[k] !== undefined) out[k] = agent[k]
  // an anonymous Group is identified by its members
  if (!IFIS.some((k) => agent[k] !== undefined) && Array.isArray(agent['member']))
    out['member'] = agent['member'].map(agentIds)
  return out
}

const activityIds = (a: unknown): unknown =>
  isObject(a) ? { objectType: 'Activity', id: a['id'] } : a

/** `(ids, language filter)` applied to the parts of a statement or a SubStatement. */
function mapParts(
  s: Json,
  agent: (a: unknown) => unknown,
  activity: (a: unknown) => unknown,
  verb: (v: unknown) => unknown,
): Json {
  const out: Json = { ...s }
  out['actor'] = agent(s['actor'])
  out['verb'] = verb(s['verb'])
  const object = s['object']
  if (isObject(object)) {
    const type = object['objectType'] ?? 'Activity'
    if (type === 'Activity') out['object'] = activity(object)
    else if (type === 'Agent' || type === 'Group') out['object'] = agent(object)
    else if (type === 'SubStatement') out['object'] = mapParts(object, agent, activity, verb)
  }
  if (s['authority'] !== undefined) out['authority'] = agent(s['authority'])
  const context = s['context']
  if (isObject(context)) {
    const c: Json = { ...context }
    if (c['instructor'] !== undefined) c['instructor'] = agent(c['instructor'])
    if (c['team'] !== undefined) c['team'] = agent(c['team'])
    if (isObject(c['contextActivities'])) {
      const ca: Json = {}
      for (const [k, list] of Object.entries(c['contextActivities']))
        ca[k] = Array.isArray(list) ? list.map(activity) : activity(list)
      c['contextActivities'] = ca
    }
    out['context'] = c
  }
  return out
}

/** The tags of a language map, the request's preferred first (Accept-Language). */
export type LanguagePreference = (tags: string[]) => string[]

/**
 * The request's language preference (negotiator: RFC 7231's Accept-Language, each map's tags
 * matched exactly or by prefix either way, q-values, "*", q=0 refused). A "*" of the lowest
 * quality is added, so that a tag the request does not name still comes after those it prefers
 * (a map must keep one language: 2.1.3.s4.b1) while one it refused (q=0) does not come at all.
 */
export function acceptedLanguages(header: string | undefined): LanguagePreference {
  const negotiator = new Negotiator({
    headers: { 'accept-language': `${header ? `${header}, ` : ''}*;q=0.001` },
  })
  return (tags) => negotiator.languages(tags)
}

/**
 * The language map reduced to one entry (Part Three 2.1.3.s4): the request's preferred (ties
 * broken by the stored order: PostgreSQL's jsonb keeps keys shortest first), else, when it refused
 * them all, the first.
 */
function filterMap(map: unknown, languages: LanguagePreference): unknown {
  if (!isObject(map)) return map
  const tags = Object.keys(map)
  if (tags.length <= 1) return map
  const tag = languages(tags)[0] ?? tags[0]!
  return { [tag]: map[tag] }
}

/** The LRS's canonical definitions of Activities, by id (activities.ts, latestDefinitions). */
export type Definitions = ReadonlyMap<string, Json>

function canonicalActivity(
  a: unknown,
  languages: LanguagePreference,
  definitions: Definitions,
): unknown {
  if (!isObject(a)) return a
  const definition = definitions.get(String(a['id'])) ?? a['definition']
  if (!isObject(definition)) return a
  const d: Json = { ...definition }
  for (const k of ['name', 'description']) if (d[k] !== undefined) d[k] = filterMap(d[k], languages)
  for (const k of ['choices', 'scale', 'source', 'target', 'steps'])
    if (Array.isArray(d[k]))
      d[k] = (d[k] as unknown[]).map((c) =>
        isObject(c) && c['description'] !== undefined
          ? { ...c, description: filterMap(c['description'], languages) }
          : c,
      )
  return { ...a, definition: d }
}

/** The ids of every Activity in `statements` (objects, context activities, SubStatements'). */
export function activityIdsOf(statements: readonly Json[]): string[] {
  const ids = new Set<string>()
  const collect = (a: unknown) => {
    if (isObject(a) && typeof a['id'] === 'string') ids.add(a['id'])
    return a
  }
  for (const s of statements)
    mapParts(
      s,
      (a) => a,
      collect,
      (v) => v,
    )
  return [...ids]
}

/**
 * A stored statement in `format`; for `canonical`, `languages` are the request's Accept-Language
 * ranges and `definitions` the LRS's canonical Activity definitions (by id).
 */
export function formatStatement(
  s: Json,
  format: StatementFormat,
  languages: LanguagePreference,
  definitions: Definitions = new Map(),
): Json {
  if (format === 'exact') return s
  if (format === 'ids')
    return mapParts(s, agentIds, activityIds, (v) => (isObject(v) ? { id: v['id'] } : v))
  const attachments = Array.isArray(s['attachments'])
    ? (s['attachments'] as unknown[]).map((a) =>
        isObject(a)
          ? {
              ...a,
              display: filterMap(a['display'], languages),
              ...(a['description'] !== undefined && {
                description: filterMap(a['description'], languages),
              }),
            }
          : a,
      )
    : undefined
  const out = mapParts(
    s,
    (a) => a,
    (a) => canonicalActivity(a, languages, definitions),
    (v) =>
      isObject(v) && v['display'] !== undefined
        ? { ...v, display: filterMap(v['display'], languages) }
        : v,
  )
  if (attachments) out['attachments'] = attachments
  return out
}
