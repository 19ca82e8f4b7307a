// The data rules of xAPI 1.0.3 Part Two that an LRS enforces on a statement it receives: the
// properties each object may have, the types and formats of their values (IRIs, UUIDs, ISO 8601
// timestamps and durations, RFC 5646 language tags, mailto addresses), exactly one identifier per
// agent, what a Group, a SubStatement, a result's score and a context may hold. A statement that
// breaks one is refused with 400 and a message naming where and what to fix.
import {
  Check,
  DURATION,
  isObject,
  LANGUAGE_TAG,
  MAILTO,
  MEDIA_TYPE,
  SHA1,
  SHA2,
} from './validateCheck.ts'

export { instantOf, isTimestamp, StatementError, UUID } from './validateCheck.ts'

type Json = Record<string, unknown>

export const VOIDED_VERB = 'http://adlnet.gov/expapi/verbs/voided'
export const SIGNATURE_USAGE = 'http://adlnet.gov/expapi/attachments/signature'

const INTERACTION_TYPES = [
  'true-false',
  'choice',
  'fill-in',
  'long-fill-in',
  'matching',
  'performance',
  'sequencing',
  'likert',
  'numeric',
  'other',
]
/** The interaction components each interaction type may have. */
const COMPONENTS: Record<string, readonly string[]> = {
  choice: ['choices'],
  sequencing: ['choices'],
  likert: ['scale'],
  matching: ['source', 'target'],
  performance: ['steps'],
}
const ALL_COMPONENTS = ['choices', 'scale', 'source', 'target', 'steps']

const AGENT_PROPS = ['objectType', 'name', 'mbox', 'mbox_sha1sum', 'openid', 'account']
const GROUP_PROPS = [...AGENT_PROPS, 'member']
const IFIS = ['mbox', 'mbox_sha1sum', 'openid', 'account'] as const

/** Checks the inverse functional identifiers of an agent or group; returns how many it has. */
function ifis(c: Check, v: Json): number {
  let count = 0
  for (const ifi of IFIS) {
    const value = v[ifi]
    if (value === undefined) continue
    count++
    const at = c.in(ifi)
    if (ifi === 'mbox') {
      if (!MAILTO.test(at.string(value)))
        at.fail('an mbox is "mailto:" followed by an email address')
    } else if (ifi === 'mbox_sha1sum') {
      if (!SHA1.test(at.string(value))) at.fail('an mbox_sha1sum is 40 hexadecimal digits')
    } else if (ifi === 'openid') at.iri(value)
    else {
      const account = at.object(value, ['homePage', 'name'], 'an account')
      if (account['homePage'] === undefined) at.fail('an account needs a homePage (an IRL)')
      if (account['name'] === undefined) at.fail('an account needs a name')
      at.in('homePage').iri(account['homePage'])
      at.in('name').string(account['name'])
    }
  }
  return count
}

/** An Agent or a Group (the actor, an instructor, a member …). */
function agentOrGroup(c: Check, v: unknown, options: { objectTypeRequired?: boolean } = {}): void {
  if (!isObject(v)) c.fail('an Agent or Group must be a JSON object')
  const type = v['objectType']
  if (type === undefined && options.objectTypeRequired)
    c.fail('an Agent or Group as the object must say its objectType ("Agent" or "Group")')
  if (type === 'Group') return group(c, v)
  if (type !== undefined && type !== 'Agent')
    c.in('objectType').fail('an Agent\'s objectType is "Agent" (or "Group" for a group)')
  agent(c, v)
}

function agent(c: Check, v: unknown): void {
  const a = c.object(v, AGENT_PROPS, 'an Agent')
  if (a['objectType'] !== undefined && a['objectType'] !== 'Agent')
    c.in('objectType').fail('an Agent\'s objectType is "Agent"')
  if (a['name'] !== undefined) c.in('name').string(a['name'])
  const n = ifis(c, a)
  if (n !== 1)
    c.fail(
      n === 0
        ? 'an Agent needs one identifier: mbox, mbox_sha1sum, openid or account'
        : `an Agent has exactly one identifier; this one has ${n}`,
    )
}

