// The Practica server as the browser tests run it: this build of the app served by a real server
// on an in-memory PGlite, on a free port of 127.0.0.1; and the staff's sign-in on its screen.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Page } from 'playwright-core'
import pino from 'pino'
import { readConfig, type ServerConfig } from '../../src/server/config.ts'
import { openDatabase, type OpenDatabase } from '../../src/server/db/open.ts'
import { startServer, type RunningServer, type StartOptions } from '../../src/server/server.ts'

export interface AppServer {
  readonly database: OpenDatabase
  readonly running: RunningServer
  close(): Promise<void>
}

/**
 * A server serving the built app (PRACTICA_DIST, or dist/) with a fresh data folder, `config` and
 * `options` on top.
 */
export async function startAppServer(
  config: Partial<ServerConfig> = {},
  options: Omit<StartOptions, 'database' | 'log'> = {},
): Promise<AppServer> {
  const database = await openDatabase({})
  const running = await startServer(
    {
      ...readConfig({}),
      port: 0,
      host: '127.0.0.1',
      https: 'off',
      appDir: resolve(process.env['PRACTICA_DIST'] ?? 'dist'),
      // its secret file (credentials' and forwarding's keys) in a folder of its own
      dataDir: mkdtempSync(join(tmpdir(), 'practica-app-')),
      ...config,
    },
    { ...options, database, log: pino({ level: 'silent' }) },
  )
  return {
    database,
    running,
    async close() {
      await running.close()
      await database.close()
    },
  }
}

/** Staff sign-in on the library's server panel, then the staff's screen. */
export async function staffSignIn(page: Page, login: string, password: string): Promise<void> {
  await page.getByLabel('Sign-in name').fill(login)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await page.getByRole('button', { name: 'Classes and administration' }).click()
}
