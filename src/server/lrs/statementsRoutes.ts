// The Statements resource (xAPI 1.0.3 Part Three §2.1) at /xapi/statements: PUT one statement
// under `statementId`, POST one or an array (200 with their ids), GET one by `statementId` or
// `voidedStatementId`, or a page of those matching the filters, newest stored first unless
// `ascending`, with `more` naming the next page. Every answer carries
// X-Experience-API-Consistent-Through.
import type { Context } from 'hono'
import { ApiError } from '../http/errors.ts'
import type { LrsApp, LrsEnv } from './app.ts'
import {
  checkAttachments,
  multipartAnswer,
  readStatementsBody,
  storeAttachments,
} from './attachments.ts'
import { authorityOf, lrsClientOf } from './auth.ts'
import { latestDefinitions } from './activities.ts'
import {
  acceptedLanguages,
  activityIdsOf,
  formatStatement,
  type Definitions,
  type StatementFormat,
} from './format.ts'
import {
  agentKeyOf,
  MAX_LIMIT,
  prepare,
  queryStatements,
  statementById,
  storeStatements,
  type Cursor,
  type StatementQuery,
} from './statements.ts'
import { isTimestamp, StatementError, UUID, validateStatement } from './validate.ts'

type Json = Record<string, unknown>

const bad = (code: string, message: string) => new ApiError(400, code, message)

/** The request's query parameters, each at most once, each one of `allowed`. */
function paramsOf(c: Context, allowed: readonly string[]): Map<string, string> {
  const params = new Map<string, string>()
  for (const [name, values] of Object.entries(c.req.queries())) {
    if (!allowed.includes(name))
      throw bad(
        'unknown-parameter',
        allowed.length === 0
          ? `This request takes no parameters; "${name.slice(0, 40)}" is not one.`
          : `"${name.slice(0, 40)}" is not a parameter of this request (it takes ${allowed.join(', ')}).`,
      )
    if (values.length > 1)
      throw bad('repeated-parameter', `The parameter "${name}" is given twice.`)
    params.set(name, values[0] ?? '')
  }
  return params
}

function booleanParam(params: Map<string, string>, name: string): boolean {
  const v = params.get(name)
  if (v === undefined) return false
  if (v !== 'true' && v !== 'false') throw bad('bad-parameter', `"${name}" is true or false.`)
  return v === 'true'
}

function uuidParam(value: string, name: string): string {
  if (!UUID.test(value)) throw bad('bad-parameter', `"${name}" must be a UUID.`)
  return value.toLowerCase()
}

function formatParam(params: Map<string, string>): StatementFormat {
  const f = params.get('format') ?? 'exact'
  if (f !== 'exact' && f !== 'ids' && f !== 'canonical')
    throw bad('bad-parameter', '"format" is "exact", "ids" or "canonical".')
  return f
}

/** The authority of statements the request's client stores. */
function authorityOfRequest(c: Context<LrsEnv>): Json {
  return authorityOf(lrsClientOf(c), `${new URL(c.req.url).origin}/xapi/clients`)
}

async function store(
  c: Context<LrsEnv>,
  json: unknown[],
  single: boolean,
  parts: Parameters<typeof checkAttachments>[1],
) {
  const { db, now } = c.get('deps')
  json.forEach((s, i) => validateStatement(s, single ? 'statement' : `statements[${i}]`))
  const statements = json as Json[]
  const keep = await checkAttachments(statements, parts)
  const stored = now()
  const authority = authorityOfRequest(c)
  const prepared = statements.map((s) => prepare(s, stored, authority))
  const clientId = lrsClientOf(c).id
  if (keep.length === 0) return storeStatements(db, prepared, { clientId })
  return db.transaction().execute(async (trx) => {
    await storeAttachments(trx, keep)
    return storeStatements(trx, prepared, { clientId })
  })
}

async function postStatements(c: Context<LrsEnv>): Promise<Response> {
  paramsOf(c, [])
  const { json, parts } = await readStatementsBody(c)
  const list = Array.isArray(json) ? json : [json]
  if (list.length === 0) throw bad('no-statements', 'The request holds no statements.')
  return c.json(await store(c, list, !Array.isArray(json), parts), 200)
}

async function putStatement(c: Context<LrsEnv>): Promise<Response> {
  const params = paramsOf(c, ['statementId'])
  const id = params.get('statementId')
  if (id === undefined)
    throw bad(
      'statement-id-missing',
      'A PUT names the statement\'s id in the "statementId" parameter.',
    )
  const statementId = uuidParam(id, 'statementId')
  const { json, parts } = await readStatementsBody(c)
  if (Array.isArray(json) || typeof json !== 'object' || json === null)
    throw new StatementError('statement', 'a PUT carries one statement, a JSON object')
  const body = json as Json
  if (body['id'] !== undefined && String(body['id']).toLowerCase() !== statementId)
    throw bad(
      'statement-id-mismatch',
      `The statement's id (${String(body['id']).slice(0, 40)}) is not the "statementId" parameter (${statementId}).`,
    )
  await store(c, [{ ...body, id: statementId }], true, parts)
  return c.body(null, 204)
}

const QUERY_PARAMS = [
  'agent',
  'verb',
  'activity',
  'registration',
  'related_activities',
  'related_agents',
  'since',
  'until',
  'limit',
  'format',
  'attachments',
  'ascending',
]

/** What a `more` link carries: the query, the answer's form, where the last page ended. */
interface More {
  readonly q: StatementQuery
  readonly f: StatementFormat
  readonly a: boolean
  readonly c: Cursor
}