function group(c: Check, v: unknown): void {
  const g = c.object(v, GROUP_PROPS, 'a Group')
  if (g['name'] !== undefined) c.in('name').string(g['name'])
  const n = ifis(c, g)
  if (n > 1) c.fail(`a Group has at most one identifier; this one has ${n}`)
  const members = g['member']
  if (n === 0 && members === undefined)
    c.fail('an anonymous Group (one without an identifier) must list its member Agents')
  if (members !== undefined) {
    const at: Check = c.in('member')
    if (!Array.isArray(members)) at.fail('member must be an array of Agents')
    if (n === 0 && members.length === 0)
      c.in('member').fail('an anonymous Group must have at least one member')
    members.forEach((m, i) => {
      if (isObject(m) && m['objectType'] === 'Group')
        c.in('member').in(i).fail("a Group's members are Agents, never Groups")
      agent(c.in('member').in(i), m)
    })
  }
}

function verb(c: Check, v: unknown): void {
  const o = c.object(v, ['id', 'display'], 'a Verb')
  if (o['id'] === undefined) c.fail('a Verb needs an id (an IRI)')
  c.in('id').iri(o['id'])
  if (o['display'] !== undefined) c.in('display').languageMap(o['display'])
}

function interactionComponents(c: Check, v: unknown): void {
  if (!Array.isArray(v)) c.fail('interaction components are an array of { id, description }')
  const seen = new Set<string>()
  v.forEach((item, i) => {
    const at = c.in(i)
    const o = at.object(item, ['id', 'description'], 'an interaction component')
    const id = at.in('id').string(o['id'], 'its id')
    if (seen.has(id)) at.in('id').fail(`the id "${id.slice(0, 40)}" appears twice in this list`)
    seen.add(id)
    if (o['description'] !== undefined) at.in('description').languageMap(o['description'])
  })
}

function activity(c: Check, v: unknown): void {
  const o = c.object(v, ['objectType', 'id', 'definition'], 'an Activity')
  if (o['objectType'] !== undefined && o['objectType'] !== 'Activity')
    c.in('objectType').fail('an Activity\'s objectType is "Activity"')
  if (o['id'] === undefined) c.fail('an Activity needs an id (an IRI)')
  c.in('id').iri(o['id'])
  if (o['definition'] === undefined) return
  const d = c.in('definition')
  const def = d.object(
    o['definition'],
    [
      'name',
      'description',
      'type',
      'moreInfo',
      'extensions',
      'interactionType',
      'correctResponsesPattern',
      ...ALL_COMPONENTS,
    ],
    'an Activity definition',
  )
  if (def['name'] !== undefined) d.in('name').languageMap(def['name'])
  if (def['description'] !== undefined) d.in('description').languageMap(def['description'])
  if (def['type'] !== undefined) d.in('type').iri(def['type'])
  if (def['moreInfo'] !== undefined) d.in('moreInfo').iri(def['moreInfo'])
  if (def['extensions'] !== undefined) d.in('extensions').extensions(def['extensions'])
  const type = def['interactionType']
  if (type !== undefined && (typeof type !== 'string' || !INTERACTION_TYPES.includes(type)))
    d.in('interactionType').fail(`an interactionType is one of ${INTERACTION_TYPES.join(', ')}`)
  const pattern = def['correctResponsesPattern']
  if (pattern !== undefined) {
    if (type === undefined)
      d.in('correctResponsesPattern').fail('a correctResponsesPattern needs an interactionType')
    if (!Array.isArray(pattern) || pattern.some((p) => typeof p !== 'string'))
      d.in('correctResponsesPattern').fail('a correctResponsesPattern is an array of strings')
  }
  for (const component of ALL_COMPONENTS) {
    if (def[component] === undefined) continue
    const allowed = typeof type === 'string' ? (COMPONENTS[type] ?? []) : []
    if (!allowed.includes(component))
      d.in(component).fail(
        type === undefined
          ? `"${component}" needs an interactionType that has it`
          : `an interaction of type "${String(type)}" has no "${component}"`,
      )
    interactionComponents(d.in(component), def[component])
  }
}

function statementRef(c: Check, v: unknown): void {
  const o = c.object(v, ['objectType', 'id'], 'a StatementRef')
  if (o['id'] === undefined) c.fail('a StatementRef needs the id of the statement it points at')
  c.in('id').uuid(o['id'])
}

