// What the sync and trust tests share: a class with an instructor and learners, a published
// scenario (the conveyor, as its exact bytes), an assignment, and attempts made of real events.
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import {
  ATTEMPT_FORMAT,
  loadScenario,
  solve,
  type Attempt,
  type AttemptEvent,
  type Model,
} from '../../src/core/index.ts'
import type { Client, TestServer } from './harness.ts'

export const CONVEYOR_FILE = new URL('../../scenarios/conveyor-loto.json', import.meta.url)
export const CONVEYOR_BYTES = new Uint8Array(readFileSync(CONVEYOR_FILE))

export function conveyorModel(): Model {
  const loaded = loadScenario(CONVEYOR_BYTES, { looks: 'form' })
  if (!loaded.ok) throw new Error('the conveyor scenario does not load')
  return loaded.value
}

/** The solver's run of the conveyor: every step done, then `end`. */
export function solvedEvents(model: Model): AttemptEvent[] {
  const solved = solve(model)
  if (!solved.ok) throw new Error('the conveyor scenario has no solution')
  return solved.attempt.events
}

export interface Learner {
  readonly userId: string
  readonly learnerId: string
  readonly client: Client
}

export interface WorkClass {
  readonly classId: string
  readonly instructor: Client
  readonly assignmentId: string
  readonly model: Model
  learner(name?: string): Promise<Learner>
}

/** A class with the conveyor published and assigned in `mode` (with the assignment's options). */
export async function workClass(
  server: TestServer,
  options: {
    mode?: 'practice' | 'assessment'
    maxAttempts?: number
    opensAt?: string
    closesAt?: string
  } = {},
): Promise<WorkClass> {
  const instructor = await server.signIn('instructor')
  const classId = await server.makeClass(instructor.userId)
  const published = await instructor.client.request('POST', '/api/scenarios', CONVEYOR_BYTES)
  if (published.status !== 201 && published.status !== 200)
    throw new Error(`publishing failed: ${JSON.stringify(published.body)}`)
  const model = conveyorModel()
  const assigned = await instructor.client.post(`/api/classes/${classId}/assignments`, {
    scenarioId: model.scenario.id,
    version: model.scenario.version,
    mode: options.mode ?? 'practice',
    ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
    ...(options.opensAt ? { opensAt: options.opensAt } : {}),
    ...(options.closesAt ? { closesAt: options.closesAt } : {}),
  })
  if (assigned.status !== 201) throw new Error(`assigning failed: ${JSON.stringify(assigned.body)}`)
  return {
    classId,
    instructor: instructor.client,
    assignmentId: assigned.body.id,
    model,
    async learner(name = 'Amina Phiri') {
      const learnerId = `S-${randomUUID().slice(0, 6)}`
      const { userId, client } = await server.signIn('learner', { classId, learnerId, name })
      return { userId, learnerId, client }
    },
  }
}

/** The header of a new attempt of `learner` on the conveyor. */
export function headerFor(
  model: Model,
  learner: Learner,
  mode: 'practice' | 'assessment' = 'practice',
  id: string = randomUUID(),
): Omit<Attempt, 'events'> & { faults: string[] } {
  return {
    format: ATTEMPT_FORMAT,
    id,
    scenario: { id: model.scenario.id, version: model.scenario.version, sha256: model.sha256! },
    learner: { id: learner.learnerId, name: 'Amina Phiri' },
    mode,
    startedAt: '2026-12-03T09:00:00.000Z',
    faults: [],
  }
}

/** The events address of an attempt. */
export const eventsPath = (assignmentId: string, attemptId: string) =>
  `/api/assignments/${assignmentId}/attempts/${attemptId}/events`

/** Sends `events` in batches of `size` (the header with the first); returns the last answer. */
export async function sendAll(
  client: Client,
  assignmentId: string,
  header: { id: string },
  events: readonly AttemptEvent[],
  size = 20,
) {
  let answer = await client.post(eventsPath(assignmentId, header.id), {
    header,
    from: 0,
    events: events.slice(0, size),
  })
  for (let from = size; from < events.length && answer.status === 200; from += size)
    answer = await client.post(eventsPath(assignmentId, header.id), {
      from,
      events: events.slice(from, from + size),
    })
  return answer
}
