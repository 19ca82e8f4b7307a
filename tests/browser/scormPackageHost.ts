// What the SCORM and cmi5 browser tests share: a package made by the command line (the AU built
// into a folder of the tests' own), unzipped and served from a deep path, as Moodle serves one
// (/pluginfile.php/12/mod_scorm/content/1/), by a small web server that answers nothing else but
// the test's own pages; every request outside the package's folder is recorded.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import type { Frame, Page } from 'playwright-core'
import { packageCommand } from '../../src/package/node/command.ts'
import { partPoint } from './pageActions.ts'

export const DEEP_PATH = '/pluginfile.php/12/mod_scorm/content/1/'

/** The files of a package made by `package KIND SCENARIO --mode practice`, by their paths. */
export function makePackage(
  kind: 'scorm12' | 'cmi5',
  scenarioText: string,
): Record<string, Uint8Array> {
  process.env['PRACTICA_PACKAGE_DIST'] ??= 'dist-package-test'
  const dir = mkdtempSync(join(tmpdir(), 'practica-package-'))
  const scenario = join(dir, 'scenario.json')
  writeFileSync(scenario, scenarioText)
  const errors: string[] = []
  const io = {
    out: () => undefined,
    err: (t: string) => void errors.push(t),
    write: () => undefined,
  }
  const out = join(dir, `package.${kind}.zip`)
  const status = packageCommand([kind, scenario, '--mode', 'practice', '--out', out], io, '')
  if (status !== 0) throw new Error(`package failed: ${errors.join('\n')}`)
  return unzipSync(readFileSync(out))
}

/** The bundled conveyor lockout with no judgement for an assessor: its verdict is known at once. */
export function conveyorWithoutJudgements(): string {
  const scenario = JSON.parse(readFileSync('scenarios/conveyor-loto.json', 'utf8')) as Record<
    string,
    unknown
  >
  delete scenario['judgements']
  return JSON.stringify(scenario, null, 2)
}

export interface PackageHost {
  readonly origin: string
  /** Paths asked for outside the package's folder and the test's pages. */
  readonly strays: string[]
  close(): Promise<void>
}

const TYPES: Record<string, string> = {
  html: 'text/html',
  js: 'text/javascript',
  css: 'text/css',
  json: 'application/json',
  xml: 'application/xml',
  svg: 'image/svg+xml',
  png: 'image/png',
  glb: 'model/gltf-binary',
  gltf: 'model/gltf+json',
}

/** The test's own pages (path → content), or a handler that answers a request it knows. */
export type HostPages =
  | Record<string, { type: string; body: string | Uint8Array }>
  | ((req: IncomingMessage, res: ServerResponse, path: string) => boolean)

/**
 * Serves each package's files under its deep path (`packages`: deep path → files) and the test's
 * `pages` on 127.0.0.1.
 */
export async function hostPackages(
  packages: Record<string, Record<string, Uint8Array>>,
  pages: HostPages,
): Promise<PackageHost> {
  const strays: string[] = []
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://host').pathname
    if (typeof pages === 'function') {
      if (pages(req, res, path)) return
    } else if (pages[path]) {
      res.writeHead(200, { 'content-type': pages[path].type })
      res.end(pages[path].body)
      return
    }
    const root = Object.keys(packages).find((p) => path.startsWith(p))
    const file = root === undefined ? undefined : packages[root]![path.slice(root.length)]
    if (!file) {
      strays.push(path)
      res.writeHead(404)
      res.end()
      return
    }
    const type = TYPES[path.slice(path.lastIndexOf('.') + 1)] ?? 'application/octet-stream'
    res.writeHead(200, { 'content-type': type })
    res.end(file)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    origin: `http://127.0.0.1:${port}`,
    strays,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

/** Serves one package's `files` under DEEP_PATH and the test's `pages`. */
export function hostPackage(
  files: Record<string, Uint8Array>,
  pages: HostPages,
): Promise<PackageHost> {
  return hostPackages({ [DEEP_PATH]: files }, pages)
}

/** A real mouse click on a part of the scene of the package's frame, which fills the page. */
export async function clickPartIn(
  page: Page,
  frame: Frame,
  id: string,
  button: 'left' | 'right' = 'left',
): Promise<void> {
  // partPoint only evaluates and waits: a frame does both as a page does
  const p = await partPoint(frame as unknown as Page, id)
  await page.mouse.click(p.x, p.y, { button })
}

/** Waits until the frame's checklist shows step `id` with `status`. */
export async function expectStepIn(frame: Frame, id: string, status = 'done'): Promise<void> {
  await frame.locator(`li[data-step="${id}"][data-status="${status}"]`).waitFor({ timeout: 10_000 })
}