function object(c: Check, v: unknown, inSubStatement: boolean): void {
  if (!isObject(v)) c.fail('the object must be a JSON object')
  const type = v['objectType'] ?? 'Activity'
  switch (type) {
    case 'Activity':
      return activity(c, v)
    case 'Agent':
    case 'Group':
      return agentOrGroup(c, v, { objectTypeRequired: true })
    case 'StatementRef':
      return statementRef(c, v)
    case 'SubStatement':
      if (inSubStatement) c.fail('a SubStatement may not have a SubStatement as its object')
      return subStatement(c, v)
    default:
      c.in('objectType').fail(
        'an object\'s objectType is "Activity", "Agent", "Group", "StatementRef" or "SubStatement"',
      )
  }
}

function result(c: Check, v: unknown): void {
  const r = c.object(
    v,
    ['score', 'success', 'completion', 'response', 'duration', 'extensions'],
    'a Result',
  )
  if (r['score'] !== undefined) {
    const s = c.in('score')
    const score = s.object(r['score'], ['scaled', 'raw', 'min', 'max'], 'a Score')
    for (const key of ['scaled', 'raw', 'min', 'max'])
      if (score[key] !== undefined) s.in(key).number(score[key])
    const { scaled, raw, min, max } = score as Record<string, number | undefined>
    if (scaled !== undefined && (scaled < -1 || scaled > 1))
      s.in('scaled').fail('a scaled score is from -1 to 1')
    if (min !== undefined && max !== undefined && max <= min)
      s.in('max').fail("a score's max must be greater than its min")
    if (raw !== undefined && min !== undefined && raw < min)
      s.in('raw').fail('a raw score may not be below the min')
    if (raw !== undefined && max !== undefined && raw > max)
      s.in('raw').fail('a raw score may not be above the max')
  }
  if (r['success'] !== undefined) c.in('success').boolean(r['success'])
  if (r['completion'] !== undefined) c.in('completion').boolean(r['completion'])
  if (r['response'] !== undefined) c.in('response').string(r['response'])
  if (r['duration'] !== undefined) {
    const d = c.in('duration').string(r['duration'], 'a duration')
    if (!DURATION.test(d))
      c.in('duration').fail(`"${d.slice(0, 40)}" is not an ISO 8601 duration (such as PT1M30.5S)`)
  }
  if (r['extensions'] !== undefined) c.in('extensions').extensions(r['extensions'])
}

function activityList(c: Check, v: unknown): void {
  if (Array.isArray(v)) v.forEach((a, i) => activity(c.in(i), a))
  else activity(c, v)
}

function context(c: Check, v: unknown, objectIsActivity: boolean): void {
  const x = c.object(
    v,
    [
      'registration',
      'instructor',
      'team',
      'contextActivities',
      'revision',
      'platform',
      'language',
      'statement',
      'extensions',
    ],
    'a Context',
  )
  if (x['registration'] !== undefined) c.in('registration').uuid(x['registration'])
  if (x['instructor'] !== undefined) agentOrGroup(c.in('instructor'), x['instructor'])
  if (x['team'] !== undefined) {
    if (!isObject(x['team']) || x['team']['objectType'] !== 'Group')
      c.in('team').fail('a team is a Group (its objectType "Group")')
    group(c.in('team'), x['team'])
  }
  if (x['contextActivities'] !== undefined) {
    const a = c.in('contextActivities')
    const ca = a.object(
      x['contextActivities'],
      ['parent', 'grouping', 'category', 'other'],
      'contextActivities',
    )
    for (const [key, list] of Object.entries(ca)) activityList(a.in(key), list)
  }
  for (const key of ['revision', 'platform']) {
    if (x[key] === undefined) continue
    c.in(key).string(x[key])
    if (!objectIsActivity)
      c.in(key).fail(`a context's ${key} may only be used when the object is an Activity`)
  }
  if (x['language'] !== undefined) {
    const tag = c.in('language').string(x['language'])
    if (!LANGUAGE_TAG.test(tag))
      c.in('language').fail(`"${tag.slice(0, 40)}" is not an RFC 5646 language tag`)
  }
  if (x['statement'] !== undefined) {
    if (!isObject(x['statement']) || x['statement']['objectType'] !== 'StatementRef')
      c.in('statement').fail('a context\'s statement is a StatementRef (objectType "StatementRef")')
    statementRef(c.in('statement'), x['statement'])
  }
  if (x['extensions'] !== undefined) c.in('extensions').extensions(x['extensions'])
}

