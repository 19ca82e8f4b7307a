// The signed-in learner's assignments: asked of the server when it answers, and kept in this
// browser (IndexedDB) with the scenario of each, as the server published it, so that an
// assignment can be opened and done with no network; the outbox sends the attempt later.
import { createStore } from 'zustand/vanilla'
import type { Model } from '../../core/index.ts'
import { listStoredAttempts } from '../attemptJournal.ts'
import { getDatabase } from '../database.ts'
import { rememberScenarioText } from '../scenarioTexts.ts'
import { ApiError, getScenarioBytes, listAssignments, type Assignment } from './api.ts'
import type { ServerUser } from './api.ts'

export interface AssignmentsState {
  /** whose list it is */
  readonly owner: string | undefined
  readonly assignments: readonly Assignment[]
  /** `server`: as the server said now; `copy`: kept from before (the server is out of reach) */
  readonly from: 'server' | 'copy' | undefined
  /** attempts made in this browser that the server does not know of yet, by assignment */
  readonly unsent: Readonly<Record<string, number>>
  /** why the list could not be had (no copy kept either) */
  readonly error: ApiError | undefined
}

const empty: AssignmentsState = {
  owner: undefined,
  assignments: [],
  from: undefined,
  unsent: {},
  error: undefined,
}

export const assignmentsStore = createStore<AssignmentsState>()(() => empty)

const copyKey = (owner: string) => `assignments:${owner}`
const scenarioKey = (id: string, version: string) => `${id}@${version}`

async function keptList(owner: string): Promise<Assignment[] | undefined> {
  const copy = await (await getDatabase()).get('serverCopies', copyKey(owner))
  return copy ? (copy.value as Assignment[]) : undefined
}

async function unsentOf(owner: string): Promise<Record<string, number>> {
  const unsent: Record<string, number> = {}
  for (const a of await listStoredAttempts())
    if (a.owner === owner && a.assignmentId && !a.sync?.nextSeq && !a.sync?.refused)
      unsent[a.assignmentId] = (unsent[a.assignmentId] ?? 0) + 1
  return unsent
}

/** The scenario's bytes, kept in this browser; fetched (and kept) when not yet there. */
export async function getAssignedScenario(
  assignment: Assignment,
): Promise<Uint8Array<ArrayBuffer>> {
  const { id, version, sha256 } = assignment.scenario
  const db = await getDatabase()
  const kept = await db.get('serverScenarios', scenarioKey(id, version))
  if (kept && kept.sha256 === sha256) return new Uint8Array(kept.bytes)
  const bytes = await getScenarioBytes(id, version)
  await db.put('serverScenarios', { key: scenarioKey(id, version), sha256, bytes })
  return bytes
}

/**
 * The list of `user`'s class: from the server when it answers (kept, and each scenario fetched
 * and kept for later without network), else the copy kept before.
 */
export async function refreshAssignments(user: ServerUser | null, online: boolean): Promise<void> {
  if (!user || user.role !== 'learner' || !user.classId) {
    assignmentsStore.setState(empty)
    return
  }
  const owner = user.id
  // another person's list never shows while this one's loads
  if (assignmentsStore.getState().owner !== owner) assignmentsStore.setState({ ...empty, owner })
  let assignments: Assignment[] | undefined
  let from: AssignmentsState['from']
  let error: ApiError | undefined
  if (online) {
    try {
      assignments = await listAssignments(user.classId)
      from = 'server'
      await (
        await getDatabase()
      ).put('serverCopies', {
        key: copyKey(owner),
        value: assignments,
        savedAt: Date.now(),
      })
    } catch (e) {
      error = e instanceof ApiError ? e : new ApiError(0, 'network', String(e))
    }
  }
  if (!assignments) {
    assignments = await keptList(owner)
    from = assignments ? 'copy' : undefined
  }
  const unsent = await unsentOf(owner)
  if (assignmentsStore.getState().owner !== owner) return
  assignmentsStore.setState({
    owner,
    assignments: assignments ?? [],
    from,
    unsent,
    error: assignments ? undefined : error,
  })
  // kept for an offline start later; one that fails is fetched again when started
  if (from === 'server')
    for (const a of assignments ?? []) await getAssignedScenario(a).catch(() => undefined)
}

/** Attempts still allowed: undefined when there is no limit. Pure. */
export function attemptsLeft(assignment: Assignment, unsent: number): number | undefined {
  if (assignment.maxAttempts === null) return undefined
  return Math.max(0, assignment.maxAttempts - (assignment.attemptsUsed ?? 0) - unsent)
}

/** Why an assignment cannot be started now, or undefined when it can. Pure. */
export function whyClosed(
  assignment: Assignment,
  unsent: number,
  now: Date,
): 'closed' | 'not-open' | 'no-attempts-left' | undefined {
  if (assignment.closedAt || (assignment.closesAt && new Date(assignment.closesAt) <= now))
    return 'closed'
  if (assignment.opensAt && new Date(assignment.opensAt) > now) return 'not-open'
  if (attemptsLeft(assignment, unsent) === 0) return 'no-attempts-left'
  return undefined
}

/** The scenario of an assignment, compiled (the engine's validator is downloaded only now). */
export async function openAssignment(
  assignment: Assignment,
): Promise<{ ok: true; model: Model } | { ok: false; reason: string }> {
  let bytes: Uint8Array<ArrayBuffer>
  try {
    bytes = await getAssignedScenario(assignment)
  } catch (e) {
    return { ok: false, reason: e instanceof ApiError ? e.code : 'network' }
  }
  // the validator comes with the module that checks scenarios opened from disk, only now
  const { openStoredScenario } = await import('../openScenarioFile.ts')
  const loaded = openStoredScenario(new TextDecoder().decode(bytes))
  if (!loaded.ok) return { ok: false, reason: 'invalid-scenario' }
  rememberScenarioText(loaded.value, bytes)
  if (loaded.value.sha256 !== assignment.scenario.sha256)
    return { ok: false, reason: 'scenario-changed' }
  return { ok: true, model: loaded.value }
}
