// The `format` of statements returned (xAPI 1.0.3 Part Three §2.1.3): `exact` as stored; `ids`
// with Agents, Groups, Activities and Verbs cut to what identifies them; `canonical` with every
// language map of Activities and Verbs reduced to the one language that best matches the
// request's Accept-Language (Part Three §2.1.3, language filtering).
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

/** The languages of an Accept-Language header, best first (q-values honoured). */
export function acceptedLanguages(header: string | undefined): string[] {
  if (!header) return []
  return header
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(';')
      const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)).find(Boolean)
      return { tag: (tag ?? '').trim().toLowerCase(), q: q ? Number(q[1]) : 1, i }
    })
    .filter((l) => l.tag !== '' && l.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i)
    .map((l) => l.tag)
}

/** The language map reduced to its best entry for `languages` (else its first entry). */
function filterMap(map: unknown, languages: readonly string[]): unknown {
  if (!isObject(map)) return map
  const entries = Object.entries(map)
  if (entries.length <= 1) return map
  for (const want of languages) {
    if (want === '*') break
    const exact = entries.find(([tag]) => tag.toLowerCase() === want)
    if (exact) return { [exact[0]]: exact[1] }
    const prefix = entries.find(
      ([tag]) =>
        tag.toLowerCase().startsWith(`${want}-`) || want.startsWith(`${tag.toLowerCase()}-`),
    )
    if (prefix) return { [prefix[0]]: prefix[1] }
  }
  const [first] = entries
  return first ? { [first[0]]: first[1] } : map
}

function canonicalActivity(a: unknown, languages: readonly string[]): unknown {
  if (!isObject(a) || !isObject(a['definition'])) return a
  const d: Json = { ...a['definition'] }
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

/** A stored statement in `format` (`languages`: the request's, for `canonical`). */
export function formatStatement(
  s: Json,
  format: StatementFormat,
  languages: readonly string[],
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
    (a) => canonicalActivity(a, languages),
    (v) =>
      isObject(v) && v['display'] !== undefined
        ? { ...v, display: filterMap(v['display'], languages) }
        : v,
  )
  if (attachments) out['attachments'] = attachments
  return out
}
