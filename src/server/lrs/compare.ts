// Comparing two statements as xAPI 1.0.3 asks (Part Two §2.3.1, Statement Comparison
// Requirements): differences that the exceptions to statement immutability could cause are
// ignored, every other difference counts. Used for a statement sent again under a stored id (the
// same one is accepted, another is 409) and for a signed statement's JWS payload (Part Two §2.6).
// Ignored: what the LRS fills in (stored, authority, version; id and timestamp when the first has
// none), Activity definitions and Verb displays (not part of the statement, 2.3.1.b2, b3), the
// serialization of timestamps (the same instant in another zone, 2.3.1.b4), the order of a
// Group's members (2.3.1.b5), the order of properties, and the case of what is case-insensitive
// (UUIDs, the domain of an mbox, the hex of an mbox_sha1sum: 2.3.1.b7). Not ignored: anything
// else, the result's duration compared as a string included (2.3.1.b8).
import { instantOf, UUID } from './validate.ts'

type Json = Record<string, unknown>

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)

/** A value with object keys sorted, UUIDs in lower case, timestamps as instants. */
function normal(v: unknown, key = ''): unknown {
  if (Array.isArray(v)) return v.map((x) => normal(x))
  if (isObject(v)) {
    const out: Json = {}
    for (const k of Object.keys(v).sort()) out[k] = normal(v[k], k)
    return out
  }
  // a statement's, a StatementRef's, a registration's UUID (an Activity's or Verb's id is an IRI,
  // case-sensitive, never UUID-shaped)
  if (typeof v === 'string' && (key === 'id' || key === 'registration') && UUID.test(v))
    return v.toLowerCase()
  if (typeof v === 'string' && key === 'timestamp') return instantOf(v)
  return v
}

/** An Agent or Group as compared: the mbox's domain and the mbox_sha1sum in lower case, members in a set order. */
function comparableAgent(agent: unknown): unknown {
  if (!isObject(agent)) return agent
  const out: Json = { ...agent }
  const mbox = out['mbox']
  if (typeof mbox === 'string') {
    const at = mbox.lastIndexOf('@')
    out['mbox'] = at < 0 ? mbox : mbox.slice(0, at) + mbox.slice(at).toLowerCase()
  }
  if (typeof out['mbox_sha1sum'] === 'string')
    out['mbox_sha1sum'] = out['mbox_sha1sum'].toLowerCase()
  if (Array.isArray(out['member']))
    out['member'] = out['member']
      .map(comparableAgent)
      .map((m) => ({ m, key: JSON.stringify(normal(m)) }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map(({ m }) => m)
  return out
}

const withoutDefinition = (a: unknown): unknown => {
  if (!isObject(a)) return a
  const rest: Json = { ...a }
  delete rest['definition']
  return rest
}

/** A statement or SubStatement without what its comparison ignores (see above). */
function comparablePart(part: Json): Json {
  const out: Json = { ...part }
  if (isObject(out['verb'])) {
    const verb: Json = { ...out['verb'] }
    delete verb['display']
    out['verb'] = verb
  }
  out['actor'] = comparableAgent(out['actor'])
  const object = out['object']
  if (isObject(object)) {
    const type = object['objectType'] ?? 'Activity'
    if (type === 'Activity') out['object'] = withoutDefinition(object)
    else if (type === 'Agent' || type === 'Group') out['object'] = comparableAgent(object)
    else if (type === 'SubStatement') out['object'] = comparablePart(object)
  }
  const context = out['context']
  if (isObject(context)) {
    const c: Json = { ...context }
    for (const k of ['instructor', 'team']) if (c[k] !== undefined) c[k] = comparableAgent(c[k])
    if (isObject(c['contextActivities'])) {
      const activities: Json = {}
      for (const [k, list] of Object.entries(c['contextActivities']))
        activities[k] = Array.isArray(list) ? list.map(withoutDefinition) : withoutDefinition(list)
      c['contextActivities'] = activities
    }
    out['context'] = c
  }
  return out
}

/**
 * Whether `first` (a statement received, or a signature's payload) is the same statement as
 * `second` (one stored, or the statement signed): what the LRS fills in does not count (`id` and
 * `timestamp` only when `first` has none), nor any other difference the immutability exceptions
 * allow (see above).
 */
export function sameStatement(first: Json, second: Json): boolean {
  const a: Json = comparablePart(first)
  const b: Json = comparablePart(second)
  for (const key of ['stored', 'authority', 'version']) {
    delete a[key]
    delete b[key]
  }
  if (a['timestamp'] === undefined) delete b['timestamp']
  if (a['id'] === undefined) delete b['id']
  return JSON.stringify(normal(a)) === JSON.stringify(normal(b))
}