function attachments(c: Check, v: unknown): void {
  if (!Array.isArray(v)) c.fail('attachments are an array')
  v.forEach((item, i) => {
    const at = c.in(i)
    const a = at.object(
      item,
      ['usageType', 'display', 'description', 'contentType', 'length', 'sha2', 'fileUrl'],
      'an Attachment',
    )
    for (const key of ['usageType', 'display', 'contentType', 'length', 'sha2'])
      if (a[key] === undefined) at.fail(`an Attachment needs its ${key}`)
    at.in('usageType').iri(a['usageType'])
    at.in('display').languageMap(a['display'])
    if (a['description'] !== undefined) at.in('description').languageMap(a['description'])
    const type = at.in('contentType').string(a['contentType'])
    if (!MEDIA_TYPE.test(type))
      at.in('contentType').fail(`"${type.slice(0, 60)}" is not an Internet media type`)
    const length = a['length']
    if (typeof length !== 'number' || !Number.isInteger(length) || length < 0)
      at.in('length').fail("an Attachment's length is a whole number of bytes")
    if (!SHA2.test(at.in('sha2').string(a['sha2'])))
      at.in('sha2').fail('sha2 is the hexadecimal SHA-2 hash of the attachment')
    if (a['fileUrl'] !== undefined) at.in('fileUrl').iri(a['fileUrl'])
  })
}

/** The parts a statement and a SubStatement share: actor, verb, object, result, context, timestamp, attachments. */
function body(c: Check, s: Json, inSubStatement: boolean): void {
  for (const key of ['actor', 'verb', 'object'])
    if (s[key] === undefined)
      c.fail(`a ${inSubStatement ? 'SubStatement' : 'statement'} needs an ${key}`)
  agentOrGroup(c.in('actor'), s['actor'])
  verb(c.in('verb'), s['verb'])
  object(c.in('object'), s['object'], inSubStatement)
  if (s['result'] !== undefined) result(c.in('result'), s['result'])
  const objectType = isObject(s['object']) ? (s['object']['objectType'] ?? 'Activity') : ''
  if (s['context'] !== undefined) context(c.in('context'), s['context'], objectType === 'Activity')
  if (s['timestamp'] !== undefined) c.in('timestamp').timestamp(s['timestamp'])
  if (s['attachments'] !== undefined) attachments(c.in('attachments'), s['attachments'])
  if (isObject(s['verb']) && s['verb']['id'] === VOIDED_VERB && objectType !== 'StatementRef')
    c.in('object').fail('a statement with the verb "voided" must have a StatementRef as its object')
}

function subStatement(c: Check, v: unknown): void {
  const s = c.object(
    v,
    ['objectType', 'actor', 'verb', 'object', 'result', 'context', 'timestamp', 'attachments'],
    'a SubStatement (which has no id, stored, version or authority)',
  )
  body(c, s, true)
}

const STATEMENT_PROPS = [
  'id',
  'actor',
  'verb',
  'object',
  'result',
  'context',
  'timestamp',
  'stored',
  'authority',
  'version',
  'attachments',
]

/**
 * Checks one statement as received (`where` names it in messages, e.g. `statements[3]`); throws
 * StatementError (400) at the first rule it breaks.
 */
export function validateStatement(value: unknown, where = 'statement'): asserts value is Json {
  const c = new Check(where)
  const s = c.object(value, STATEMENT_PROPS, 'a statement')
  if (s['id'] !== undefined) c.in('id').uuid(s['id'])
  body(c, s, false)
  if (s['stored'] !== undefined) c.in('stored').timestamp(s['stored'])
  if (s['authority'] !== undefined) {
    const a = c.in('authority')
    agentOrGroup(a, s['authority'])
    const auth = s['authority'] as Json
    if (auth['objectType'] === 'Group') {
      const members = auth['member']
      if (!Array.isArray(members) || members.length !== 2)
        a.fail('an authority that is a Group is an OAuth consumer and a user: exactly two members')
    }
  }
  if (s['version'] !== undefined) {
    const version = c.in('version').string(s['version'])
    if (!/^1\.0(\.\d+)?$/.test(version))
      c.in('version').fail(
        `this LRS takes statements of version 1.0.x; "${version.slice(0, 20)}" is not one`,
      )
  }
}
