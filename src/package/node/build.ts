// The AU's build (vite.package.config.ts) into a folder of its own, made again only when a source
// it is built from is newer than the last build: the command line packages many scenarios from
// one build.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const ROOT = new URL('../../../', import.meta.url).pathname
const STAMP = '.practica-built'

/** The folder the AU is built into: `dist-package`, or PRACTICA_PACKAGE_DIST. */
export function packageBuildFolder(env: NodeJS.ProcessEnv = process.env): string {
  return join(ROOT, env['PRACTICA_PACKAGE_DIST'] ?? 'dist-package')
}

/** What the AU is built from: the app's sources, the shipped models, the config, the lock file. */
const INPUTS = ['src', 'assets', 'vite.package.config.ts', 'package-lock.json']
/** Sources the AU never imports: the server, the command line, the service worker. */
const NOT_INPUTS = new Set(['src/server', 'src/cli', 'src/sw'].map((p) => join(ROOT, p)))

/** The newest modification time under `path` (a file or a folder), in ms. */
function newest(path: string): number {
  if (!existsSync(path) || NOT_INPUTS.has(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(path).reduce((m, name) => Math.max(m, newest(join(path, name))), stat.mtimeMs)
}

/** Whether `folder` holds a build newer than every source it is made from. */
export function isUpToDate(folder: string): boolean {
  const stamp = join(folder, STAMP)
  if (!existsSync(stamp)) return false
  const built = statSync(stamp).mtimeMs
  return INPUTS.every((input) => newest(join(ROOT, input)) <= built)
}

/**
 * Builds the AU into `folder` unless it is up to date; returns undefined, or vite's complaint.
 */
export function buildAu(folder: string): string | undefined {
  if (isUpToDate(folder)) return undefined
  const build = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      join(ROOT, 'vite.package.config.ts'),
      '--outDir',
      folder,
      '--logLevel',
      'error',
    ],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } },
  )
  if (build.status !== 0) return (build.stderr || build.stdout || 'vite build failed').trim()
  writeFileSync(join(folder, STAMP), new Date().toISOString() + '\n')
  return undefined
}

/** Every file of a built AU (paths with `/`, relative to `folder`), the stamp left out. */
export function listFiles(folder: string, under = ''): string[] {
  return readdirSync(join(folder, under), { withFileTypes: true }).flatMap((entry) => {
    const path = under ? `${under}/${entry.name}` : entry.name
    if (entry.isDirectory()) return listFiles(folder, path)
    return path === STAMP ? [] : [path]
  })
}
