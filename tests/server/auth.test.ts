// Staff sign-in through the real API: passwords, sessions that expire and end, a fresh session at
// every sign-in (session fixation fails), the per-account limit on wrong passwords, and the
// one-time setup link that makes the first admin.
import { expect, it } from 'vitest'
import { readConfig } from '../../src/server/config.ts'
import { SESSION_COOKIE } from '../../src/server/http/session.ts'
import { LOGIN_RULE } from '../../src/server/people/rateLimit.ts'
import { prepareSetup } from '../../src/server/people/setup.ts'
import { forEachDatabase } from './harness.ts'
import { addStaff, PASSWORD, staffClient } from './peopleFixtures.ts'

forEachDatabase('staff sign-in', (server) => {
  it('signs a staff member in with the right password and says who they are', async () => {
    const staff = await addStaff(server(), 'instructor', 'Wang Fang')
    const client = server().client()
    const answer = await client.post('/api/session', { login: staff.login, password: PASSWORD })
    expect(answer.status).toBe(200)
    expect(answer.body.user).toEqual({
      id: staff.id,
      role: 'instructor',
      name: 'Wang Fang',
      login: staff.login,
    })
    expect((await client.get('/api/session')).body.user.id).toBe(staff.id)
  })

  it('accepts the login name in any case', async () => {
    const staff = await addStaff(server(), 'assessor')
    const answer = await server()
      .client()
      .post('/api/session', { login: staff.login.toUpperCase(), password: PASSWORD })
    expect(answer.status).toBe(200)
  })

  it('sets the session cookie HttpOnly and SameSite=Strict', async () => {
    const staff = await addStaff(server(), 'instructor')
    const answer = await server()
      .client()
      .post('/api/session', { login: staff.login, password: PASSWORD })
    const cookie = answer.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Strict/i)
  })

  it('refuses a wrong password, and an unknown login the same way, signing nobody in', async () => {
    const staff = await addStaff(server(), 'instructor')
    const client = server().client()
    const wrong = await client.post('/api/session', {
      login: staff.login,
      password: 'not it at all',
    })
    expect(wrong.status).toBe(401)
    expect(wrong.body.error.code).toBe('wrong-password')
    const unknown = await client.post('/api/session', { login: 'nobody-here', password: PASSWORD })
    expect(unknown.status).toBe(401)
    expect(unknown.body.error.code).toBe('wrong-password')
    expect(unknown.body.error.message).toBe(wrong.body.error.message)
    expect(client.cookies.size).toBe(0)
    expect((await client.get('/api/session')).body.user).toBeNull()
  })

  it('stores passwords as salted scrypt hashes that name their parameters', async () => {
    const a = await addStaff(server(), 'instructor')
    const b = await addStaff(server(), 'instructor')
    const rows = await server()
      .db.selectFrom('users')
      .select('password_hash')
      .where('id', 'in', [a.id, b.id])
      .execute()
    for (const row of rows) {
      expect(row.password_hash).toMatch(/^scrypt\$ln=\d+,r=\d+,p=\d+\$[\w-]+\$[\w-]+$/)
      expect(row.password_hash).not.toContain(PASSWORD)
    }
    // the same password, a different salt: different hashes
    expect(rows[0]!.password_hash).not.toBe(rows[1]!.password_hash)
  })

  it('signs out: the session ends on the server, not only in the browser', async () => {
    const staff = await addStaff(server(), 'instructor')
    const client = await staffClient(server(), staff.login)
    const token = client.cookies.get(SESSION_COOKIE)!
    const out = await client.delete('/api/session')
    expect(out.status).toBe(200)
    expect(out.body.user).toBeNull()
    expect(client.cookies.has(SESSION_COOKIE)).toBe(false)
    const replay = server().client()
    replay.cookies.set(SESSION_COOKIE, token)
    expect((await replay.get('/api/session')).body.user).toBeNull()
    expect((await replay.get('/api/classes')).status).toBe(401)
  })

  it('makes a new session at sign-in: a cookie planted before it signs nobody in (fixation)', async () => {
    const staff = await addStaff(server(), 'instructor')
    const victim = server().client()
    victim.cookies.set(SESSION_COOKIE, 'planted-by-an-attacker')
    await victim.post('/api/session', { login: staff.login, password: PASSWORD })
    const after = victim.cookies.get(SESSION_COOKIE)
    expect(after).toBeDefined()
    expect(after).not.toBe('planted-by-an-attacker')
    const attacker = server().client()
    attacker.cookies.set(SESSION_COOKIE, 'planted-by-an-attacker')
    expect((await attacker.get('/api/session')).body.user).toBeNull()
  })

  it("ends the browser's old session when someone signs in on it again", async () => {
    const first = await addStaff(server(), 'instructor')
    const second = await addStaff(server(), 'assessor')
    const client = await staffClient(server(), first.login)
    const before = client.cookies.get(SESSION_COOKIE)!
    await client.post('/api/session', { login: second.login, password: PASSWORD })
    expect(client.cookies.get(SESSION_COOKIE)).not.toBe(before)
    expect((await client.get('/api/session')).body.user.id).toBe(second.id)
    const old = server().client()
    old.cookies.set(SESSION_COOKIE, before)
    expect((await old.get('/api/session')).body.user).toBeNull()
  })

  it('lets a session expire after the configured hours', async () => {
    const staff = await addStaff(server(), 'instructor')
    const client = await staffClient(server(), staff.login)
    const hours = readConfig({}).sessionHours
    server().advance(hours * 3_600_000 - 60_000)
    expect((await client.get('/api/session')).body.user?.id).toBe(staff.id)
    server().advance(120_000)
    expect((await client.get('/api/session')).body.user).toBeNull()
    expect((await client.get('/api/classes')).status).toBe(401)
  })

  it('answers 429 too-many-tries with Retry-After after repeated wrong passwords for one login', async () => {
    const staff = await addStaff(server(), 'instructor')
    const client = server().client()
    for (let i = 0; i < LOGIN_RULE.limit; i++) {
      const wrong = await client.post('/api/session', {
        login: staff.login,
        password: `guess ${i}`,
      })
      expect(wrong.status).toBe(401)
    }
    const blocked = await client.post('/api/session', { login: staff.login, password: 'guess x' })
    expect(blocked.status).toBe(429)
    expect(blocked.body.error.code).toBe('too-many-tries')
    const retryAfter = Number(blocked.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(LOGIN_RULE.windowMs / 1000)
    // even the right password waits: otherwise guessing would go on
    const right = await client.post('/api/session', { login: staff.login, password: PASSWORD })
    expect(right.status).toBe(429)
    // another account is not held up by it
    const other = await addStaff(server(), 'instructor')
    expect(
      (await server().client().post('/api/session', { login: other.login, password: PASSWORD }))
        .status,
    ).toBe(200)
    server().advance(LOGIN_RULE.windowMs + 1000)
    expect(
      (await client.post('/api/session', { login: staff.login, password: PASSWORD })).status,
    ).toBe(200)
  })

  it('keeps the counts in the rate_limits table, per login name', async () => {
    const staff = await addStaff(server(), 'instructor')
    await server().client().post('/api/session', { login: staff.login, password: 'wrong one' })
    const row = await server()
      .db.selectFrom('rate_limits')
      .select('hits')
      .where('key', '=', `login:${staff.login}`)
      .executeTakeFirst()
    expect(row?.hits).toBe(1)
  })

  it('refuses a malformed sign-in with a plain 400', async () => {
    const answer = await server()
      .client()
      .post('/api/session', { login: 'x'.repeat(500) })
    expect(answer.status).toBe(400)
    expect(answer.body.error.code).toBe('bad-request')
  })
})

