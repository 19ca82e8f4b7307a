// The Practica server on a lab's network over HTTPS: Chromium reaches it through a LAN name (not
// loopback, which browsers treat as secure anyway) and trusts the server's certificate as a lab
// machine that installed the server's CA would (here by the certificate's key:
// --ignore-certificate-errors-spki-list). The page is then a secure context: the service worker
// registers, crypto.randomUUID and Web Locks exist, and no plain-HTTP notice shows.
import { createHash, X509Certificate } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import pino from 'pino'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { readConfig } from '../../src/server/config.ts'
import { startServer, type RunningServer } from '../../src/server/server.ts'
import { hasBrowser } from './browser.ts'
import { CHROMIUM } from './server.ts'

const ROOT = new URL('../..', import.meta.url).pathname
const dataDir = mkdtempSync(join(tmpdir(), 'practica-https-'))
/** a name the server's certificate covers, as lab machines on the LAN reach it */
const LAN_NAME = `${hostname().toLowerCase()}.local`

let server: RunningServer | undefined
let browser: Browser | undefined

beforeAll(async () => {
  if (!hasBrowser) return
  server = await startServer(
    {
      ...readConfig({}),
      port: 0,
      host: '127.0.0.1',
      dataDir,
      https: 'auto',
      appDir: join(ROOT, process.env['PRACTICA_DIST'] ?? 'dist'),
    },
    { log: pino({ level: 'silent' }) },
  )
  const cert = new X509Certificate(readFileSync(join(dataDir, 'tls/server.crt')))
  const spki = createHash('sha256')
    .update(cert.publicKey.export({ type: 'spki', format: 'der' }))
    .digest('base64')
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--disable-quic',
      `--host-resolver-rules=MAP ${LAN_NAME} 127.0.0.1`,
      `--ignore-certificate-errors-spki-list=${spki}`,
    ],
  })
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

it.skipIf(!hasBrowser)(
  'over HTTPS at a LAN name the app is a secure context with its offline copy',
  async () => {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 720 } })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(`https://${LAN_NAME}:${server!.port}/?graphics=simple`)
    const facts = await page.evaluate(async () => {
      const registration = await Promise.race([
        navigator.serviceWorker.ready.then(() => true),
        new Promise<boolean>((r) => setTimeout(() => r(false), 60_000)),
      ])
      const health = (await (await fetch('/api/health')).json()) as { ok: boolean }
      return {
        secure: window.isSecureContext,
        uuid: typeof crypto.randomUUID,
        locks: typeof navigator.locks?.request,
        registration,
        health: health.ok,
      }
    })
    expect(facts).toEqual({
      secure: true,
      uuid: 'function',
      locks: 'function',
      registration: true,
      health: true,
    })
    // the app is up (its library shows), without the plain-HTTP notice
    await page.getByRole('heading', { level: 1 }).first().waitFor()
    expect(await page.locator('.insecure-notice').count()).toBe(0)
    expect(errors).toEqual([])
    await context.close()
  },
)
