// The xAPI 1.0.3 document resources (Part Three 2.2, 2.3, 2.6, 2.7): State
// (/activities/state), Activity Profile (/activities/profile) and Agent Profile
// (/agents/profile). A document is kept as sent, with its content type; GET answers it with its
// ETag (the SHA-1 of its bytes, in quotes) and Last-Modified; PUT replaces it, POST merges JSON
// objects (top-level properties) or stores a new one, DELETE removes one (or, for State, every
// document of a context). Concurrency (3.1): If-Match and If-None-Match are honoured on PUT, POST
// and DELETE (412 when they fail, nothing changed); a PUT on an existing profile document with
// neither header is refused with 409. The State resource permits PUT without those headers
// (3.1.s3: "state conflicts are unlikely"): cmi5's LMS rewrites LMS.LaunchData at each launch.
import type { Context } from 'hono'
import type { LrsDocumentKind } from '../db/schema.ts'
import { readBytes } from '../http/body.ts'
import { ApiError } from '../http/errors.ts'
import type { LrsApp, LrsEnv } from './app.ts'
import { activityRoutes } from './activities.ts'
import { agentKey, agentRoutes, parseAgent } from './agents.ts'
import {
  activityIdOf,
  documentIdOf,
  readParams,
  registrationOf,
  required,
  sinceOf,
  xapiJson,
} from './documentsParams.ts'
import {
  deleteDocument,
  deleteDocuments,
  listDocumentIds,
  readDocument,
  writeDocument,
  type DocumentKey,
  type DocumentScope,
  type NewContent,
  type StoredDocument,
} from './documentsStore.ts'

interface ResourceSpec {
  readonly kind: LrsDocumentKind
  readonly path: string
  /** what the spec calls this resource, for messages */
  readonly title: string
  readonly idParam: 'stateId' | 'profileId'
  readonly activity: boolean
  readonly agent: boolean
  /** State only: a registration narrows the context; DELETE without an id deletes them all */
  readonly state: boolean
}

export const DOCUMENT_RESOURCES: readonly ResourceSpec[] = [
  {
    kind: 'state',
    path: '/activities/state',
    title: 'State',
    idParam: 'stateId',
    activity: true,
    agent: true,
    state: true,
  },
  {
    kind: 'activity-profile',
    path: '/activities/profile',
    title: 'Activity Profile',
    idParam: 'profileId',
    activity: true,
    agent: false,
    state: false,
  },
  {
    kind: 'agent-profile',
    path: '/agents/profile',
    title: 'Agent Profile',
    idParam: 'profileId',
    activity: false,
    agent: true,
    state: false,
  },
]

/** The parameters `spec` takes; `since` only on GET. */
function allowedParams(spec: ResourceSpec, method: string): string[] {
  return [
    ...(spec.activity ? ['activityId'] : []),
    ...(spec.agent ? ['agent'] : []),
    ...(spec.state ? ['registration'] : []),
    spec.idParam,
    ...(method === 'GET' ? ['since'] : []),
  ]
}

interface Target {
  readonly scope: DocumentScope
  /** the document named, when the request names one */
  readonly key: DocumentKey | undefined
  readonly since: Date | undefined
}

function targetOf(c: Context, spec: ResourceSpec): Target {
  const method = c.req.method === 'HEAD' ? 'GET' : c.req.method
  const params = readParams(c, allowedParams(spec, method))
  const activityId = spec.activity ? activityIdOf(params) : ''
  const agent = spec.agent ? agentKey(parseAgent(required(params, 'agent'))) : ''
  const registration = spec.state ? registrationOf(params) : ''
  const docId = documentIdOf(params, spec.idParam)
  const since = sinceOf(params)
  if (since && docId !== undefined)
    throw new ApiError(
      400,
      'bad-parameter',
      `"since" lists the ids of documents; leave it out when asking for one "${spec.idParam}".`,
    )
  const scope: DocumentScope = {
    kind: spec.kind,
    activityId,
    agentKey: agent,
    registration: spec.state && params.has('registration') ? registration : undefined,
  }
  const key =
    docId === undefined
      ? undefined
      : { kind: spec.kind, activityId, agentKey: agent, registration, docId }
  return { scope, key, since }
}

function needKey(target: Target, spec: ResourceSpec): DocumentKey {
  if (!target.key) throw new ApiError(400, 'bad-parameter', `Give the "${spec.idParam}" parameter.`)
  return target.key
}

