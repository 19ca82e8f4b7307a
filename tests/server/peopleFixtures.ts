// Shared steps of the people tests, all through the real API: staff accounts made by an admin,
// staff signing in with their password, classes made by their instructor, learners joining.
import { expect } from 'vitest'
import type { Client, TestServer } from './harness.ts'

export const PASSWORD = 'correct horse battery'

let counter = 0
/** A login name not used before in this test run. */
export const uniqueLogin = (prefix: string) => `${prefix}-${++counter}-${process.pid}`

/** A staff account made by a (fixture) admin through POST /api/users; signs nobody in. */
export async function addStaff(
  server: TestServer,
  role: 'admin' | 'instructor' | 'assessor',
  name = `${role} person`,
): Promise<{ id: string; login: string }> {
  const admin = await server.signIn('admin')
  const login = uniqueLogin(role)
  const made = await admin.client.post('/api/users', { role, login, name, password: PASSWORD })
  expect(made.status).toBe(201)
  return { id: made.body.id, login }
}

/** A client signed in through POST /api/session with login and password. */
export async function staffClient(server: TestServer, login: string): Promise<Client> {
  const client = server.client()
  const answer = await client.post('/api/session', { login, password: PASSWORD })
  expect(answer.status).toBe(200)
  return client
}

/** An instructor (signed in with their password) and one class of theirs made through the API. */
export async function instructorWithClass(
  server: TestServer,
  options: { pin?: string; learnerPins?: boolean; name?: string } = {},
): Promise<{ instructor: Client; instructorId: string; classId: string; code: string }> {
  const staff = await addStaff(server, 'instructor')
  const instructor = await staffClient(server, staff.login)
  const made = await instructor.post('/api/classes', {
    name: options.name ?? 'Brakes 1',
    ...options,
  })
  expect(made.status).toBe(201)
  return { instructor, instructorId: staff.id, classId: made.body.id, code: made.body.code }
}

/** A learner who joined class `code` through POST /api/join. */
export async function joinedLearner(
  server: TestServer,
  code: string,
  learnerId: string,
  extra: { classPin?: string; learnerPin?: string; name?: string } = {},
): Promise<{ client: Client; userId: string }> {
  const client = server.client()
  const answer = await client.post('/api/join', {
    code,
    learnerId,
    name: `Learner ${learnerId}`,
    ...extra,
  })
  expect(answer.status, JSON.stringify(answer.body)).toBe(200)
  return { client, userId: answer.body.user.id }
}
