// The staff's calls to the Practica server (admin, instructor, assessor), typed by the API's
// contract (issue 14): setup, staff accounts, classes and learners, scenarios and assignments,
// review results, judgement marks, their audit log and exports. Each call answers an outcome:
// the data, or the server's refusal (its stable code, which the screens translate).
import type { Attempt, Problem, Result } from '../../core/index.ts'
import { ApiError, apiGetBytes, apiPath, apiRequest } from './api.ts'
import { sessionStore } from './sessionStore.ts'

/** A request the server refused (its stable code says why), or one that got no answer (status 0). */
export type ApiRefusal = ApiError

/** The server's answer, or its refusal. */
export type ApiOutcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiRefusal }

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** The answer of one call to the server as an outcome; a 401 tells the session it has ended. */
export async function outcomeOf<T>(request: () => Promise<T>): Promise<ApiOutcome<T>> {
  try {
    return { ok: true, value: await request() }
  } catch (e) {
    const error =
      e instanceof ApiError ? e : new ApiError(0, 'network', e instanceof Error ? e.message : '')
    // the sign-in ended (expired, or signed out in another tab): the app asks again who is here
    if (error.status === 401) sessionStore.getState().sessionLost()
    return { ok: false, error }
  }
}

const send = <T>(method: Method, path: string, body?: unknown) =>
  outcomeOf(() => apiRequest<T>(method, path, body === undefined ? {} : { body }))
const sendBytes = (method: 'POST', path: string, bytes: Uint8Array) =>
  outcomeOf(() => apiRequest<PublishedScenario>(method, path, { body: bytes }))
const getBytes = (path: string) => outcomeOf(() => apiGetBytes(path))

export type StaffRole = 'admin' | 'instructor' | 'assessor'
export type AssignmentMode = 'practice' | 'assessment'

export interface StaffAccount {
  readonly id: string
  readonly role: StaffRole
  readonly name: string
  readonly login: string
}

export interface ClassSummary {
  readonly id: string
  readonly code: string
  readonly name: string
}

export interface ClassLearner {
  readonly userId: string
  readonly learnerId: string
  readonly name: string
  readonly hasPin: boolean
}

export interface ClassAssessor {
  readonly id: string
  readonly name: string
  readonly login?: string
}

export interface ClassDetail extends ClassSummary {
  readonly hasPin: boolean
  readonly learnerPins: boolean
  readonly learners: readonly ClassLearner[]
  readonly assessors: readonly ClassAssessor[]
}

export interface ScenarioRef {
  readonly id: string
  readonly version: string
  readonly sha256: string
}

export interface PublishedScenario extends ScenarioRef {
  /** a language map */
  readonly title: Readonly<Record<string, string>>
  readonly publishedAt?: string
}

export interface Assignment {
  readonly id: string
  readonly scenario: PublishedScenario
  readonly mode: AssignmentMode
  readonly opensAt: string | null
  readonly closesAt: string | null
  readonly maxAttempts: number | null
  readonly closedAt: string | null
}

export interface NewAssignment {
  readonly scenarioId: string
  readonly version: string
  readonly mode: AssignmentMode
  readonly opensAt?: string
  readonly closesAt?: string
  readonly maxAttempts?: number
}

export interface ClassResults {
  readonly scenarios: readonly ScenarioRef[]
  readonly attempts: readonly {
    readonly attempt: Attempt
    readonly result: Result | null
    readonly revision: number | null
    readonly learnerName: string
  }[]
}

export interface StoredAttemptRecord {
  readonly judgements: Attempt['judgements']
  readonly result: Result | null
  readonly revision: number | null
}

export interface AuditEntry {
  readonly judgement: string
  readonly oldMark: number | null
  readonly newMark: number | null
  readonly by: string | null
  readonly at: string
}

export type ExportFormat = 'csv' | 'xapi' | 'json' | 'moodle'

/** The problems a refused scenario came back with (422 `invalid-scenario`). */
export function problemsOf(details: Readonly<Record<string, unknown>>): Problem[] {
  const problems = details['problems']
  return Array.isArray(problems) ? (problems as Problem[]) : []
}

const path = apiPath

export const staffApi = {
  needsAdmin: () => send<{ needsAdmin: boolean }>('GET', '/api/setup'),
  setup: (body: { token: string; login: string; name: string; password: string }) =>
    send<{ user: unknown }>('POST', '/api/setup', body),

  users: () => send<StaffAccount[]>('GET', '/api/users'),
  createUser: (body: { role: StaffRole; login: string; name: string; password: string }) =>
    send<StaffAccount>('POST', '/api/users', body),
  deleteUser: (userId: string) => send<unknown>('DELETE', path('users', userId)),

  classes: () => send<ClassSummary[]>('GET', '/api/classes'),
  createClass: (body: { name: string; pin?: string; learnerPins?: boolean }) =>
    send<ClassSummary>('POST', '/api/classes', body),
  classDetail: (classId: string) => send<ClassDetail>('GET', path('classes', classId)),
  updateClass: (
    classId: string,
    body: { name?: string; pin?: string | null; learnerPins?: boolean },
  ) => send<unknown>('PATCH', path('classes', classId), body),
  addAssessor: (classId: string, assessorId: string) =>
    send<unknown>('PUT', path('classes', classId, 'assessors', assessorId)),
  removeAssessor: (classId: string, assessorId: string) =>
    send<unknown>('DELETE', path('classes', classId, 'assessors', assessorId)),

  resetLearnerPin: (userId: string) =>
    send<{ pin: string }>('POST', path('learners', userId, 'pin')),
  learnerExport: (userId: string) => send<unknown>('GET', path('learners', userId, 'export')),
  deleteLearner: (userId: string) => send<unknown>('DELETE', path('learners', userId)),

  settings: () => send<{ retentionDays: number }>('GET', '/api/settings'),
  saveSettings: (body: { retentionDays: number }) =>
    send<{ retentionDays: number }>('PUT', '/api/settings', body),

  publish: (bytes: Uint8Array) => sendBytes('POST', '/api/scenarios', bytes),
  scenarios: () => send<PublishedScenario[]>('GET', '/api/scenarios'),
  scenarioBytes: (id: string, version: string) => getBytes(path('scenarios', id, version)),

  assignments: (classId: string) =>
    send<Assignment[]>('GET', path('classes', classId, 'assignments')),
  assign: (classId: string, body: NewAssignment) =>
    send<Assignment>('POST', path('classes', classId, 'assignments'), body),
  closeAssignment: (assignmentId: string) =>
    send<unknown>('POST', path('assignments', assignmentId, 'close')),

  classResults: (classId: string) => send<ClassResults>('GET', path('classes', classId, 'results')),
  assignmentResults: (assignmentId: string) =>
    send<ClassResults>('GET', path('assignments', assignmentId, 'results')),
  attempt: (attemptId: string) => send<StoredAttemptRecord>('GET', path('attempts', attemptId)),
  mark: (attemptId: string, judgementId: string, mark: number | null) =>
    send<{ result: Result; revision: number }>(
      'PUT',
      path('attempts', attemptId, 'judgements', judgementId),
      { mark },
    ),
  audit: (attemptId: string) => send<AuditEntry[]>('GET', path('attempts', attemptId, 'audit')),
  exportClass: (classId: string, format: ExportFormat, assignmentId?: string) =>
    getBytes(
      `${path('classes', classId, 'export')}?format=${format}${
        assignmentId ? `&assignment=${encodeURIComponent(assignmentId)}` : ''
      }`,
    ),
}
