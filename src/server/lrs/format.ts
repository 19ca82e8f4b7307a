// The `format` of statements returned (xAPI 1.0.3 Part Three §2.1.3): `exact` as stored; `ids`
// with Agents, Groups, Activities and Verbs cut to what identifies them; `canonical` with each
// Activity's definition the LRS's canonical one (the latest a statement gave it, as the Activities
// resource answers: activities.ts) and every language map of Activities (name, description, the
// interaction components' descriptions), Verbs (display, the statement's own: this LRS keeps no
// canonical Verb displays, 2.1.3.s4.b2 "MAY") and attachments (display, description) reduced to
// the one language the request's Accept-Language prefers (2.1.3.s4.b1, b5: RFC 2616 §14.4 applied
// to each map), Agents and Groups as stored.
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

/** The language ranges of an Accept-Language header with their qualities (q=0 kept: excluded). */
export function acceptedLanguages(header: string | undefined): Range[] {
  if (!header) return []
  return header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';')
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean)
      const quality = q ? Number(q[1]) : 1
      return { tag: (tag ?? '').trim().toLowerCase(), q: Number.isFinite(quality) ? quality : 0 }
    })
    .filter((l) => l.tag !== '')
}

/** A range of an Accept-Language header and its quality. */
export interface Range {
  readonly tag: string
  readonly q: number
}

/**
 * The quality RFC 2616 §14.4 gives `tag`: that of the longest range equal to it or a prefix of
 * it followed by "-", else that of "*"; undefined when no range names it (0: named as refused).
 */
function qualityOf(tag: string, ranges: readonly Range[]): number | undefined {
  const t = tag.toLowerCase()
  let best: Range | undefined
  for (const r of ranges)
    if ((r.tag === t || t.startsWith(`${r.tag}-`)) && (!best || r.tag.length > best.tag.length))
      best = r
  return best?.q ?? ranges.find((r) => r.tag === '*')?.q
}

/**
 * The language map reduced to one entry (Part Three 2.1.3.s4): the one of highest quality for the
 * request's ranges (the stored order breaks ties: PostgreSQL's jsonb keeps keys shortest first);
 * when none is acceptable, one whose tag a range starts with (a request for en-GB shown "en"),
 * else the first entry the request did not refuse (q=0), else the first.
 */
function filterMap(map: unknown, languages: readonly Range[]): unknown {
  if (!isObject(map)) return map
  const entries = Object.entries(map)
  if (entries.length <= 1) return map
  let chosen: [string, unknown] | undefined
  let chosenQ = 0
  for (const entry of entries) {
    const q = qualityOf(entry[0], languages) ?? 0
    if (q > chosenQ) [chosen, chosenQ] = [entry, q]
  }
  if (!chosen)
    for (const r of [...languages].sort((a, b) => b.q - a.q)) {
      if (r.q <= 0) continue
      chosen = entries.find(([tag]) => r.tag.startsWith(`${tag.toLowerCase()}-`))
      if (chosen) break
    }
  chosen ??= entries.find(([tag]) => qualityOf(tag, languages) !== 0)
  const [tag, value] = chosen ?? entries[0]!
  return { [tag]: value }
}

/** The LRS's canonical definitions of Activities, by id (activities.ts, latestDefinitions). */
export type Definitions = ReadonlyMap<string, Json>

function canonicalActivity(
  a: unknown,
  languages: readonly Range[],
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
  languages: readonly Range[],
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
