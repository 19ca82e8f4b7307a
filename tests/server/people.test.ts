// Classes and learners through the real API: making classes with short codes, joining with the
// code (class PIN, learner PINs), a whole class behind one address getting in while guessing one
// learner's PIN is stopped, and who may see and change which class.
import { expect, it } from 'vitest'
import { CODE_ALPHABET } from '../../src/server/people/join.ts'
import {
  CLASS_PIN_RULE,
  LEARNER_RULE,
  UNKNOWN_CODE_RULE,
} from '../../src/server/people/rateLimit.ts'
import { forEachDatabase } from './harness.ts'
import {
  addStaff,
  instructorWithClass,
  joinedLearner,
  PASSWORD,
  staffClient,
} from './peopleFixtures.ts'

forEachDatabase('classes and joining', (server) => {
  it('makes a class with a 6-character code of unambiguous letters and digits', async () => {
    const { instructor, classId, code } = await instructorWithClass(server())
    expect(code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{6}$`))
    expect(code).not.toMatch(/[01OI]/)
    const detail = await instructor.get(`/api/classes/${classId}`)
    expect(detail.status).toBe(200)
    expect(detail.body).toMatchObject({
      id: classId,
      code,
      name: 'Brakes 1',
      hasPin: false,
      learnerPins: false,
      learners: [],
      assessors: [],
    })
  })

  it('lets a learner join with code, learner ID and name, and sign in again later', async () => {
    const { instructor, classId, code } = await instructorWithClass(server())
    const client = server().client()
    const joined = await client.post('/api/join', {
      code: ` ${code.slice(0, 3).toLowerCase()}-${code.slice(3)} `,
      learnerId: 'S-1001',
      name: 'Thandi Nkosi',
    })
    expect(joined.status).toBe(200)
    expect(joined.body.user).toMatchObject({
      role: 'learner',
      name: 'Thandi Nkosi',
      classId,
      classCode: code,
      className: 'Brakes 1',
      learnerId: 'S-1001',
    })
    expect(joined.body.user.login).toBeUndefined()
    expect((await client.get('/api/session')).body.user).toEqual(joined.body.user)
    // on another computer, the same learner ID is the same learner (case does not matter)
    const again = await server()
      .client()
      .post('/api/join', { code, learnerId: 's-1001', name: 'Thandi Nkosi' })
    expect(again.body.user.id).toBe(joined.body.user.id)
    const detail = await instructor.get(`/api/classes/${classId}`)
    expect(detail.body.learners).toEqual([
      expect.objectContaining({
        userId: joined.body.user.id,
        learnerId: 'S-1001',
        name: 'Thandi Nkosi',
        hasPin: false,
      }),
    ])
  })

  it('refuses an unknown class code with unknown-class', async () => {
    const answer = await server()
      .client()
      .post('/api/join', { code: 'ZZZZZZ', learnerId: 'A1', name: 'A' })
    expect(answer.status).toBe(404)
    expect(answer.body.error.code).toBe('unknown-class')
  })

  it('asks for the class PIN, refuses a wrong one, admits the right one', async () => {
    const { code } = await instructorWithClass(server(), { pin: 'brake42' })
    const client = server().client()
    const none = await client.post('/api/join', { code, learnerId: 'P1', name: 'Li Wei' })
    expect(none.status).toBe(401)
    expect(none.body.error).toMatchObject({ code: 'wrong-class-pin', missing: true })
    const wrong = await client.post('/api/join', {
      code,
      learnerId: 'P1',
      name: 'Li Wei',
      classPin: 'brake43',
    })
    expect(wrong.status).toBe(401)
    expect(wrong.body.error).toMatchObject({ code: 'wrong-class-pin', missing: false })
    expect(client.cookies.size).toBe(0)
    const right = await client.post('/api/join', {
      code,
      learnerId: 'P1',
      name: 'Li Wei',
      classPin: 'brake42',
    })
    expect(right.status).toBe(200)
  })

  it('with learner PINs: the first join waits for a PIN, the instructor makes one, it signs in once given', async () => {
    const { instructor, classId, code } = await instructorWithClass(server(), {
      learnerPins: true,
    })
    const client = server().client()
    const first = await client.post('/api/join', { code, learnerId: 'Q7', name: 'Sipho Dlamini' })
    expect(first.status).toBe(403)
    expect(first.body.error.code).toBe('learner-pin-needed')
    expect(client.cookies.size).toBe(0)
    // the learner is in the class now, without a PIN, for the instructor to give one
    const detail = await instructor.get(`/api/classes/${classId}`)
    const learner = detail.body.learners.find((l: { learnerId: string }) => l.learnerId === 'Q7')
    expect(learner).toMatchObject({ name: 'Sipho Dlamini', hasPin: false })
    const again = await client.post('/api/join', { code, learnerId: 'Q7', name: 'Sipho Dlamini' })
    expect(again.body.error.code).toBe('learner-pin-needed')
    const made = await instructor.post(`/api/learners/${learner.userId}/pin`)
    expect(made.status).toBe(200)
    expect(made.body.pin).toMatch(/^\d{6}$/)
    const missing = await client.post('/api/join', { code, learnerId: 'Q7', name: 'Sipho' })
    expect(missing.status).toBe(401)
    expect(missing.body.error).toMatchObject({ code: 'wrong-learner-pin', missing: true })
    const wrongPin = made.body.pin === '000000' ? '111111' : '000000'
    const wrong = await client.post('/api/join', {
      code,
      learnerId: 'Q7',
      name: 'Sipho',
      learnerPin: wrongPin,
    })
    expect(wrong.status).toBe(401)
    expect(wrong.body.error.code).toBe('wrong-learner-pin')
    const right = await client.post('/api/join', {
      code,
      learnerId: 'Q7',
      name: 'Sipho',
      learnerPin: made.body.pin,
    })
    expect(right.status).toBe(200)
    expect(right.body.user).toMatchObject({ id: learner.userId, name: 'Sipho Dlamini' })
    // the PIN is shown once: the server keeps only its hash
    const row = await server()
      .db.selectFrom('class_learners')
      .select('pin_hash')
      .where('user_id', '=', learner.userId)
      .executeTakeFirstOrThrow()
    expect(row.pin_hash).toMatch(/^scrypt\$/)
    expect(row.pin_hash).not.toContain(made.body.pin)
  })

  it('signs the learner out everywhere when the instructor makes a new PIN', async () => {
    const { instructor, classId, code } = await instructorWithClass(server(), {
      learnerPins: true,
    })
    await server().client().post('/api/join', { code, learnerId: 'R1', name: 'Rui' })
    const detail = await instructor.get(`/api/classes/${classId}`)
    const userId = detail.body.learners[0].userId
    const pin = (await instructor.post(`/api/learners/${userId}/pin`)).body.pin
    const { client } = await joinedLearner(server(), code, 'R1', { learnerPin: pin })
    const newPin = (await instructor.post(`/api/learners/${userId}/pin`)).body.pin
    expect((await client.get('/api/session')).body.user).toBeNull()
    expect((await joinedLearner(server(), code, 'R1', { learnerPin: newPin })).userId).toBe(userId)
  })

  it('keeps one learner when one learner ID joins in two cases at the same moment', async () => {
    const { instructor, classId, code } = await instructorWithClass(server())
    const join = (learnerId: string) =>
      server().client().post('/api/join', { code, learnerId, name: 'Ama Mensah' })
    // several rounds: the two inserts meet in the same instant in at least some of them
    for (let round = 0; round < 5; round++) {
      const answers = await Promise.all([join(`case-${round}`), join(`CASE-${round}`)])
      expect(answers.map((a) => a.status)).toEqual([200, 200])
      expect(answers[0]!.body.user.id).toBe(answers[1]!.body.user.id)
    }
    const detail = await instructor.get(`/api/classes/${classId}`)
    expect(detail.body.learners).toHaveLength(5)
  })

  // all 40 are sent at once (well within 10 s): no limit keyed by the address may refuse them.
  // Answering takes one scrypt check of the class PIN each (about 0.1 s of one core).
  it('lets 40 learners behind one address join at the same moment', async () => {
    const { instructor, classId, code } = await instructorWithClass(server(), { pin: '2468' })
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        server()
          .client()
          .post('/api/join', {
            code,
            learnerId: `NAT-${i}`,
            name: `Learner ${i}`,
            classPin: '2468',
          }),
      ),
    )
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200))
    expect(new Set(answers.map((a) => a.body.user.id)).size).toBe(40)
    const detail = await instructor.get(`/api/classes/${classId}`)
    expect(detail.body.learners).toHaveLength(40)
  })

  it('stops repeated wrong PINs for one learner with 429 and Retry-After, even the right PIN, until the window passes', async () => {
    const { instructor, classId, code } = await instructorWithClass(server(), {
      learnerPins: true,
    })
    await server().client().post('/api/join', { code, learnerId: 'T9', name: 'Target' })
    const userId = (await instructor.get(`/api/classes/${classId}`)).body.learners[0].userId
    const pin: string = (await instructor.post(`/api/learners/${userId}/pin`)).body.pin
    const guess = (i: number) => String((Number(pin) + 1 + i) % 1_000_000).padStart(6, '0')
    const attacker = server().client()
    for (let i = 0; i < LEARNER_RULE.limit; i++) {
      const wrong = await attacker.post('/api/join', {
        code,
        learnerId: 'T9',
        name: 'x',
        learnerPin: guess(i),
      })
      expect(wrong.status).toBe(401)
    }
    const blocked = await attacker.post('/api/join', {
      code,
      learnerId: 't9',
      name: 'x',
      learnerPin: pin,
    })
    expect(blocked.status).toBe(429)
    expect(blocked.body.error.code).toBe('too-many-tries')
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0)
    // the rest of the class, on the same address, still gets in
    const classmate = await server().client().post('/api/join', {
      code,
      learnerId: 'T10',
      name: 'Classmate',
    })
    expect(classmate.body.error.code).toBe('learner-pin-needed')
    server().advance(LEARNER_RULE.windowMs + 1000)
    const later = await server().client().post('/api/join', {
      code,
      learnerId: 'T9',
      name: 'x',
      learnerPin: pin,
    })
    expect(later.status).toBe(200)
  })

  it('counts wrong class PINs per class, whichever learner ID is typed', async () => {
    const { code, classId } = await instructorWithClass(server(), { pin: 'secret-pin' })
    const join = (learnerId: string, classPin: string) =>
      server().client().post('/api/join', { code, learnerId, name: 'Someone', classPin })
    expect((await join('guess-0', 'wrong')).status).toBe(401)
    const key = `class-pin:${classId}`
    const row = await server()
      .db.selectFrom('rate_limits')
      .select('hits')
      .where('key', '=', key)
      .executeTakeFirstOrThrow()
    expect(row.hits).toBe(1)
    // as if the rest of the window's wrong tries had come, each with another learner ID
    await server()
      .db.updateTable('rate_limits')
      .set({ hits: CLASS_PIN_RULE.limit })
      .where('key', '=', key)
      .execute()
    const blocked = await join('guess-101', 'secret-pin')
    expect(blocked.status).toBe(429)
    expect(blocked.body.error.code).toBe('too-many-tries')
  })

  it('stops one address from trying class codes that do not exist, without holding up others', async () => {
    const { code } = await instructorWithClass(server())
    const client = server().client()
    for (let i = 0; i < UNKNOWN_CODE_RULE.limit; i++) {
      const unknown = await client.post('/api/join', { code: 'ZZZZZZ', learnerId: 'G', name: 'G' })
      expect(unknown.status).toBe(404)
    }
    // once over the limit, a real code from that address waits too: else guessing would go on
    const blocked = await client.post('/api/join', { code, learnerId: 'G', name: 'G' })
    expect(blocked.status).toBe(429)
    expect(blocked.body.error.code).toBe('too-many-tries')
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0)
    server().advance(UNKNOWN_CODE_RULE.windowMs + 1000)
    expect((await client.post('/api/join', { code, learnerId: 'G', name: 'G' })).status).toBe(200)
  })

  it('refuses SQL-looking text as plain text, and over-long fields with a 400', async () => {
    const { code } = await instructorWithClass(server())
    const sqlish = "x'); DROP TABLE users; --"
    const joined = await server()
      .client()
      .post('/api/join', { code, learnerId: sqlish, name: sqlish })
    expect(joined.status).toBe(200)
    expect(joined.body.user).toMatchObject({ learnerId: sqlish, name: sqlish })
    const long = await server()
      .client()
      .post('/api/join', { code, learnerId: 'L'.repeat(65), name: 'A' })
    expect(long.status).toBe(400)
    expect(long.body.error.field).toBe('learnerId')
  })
})

forEachDatabase('who may see and change classes', (server) => {
  it('shows an instructor only their own classes, and refuses another instructor’s', async () => {
    const mine = await instructorWithClass(server(), { name: 'Mine' })
    const theirs = await instructorWithClass(server(), { name: 'Theirs' })
    const list = await mine.instructor.get('/api/classes')
    expect(list.status).toBe(200)
    expect(list.body.map((k: { id: string }) => k.id)).toEqual([mine.classId])
    expect((await mine.instructor.get(`/api/classes/${theirs.classId}`)).status).toBe(403)
    expect(
      (await mine.instructor.patch(`/api/classes/${theirs.classId}`, { name: 'Taken' })).status,
    ).toBe(403)
    const { userId } = await joinedLearner(server(), theirs.code, 'X1')
    expect((await mine.instructor.post(`/api/learners/${userId}/pin`)).status).toBe(403)
    expect((await theirs.instructor.post(`/api/learners/${userId}/pin`)).status).toBe(200)
  })

  it('lets the instructor rename the class and set or remove its PIN and learner-PIN rule', async () => {
    const { instructor, classId, code } = await instructorWithClass(server())
    const changed = await instructor.patch(`/api/classes/${classId}`, {
      name: 'Brakes 2',
      pin: 'new-pin',
      learnerPins: true,
    })
    expect(changed.status).toBe(200)
    expect(changed.body).toMatchObject({ name: 'Brakes 2', hasPin: true, learnerPins: true })
    const cleared = await instructor.patch(`/api/classes/${classId}`, {
      pin: null,
      learnerPins: false,
    })
    expect(cleared.body).toMatchObject({ name: 'Brakes 2', hasPin: false, learnerPins: false })
    expect(
      (await server().client().post('/api/join', { code, learnerId: 'Z', name: 'Z' })).status,
    ).toBe(200)
    const bad = await instructor.patch(`/api/classes/${classId}`, { pin: 'x' })
    expect(bad.status).toBe(400)
    expect(bad.body.error.field).toBe('pin')
  })

  it('lets an assessor see only the classes the admin assigned them', async () => {
    const { classId } = await instructorWithClass(server())
    const other = await instructorWithClass(server())
    const assessor = await addStaff(server(), 'assessor', 'Ana Assessor')
    const client = await staffClient(server(), assessor.login)
    expect((await client.get('/api/classes')).body).toEqual([])
    expect((await client.get(`/api/classes/${classId}`)).status).toBe(403)
    const admin = await server().signIn('admin')
    const put = await admin.client.put(`/api/classes/${classId}/assessors/${assessor.id}`)
    expect(put.status).toBe(200)
    expect(put.body.assessors).toEqual([
      { id: assessor.id, name: 'Ana Assessor', login: assessor.login },
    ])
    // assigning twice is the same as once
    expect(
      (await admin.client.put(`/api/classes/${classId}/assessors/${assessor.id}`)).body.assessors,
    ).toHaveLength(1)
    expect((await client.get('/api/classes')).body.map((k: { id: string }) => k.id)).toEqual([
      classId,
    ])
    expect((await client.get(`/api/classes/${classId}`)).status).toBe(200)
    expect((await client.get(`/api/classes/${other.classId}`)).status).toBe(403)
    // an assessor may look, not change
    expect((await client.patch(`/api/classes/${classId}`, { name: 'No' })).status).toBe(403)
    const removed = await admin.client.delete(`/api/classes/${classId}/assessors/${assessor.id}`)
    expect(removed.body.assessors).toEqual([])
    expect((await client.get(`/api/classes/${classId}`)).status).toBe(403)
  })

  it('assigns only assessor accounts to classes', async () => {
    const { classId, instructorId } = await instructorWithClass(server())
    const admin = await server().signIn('admin')
    const wrongRole = await admin.client.put(`/api/classes/${classId}/assessors/${instructorId}`)
    expect(wrongRole.status).toBe(409)
    expect(wrongRole.body.error.code).toBe('not-an-assessor')
    const unknown = await admin.client.put(
      `/api/classes/${classId}/assessors/00000000-0000-4000-8000-000000000000`,
    )
    expect(unknown.status).toBe(404)
  })

  it('answers each role on the people routes as the issue says', async () => {
    const { classId, code } = await instructorWithClass(server())
    const { userId: learnerId, client: learner } = await joinedLearner(server(), code, 'RC1')
    const instructor = (await server().signIn('instructor')).client
    const assessor = (await server().signIn('assessor', { classId })).client
    const stranger = server().client()
    const cases: [string, string, number, number, number, number][] = [
      // method, path, no sign-in, learner, instructor (not theirs), assessor (assigned)
      ['GET', '/api/users', 401, 403, 403, 403],
      ['POST', '/api/users', 401, 403, 403, 403],
      ['GET', '/api/settings', 401, 403, 403, 403],
      ['PUT', '/api/settings', 401, 403, 403, 403],
      ['POST', '/api/classes', 401, 403, 400, 403],
      ['GET', '/api/classes', 401, 403, 200, 200],
      ['GET', `/api/classes/${classId}`, 401, 403, 403, 200],
      ['PATCH', `/api/classes/${classId}`, 401, 403, 403, 403],
      ['POST', `/api/learners/${learnerId}/pin`, 401, 403, 403, 403],
      ['GET', `/api/learners/${learnerId}/export`, 401, 403, 403, 403],
      ['DELETE', `/api/learners/${learnerId}`, 401, 403, 403, 403],
    ]
    for (const [method, path, ...expected] of cases) {
      const got = []
      for (const client of [stranger, learner, instructor, assessor])
        got.push((await client.request(method, path, method === 'GET' ? undefined : {})).status)
      expect(got, `${method} ${path}`).toEqual(expected)
    }
  })

  it('lets the admin list, add and remove staff; their classes pass to the admin', async () => {
    const admin = await server().signIn('admin')
    const teacher = await instructorWithClass(server())
    const list = await admin.client.get('/api/users')
    expect(list.body.some((u: { id: string }) => u.id === teacher.instructorId)).toBe(true)
    expect(list.body.every((u: { role: string }) => u.role !== 'learner')).toBe(true)
    const taken = await admin.client.post('/api/users', {
      role: 'assessor',
      login: list.body.find((u: { id: string }) => u.id === teacher.instructorId).login,
      name: 'Copy',
      password: PASSWORD,
    })
    expect(taken.status).toBe(409)
    expect(taken.body.error.code).toBe('login-taken')
    const short = await admin.client.post('/api/users', {
      role: 'assessor',
      login: 'shorty',
      name: 'Short',
      password: 'short',
    })
    expect(short.status).toBe(400)
    expect(short.body.error.field).toBe('password')
    const learnerRole = await admin.client.post('/api/users', {
      role: 'learner',
      login: 'learner-x',
      name: 'L',
      password: PASSWORD,
    })
    expect(learnerRole.status).toBe(400)
    const removed = await admin.client.delete(`/api/users/${teacher.instructorId}`)
    expect(removed.status).toBe(200)
    expect(removed.body.classesMovedToYou).toBe(1)
    expect((await teacher.instructor.get('/api/session')).body.user).toBeNull()
    expect((await admin.client.get(`/api/classes/${teacher.classId}`)).body.instructor.id).toBe(
      admin.userId,
    )
    expect((await admin.client.delete(`/api/users/${admin.userId}`)).status).toBe(409)
    expect((await admin.client.delete(`/api/users/${teacher.instructorId}`)).status).toBe(404)
  })
})