forEachDatabase('first start: the setup link', (server) => {
  it('says an admin is needed, and refuses a wrong token', async () => {
    expect((await server().client().get('/api/setup')).body).toEqual({ needsAdmin: true })
    await prepareSetup(server().db)
    const wrong = await server().client().post('/api/setup', {
      token: 'not-the-token',
      login: 'head',
      name: 'Head of School',
      password: PASSWORD,
    })
    expect(wrong.status).toBe(403)
    expect(wrong.body.error.code).toBe('bad-setup-token')
  })

  it('makes the admin once with the printed token, and signs them in', async () => {
    const stale = await prepareSetup(server().db)
    const token = await prepareSetup(server().db)
    expect(token).toBeDefined()
    // the token of an earlier start no longer works
    const old = await server()
      .client()
      .post('/api/setup', { token: stale, login: 'head', name: 'Head', password: PASSWORD })
    expect(old.body.error?.code).toBe('bad-setup-token')
    const client = server().client()
    const made = await client.post('/api/setup', {
      token,
      login: 'head',
      name: 'Head of School',
      password: PASSWORD,
    })
    expect(made.status).toBe(200)
    expect(made.body.user).toMatchObject({ role: 'admin', login: 'head', name: 'Head of School' })
    expect((await client.get('/api/users')).status).toBe(200)
    const again = await server().client().post('/api/setup', {
      token,
      login: 'intruder',
      name: 'Intruder',
      password: PASSWORD,
    })
    expect(again.status).toBe(409)
    expect(again.body.error.code).toBe('setup-done')
    expect((await server().client().get('/api/setup')).body).toEqual({ needsAdmin: false })
    expect(await prepareSetup(server().db)).toBeUndefined()
    const stored = await server()
      .db.selectFrom('settings')
      .select('key')
      .where('key', '=', 'setupTokenHash')
      .execute()
    expect(stored).toEqual([])
  })

  it('lets the new admin sign in with their password', async () => {
    const answer = await server()
      .client()
      .post('/api/session', { login: 'head', password: PASSWORD })
    expect(answer.status).toBe(200)
  })
})
