// The first admin from the command line and from the setup link, with the real programs:
// `npm run -s cli -- server add-user` and the server's start (src/server/main.ts), spawned
// against an embedded database in a folder under /tmp.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { Client } from './harness.ts'

const PASSWORD = 'a long enough password'
const folders: string[] = []
const freshFolder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'practica-people-cli-'))
  folders.push(dir)
  return dir
}
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true })
})

/** Runs the CLI to its end: exit status, stdout, stderr. */
function cli(
  args: string[],
  env: Record<string, string>,
  stdin?: string,
): Promise<{ status: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      env: { ...process.env, PRACTICA_PASSWORD: '', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let out = ''
    let err = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (err += d.toString()))
    child.on('error', reject)
    child.on('close', (status) => resolve({ status, out, err }))
    child.stdin.end(stdin ?? '')
  })
}

/** Starts the server (src/server/main.ts) on `dataDir`; resolves once it printed its start message. */
function startServerProcess(dataDir: string): Promise<{ child: ChildProcess; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: {
        ...process.env,
        PRACTICA_DATA: dataDir,
        PORT: '0',
        HOST: '127.0.0.1',
        PRACTICA_HTTPS: 'off',
        PRACTICA_APP: '',
        LOG_LEVEL: 'silent',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString()
      if (out.includes('Stop it with Ctrl+C')) resolve({ child, out })
    })
    child.stderr.on('data', (d: Buffer) => (out += d.toString()))
    child.on('error', reject)
    child.on('close', (status) => reject(new Error(`the server stopped (${status}): ${out}`)))
  })
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('close')
    child.once('close', () => resolve())
    child.kill('SIGTERM')
  })
}

/** The first address the start message lists. */
const firstAddress = (out: string) => /^\s+(http:\/\/localhost:\d+)\s*$/m.exec(out)?.[1]

describe('server add-user (command line)', () => {
  it('adds the admin with the password from PRACTICA_PASSWORD; the server then needs no setup link', async () => {
    const dataDir = freshFolder()
    const added = await cli(
      ['server', 'add-user', '--role', 'admin', '--login', 'Head', '--name', 'Head of School'],
      { PRACTICA_DATA: dataDir, PRACTICA_PASSWORD: PASSWORD },
    )
    expect(added.err).toBe('')
    expect(added.status).toBe(0)
    expect(added.out).toContain('Added the admin "head" (Head of School)')
    const { child, out } = await startServerProcess(dataDir)
    try {
      expect(out).not.toContain('?setup=')
      const base = firstAddress(out)!
      const client = new Client(base)
      const signIn = await client.post('/api/session', { login: 'head', password: PASSWORD })
      expect(signIn.status).toBe(200)
      expect(signIn.body.user).toMatchObject({ role: 'admin', name: 'Head of School' })
      expect((await client.get('/api/setup')).body).toEqual({ needsAdmin: false })
    } finally {
      await stop(child)
    }
  }, 180_000)

  it('reads the password from standard input, and refuses a login name in use', async () => {
    const dataDir = freshFolder()
    const args = [
      'server',
      'add-user',
      '--role',
      'instructor',
      '--login',
      'wang',
      '--name',
      'Wang Fang',
    ]
    const first = await cli(args, { PRACTICA_DATA: dataDir }, `${PASSWORD}\n`)
    expect(first.status).toBe(0)
    expect(first.out).toContain('Added the instructor "wang"')
    const again = await cli(args, { PRACTICA_DATA: dataDir }, `${PASSWORD}\n`)
    expect(again.status).toBe(1)
    expect(again.err).toContain('The login name "wang" is taken')
  }, 180_000)

  it('never takes a password on the command line, and says what is missing', async () => {
    const onArgv = await cli(
      [
        'server',
        'add-user',
        '--role',
        'admin',
        '--login',
        'x',
        '--name',
        'X',
        '--password',
        PASSWORD,
      ],
      { PRACTICA_DATA: freshFolder() },
    )
    expect(onArgv.status).toBe(2)
    expect(onArgv.err).toContain('PRACTICA_PASSWORD')
    const missing = await cli(['server', 'add-user', '--role', 'admin'], {
      PRACTICA_DATA: freshFolder(),
    })
    expect(missing.status).toBe(2)
    expect(missing.err).toContain('--login, --name')
    const short = await cli(
      ['server', 'add-user', '--role', 'admin', '--login', 'x1', '--name', 'X'],
      { PRACTICA_DATA: freshFolder(), PRACTICA_PASSWORD: 'short' },
    )
    expect(short.status).toBe(2)
    expect(short.err).toContain('--password: a password has at least 8 characters')
    const unknown = await cli(['server', 'frobnicate'], {})
    expect(unknown.status).toBe(2)
    expect(unknown.err).toContain('unknown command "frobnicate"')
  }, 180_000)
})

describe('the setup link printed at first start', () => {
  it('makes the admin once, through the API', async () => {
    const { child, out } = await startServerProcess(freshFolder())
    try {
      const link = /(http:\/\/localhost:\d+)\/\?setup=([\w-]+)/.exec(out)
      expect(link, out).not.toBeNull()
      const [, base, token] = link!
      expect(firstAddress(out)).toBe(base)
      const client = new Client(base!)
      expect((await client.get('/api/setup')).body).toEqual({ needsAdmin: true })
      const made = await client.post('/api/setup', {
        token,
        login: 'head',
        name: 'Head',
        password: PASSWORD,
      })
      expect(made.status).toBe(200)
      expect(made.body.user.role).toBe('admin')
      const again = await new Client(base!).post('/api/setup', {
        token,
        login: 'other',
        name: 'Other',
        password: PASSWORD,
      })
      expect(again.status).toBe(409)
      expect(again.body.error.code).toBe('setup-done')
    } finally {
      await stop(child)
    }
  }, 180_000)
})