/** The ETags of an If-Match / If-None-Match header: '*' or the quoted tags, unquoted. */
function tagsOf(header: string): '*' | string[] {
  if (header.trim() === '*') return '*'
  return header
    .split(',')
    .map((t) =>
      t
        .trim()
        .replace(/^W\//, '')
        .replace(/^"(.*)"$/, '$1')
        .toLowerCase(),
    )
    .filter(Boolean)
}

const matches = (tags: '*' | string[], current: StoredDocument) =>
  tags === '*' || tags.includes(current.etag)

/** Refuses with 412 when If-Match or If-None-Match fails against the document there now. */
function checkPreconditions(c: Context, current: StoredDocument | undefined): void {
  const ifMatch = c.req.header('if-match')
  const ifNoneMatch = c.req.header('if-none-match')
  if (ifMatch !== undefined && (!current || !matches(tagsOf(ifMatch), current)))
    throw new ApiError(
      412,
      'precondition-failed',
      current
        ? `The document changed since you read it (If-Match does not match its ETag "${current.etag}"): read it again, then send your change with its new ETag.`
        : 'There is no such document, so If-Match cannot match: leave If-Match out to create it.',
    )
  if (ifNoneMatch !== undefined && current && matches(tagsOf(ifNoneMatch), current))
    throw new ApiError(
      412,
      'precondition-failed',
      'The document already exists (If-None-Match refused it): read it, then replace it with If-Match and its ETag.',
    )
}

/** PUT on an existing profile document needs If-Match or If-None-Match (3.1.s4.b13–b15). */
function checkConflict(c: Context, spec: ResourceSpec, current: StoredDocument | undefined): void {
  if (spec.state || !current) return
  if (c.req.header('if-match') !== undefined || c.req.header('if-none-match') !== undefined) return
  throw new ApiError(
    409,
    'document-exists',
    `This ${spec.title} document already exists. Check its current state (GET it), then send the PUT again with the header If-Match set to its current ETag ("${current.etag}") to replace it.`,
    { etag: current.etag },
  )
}

const mediaType = (contentType: string) => contentType.split(';')[0]!.trim().toLowerCase()
const isJson = (contentType: string) => mediaType(contentType) === 'application/json'

/**
 * The request's document: bytes and content type; JSON that says it is JSON must parse. One over
 * the server's limit (PRACTICA_LRS_DOCUMENT_MB) is refused with 413 (Part Three 3.2.s3.b11).
 */
async function readContent(c: Context<LrsEnv>): Promise<NewContent> {
  const content = await readBytes(c, c.get('deps').config.lrsDocumentBytes)
  const contentType = c.req.header('content-type')?.trim() || 'application/octet-stream'
  if (isJson(contentType)) parseJson(content, 'The document sent')
  return { content, contentType }
}

function parseJson(bytes: Uint8Array, what: string): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    throw new ApiError(
      400,
      'bad-document',
      `${what} says it is application/json but is not valid JSON (UTF-8).`,
    )
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** POST on an existing document: both JSON objects, merged a level deep (2.2.s7, 2.2.s8.b1). */
function merged(current: StoredDocument, posted: NewContent): NewContent {
  const refuse = (why: string) =>
    new ApiError(
      400,
      'cannot-merge',
      `POST merges JSON objects into a document that is a JSON object; ${why}. Use PUT to replace the document instead.`,
    )
  if (!isJson(posted.contentType)) throw refuse('the document sent is not application/json')
  if (!isJson(current.contentType)) throw refuse('the stored document is not application/json')
  const next = parseJson(posted.content, 'The document sent')
  if (!isObject(next)) throw refuse('the document sent is not a JSON object')
  let stored: unknown
  try {
    stored = JSON.parse(new TextDecoder().decode(current.content))
  } catch {
    stored = undefined
  }
  if (!isObject(stored)) throw refuse('the stored document is not a JSON object')
  return {
    content: new TextEncoder().encode(JSON.stringify({ ...stored, ...next })),
    contentType: 'application/json',
  }
}

const written = (c: Context, stored: StoredDocument) =>
  c.body(null, 204, {
    ETag: `"${stored.etag}"`,
    'Last-Modified': stored.updated.toUTCString(),
  })

function routesOf(app: LrsApp, spec: ResourceSpec): void {
  app.get(spec.path, async (c: Context<LrsEnv>) => {
    const target = targetOf(c, spec)
    const db = c.get('deps').db
    if (!target.key) {
      const { ids, lastModified } = await listDocumentIds(db, target.scope, target.since)
      return xapiJson(c, ids, lastModified)
    }
    const doc = await readDocument(db, target.key)
    if (!doc)
      throw new ApiError(
        404,
        'no-such-document',
        `There is no ${spec.title} document "${target.key.docId}" here.`,
      )
    return c.body(doc.content, 200, {
      'Content-Type': doc.contentType,
      ETag: `"${doc.etag}"`,
      'Last-Modified': doc.updated.toUTCString(),
    })
  })

  app.put(spec.path, async (c: Context<LrsEnv>) => {
    const key = needKey(targetOf(c, spec), spec)
    const content = await readContent(c)
    const { db, now } = c.get('deps')
    const stored = await writeDocument(db, key, now(), (current) => {
      checkPreconditions(c, current)
      checkConflict(c, spec, current)
      return content
    })
    return written(c, stored)
  })

  app.post(spec.path, async (c: Context<LrsEnv>) => {
    const key = needKey(targetOf(c, spec), spec)
    const content = await readContent(c)
    const { db, now } = c.get('deps')
    const stored = await writeDocument(db, key, now(), (current) => {
      checkPreconditions(c, current)
      return current ? merged(current, content) : content
    })
    return written(c, stored)
  })

  app.delete(spec.path, async (c: Context<LrsEnv>) => {
    const target = targetOf(c, spec)
    const db = c.get('deps').db
    if (target.key)
      await deleteDocument(db, target.key, (current) => checkPreconditions(c, current))
    else if (spec.state) await deleteDocuments(db, target.scope)
    else throw new ApiError(400, 'bad-parameter', `Give the "${spec.idParam}" parameter.`)
    return c.body(null, 204)
  })
}

/** Adds the three document resources to the LRS app. */
export function documentRoutes(app: LrsApp): void {
  for (const spec of DOCUMENT_RESOURCES) routesOf(app, spec)
}

/** The document, Agents and Activities resources (lrs/app.ts RESOURCES: one entry). */
export function documentAgentActivityRoutes(app: LrsApp): void {
  documentRoutes(app)
  agentRoutes(app)
  activityRoutes(app)
}