function queryOf(params: Map<string, string>): StatementQuery {
  let agent: string | undefined
  const agentText = params.get('agent')
  if (agentText !== undefined) {
    let value: unknown
    try {
      value = JSON.parse(agentText)
    } catch {
      throw bad('bad-parameter', '"agent" is an Agent or identified Group as JSON.')
    }
    try {
      validateStatement(
        {
          actor: value,
          verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' },
          object: { id: 'http://example.org/a' },
        },
        'agent',
      )
    } catch (e) {
      if (e instanceof StatementError)
        throw bad('bad-parameter', `"agent" is not a valid Agent or Group: ${e.message}`)
      throw e
    }
    agent = agentKeyOf(value)
    if (agent === undefined)
      throw bad('bad-parameter', '"agent" must be identified (an anonymous Group cannot be).')
  }
  const verb = params.get('verb')
  const activity = params.get('activity')
  for (const [name, v] of [
    ['verb', verb],
    ['activity', activity],
  ] as const)
    if (v !== undefined && !/^[a-z][a-z0-9+.-]*:\S+$/i.test(v))
      throw bad('bad-parameter', `"${name}" must be an IRI.`)
  const registration = params.get('registration')
  for (const name of ['since', 'until']) {
    const t = params.get(name)
    if (t !== undefined && !isTimestamp(t))
      throw bad('bad-parameter', `"${name}" must be an ISO 8601 timestamp.`)
  }
  const limitText = params.get('limit') ?? '0'
  if (!/^\d{1,9}$/.test(limitText))
    throw bad('bad-parameter', '"limit" is a whole number (0: as many as the LRS allows).')
  const limit = Number(limitText)
  return {
    agent,
    verb,
    activity,
    registration: registration === undefined ? undefined : uuidParam(registration, 'registration'),
    relatedActivities: booleanParam(params, 'related_activities'),
    relatedAgents: booleanParam(params, 'related_agents'),
    since: params.get('since'),
    until: params.get('until'),
    limit: limit === 0 ? MAX_LIMIT : Math.min(limit, MAX_LIMIT),
    ascending: booleanParam(params, 'ascending'),
  }
}

/** The canonical definitions of the Activities in `statements` when the format is canonical. */
async function definitionsFor(
  c: Context<LrsEnv>,
  format: StatementFormat,
  statements: readonly Json[],
): Promise<Definitions> {
  if (format !== 'canonical') return new Map()
  return latestDefinitions(c.get('deps').db, activityIdsOf(statements))
}

async function answerStatements(
  c: Context<LrsEnv>,
  json: unknown,
  statements: readonly Json[],
  attachments: boolean,
): Promise<Response> {
  if (!attachments) return c.json(json)
  const { body, contentType } = await multipartAnswer(c.get('deps').db, json, statements)
  return c.body(body as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': contentType })
}

async function getStatements(c: Context<LrsEnv>): Promise<Response> {
  const { db } = c.get('deps')
  const languages = acceptedLanguages(c.req.header('accept-language'))
  const raw = c.req.queries()
  // one statement: by its id, or a voided one by its id
  if (raw['statementId'] !== undefined || raw['voidedStatementId'] !== undefined) {
    if (raw['statementId'] !== undefined && raw['voidedStatementId'] !== undefined)
      throw bad('bad-parameter', 'Give "statementId" or "voidedStatementId", not both.')
    const name = raw['statementId'] !== undefined ? 'statementId' : 'voidedStatementId'
    const params = paramsOf(c, [name, 'format', 'attachments'])
    const id = uuidParam(params.get(name) ?? '', name)
    const statement = await statementById(db, id, name === 'voidedStatementId')
    if (!statement)
      throw new ApiError(
        404,
        'no-such-statement',
        name === 'statementId'
          ? `This LRS has no statement ${id} (or it was voided: ask for it as voidedStatementId).`
          : `This LRS has no voided statement ${id}.`,
      )
    c.header('Last-Modified', new Date(String(statement['stored'])).toUTCString())
    const format = formatParam(params)
    const definitions = await definitionsFor(c, format, [statement])
    const shown = formatStatement(statement, format, languages, definitions)
    return answerStatements(c, shown, [statement], booleanParam(params, 'attachments'))
  }
  let more: More
  if (raw['more'] !== undefined) {
    const params = paramsOf(c, ['more'])
    try {
      more = JSON.parse(Buffer.from(params.get('more') ?? '', 'base64url').toString('utf8')) as More
      if (typeof more.q !== 'object' || !Array.isArray(more.c)) throw new Error('shape')
    } catch {
      throw bad('bad-more', 'This "more" link is not one this LRS gave: start the query again.')
    }
  } else {
    const params = paramsOf(c, QUERY_PARAMS)
    more = {
      q: queryOf(params),
      f: formatParam(params),
      a: booleanParam(params, 'attachments'),
      c: ['', ''],
    }
  }
  const page = await queryStatements(db, more.q, more.c[0] ? more.c : undefined)
  const next: More | undefined = page.next && { ...more, c: page.next }
  const definitions = await definitionsFor(c, more.f, page.statements)
  const result = {
    statements: page.statements.map((s) => formatStatement(s, more.f, languages, definitions)),
    more: next
      ? `/xapi/statements?more=${Buffer.from(JSON.stringify(next)).toString('base64url')}`
      : '',
  }
  return answerStatements(c, result, page.statements, more.a)
}

export function statementRoutes(app: LrsApp): void {
  app.use('/statements', async (c, next) => {
    await next()
    c.header('X-Experience-API-Consistent-Through', c.get('deps').now().toISOString())
  })
  app.post('/statements', postStatements)
  app.put('/statements', putStatement)
  app.get('/statements', getStatements)
}
