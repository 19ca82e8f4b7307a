// The JavaScript a learner downloads before the play screen can show its 3D scene, against the
// smallest R3F app (tests/bench/peerApp): both built in this run by the same Vite, for production,
// and measured as gzip -9 bytes. Counted sizes are exact, so quick mode measures the same.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Manifest } from 'vite'
import { bundledScenarioNames } from '../../src/build/checkScenariosPlugin.ts'
import { makeResult, type BenchOptions, type BenchResult } from './harness.ts'

const ROOT = new URL('../..', import.meta.url).pathname
const OURS_DIR = '.bench/dist-bundle'
const PEER_DIR = '.bench/dist-peer'
const PEER_ROOT = 'tests/bench/peerApp'

/**
 * Lazily loaded modules a learner does not wait for before the play screen shows, and why; every
 * other chunk the entry can reach, statically or by `import()`, is counted.
 */
export const NOT_BEFORE_PLAY: Readonly<Record<string, string>> = {
  'src/view/learner/ResultScreen.tsx': 'the result, fetched while the learner plays',
  'src/view/learner/HistoryScreen.tsx': "the learner's past attempts",
  'src/view/assessor/ReviewScreen.tsx': "the assessor's screen",
  'src/view/instructor/EditorRoute.tsx': "the instructor's editor",
  'src/view/scene/parts/ModelPart.tsx': 'glTF models, which no bundled scenario has',
  'src/state/openScenarioFile.ts':
    'the validator, for a scenario opened from disk or resumed (bundled ones were checked at build)',
}
/** Other interface languages than English, fetched only when chosen. */
const LOCALES = 'src/view/i18n/locales/'

/** Runs `vite build` of `root` (relative to the repository) into `outDir`, for production. */
function viteBuild(outDir: string, root?: string): void {
  const args = [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build']
  if (root) args.push(root, '--config', join(root, 'vite.config.ts'))
  args.push('--manifest', '--emptyOutDir', '--logLevel', 'error', '--outDir', join(ROOT, outDir))
  const built = spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: 'utf8',
    // Vitest and tsx may set NODE_ENV; the figure is the production build's
    env: { ...process.env, NODE_ENV: 'production' },
  })
  if (built.status !== 0) throw new Error(`vite build ${root ?? ''} failed:\n${built.stderr}`)
}

function readManifest(outDir: string): Manifest {
  return JSON.parse(readFileSync(join(ROOT, outDir, '.vite/manifest.json'), 'utf8')) as Manifest
}

/**
 * The JavaScript files of the page's entry and every chunk it imports, and, where `lazy` says
 * so, of the chunks it loads with `import()` and theirs.
 */
export function reachableFiles(
  manifest: Manifest,
  lazy: (key: string) => boolean = () => false,
): string[] {
  const entries = Object.keys(manifest).filter((key) => manifest[key]!.isEntry)
  if (entries.length !== 1) throw new Error(`expected one entry, found ${entries.join(', ')}`)
  const seen = new Set<string>()
  const visit = (key: string) => {
    if (seen.has(key)) return
    const chunk = manifest[key]
    if (!chunk) throw new Error(`the manifest has no chunk ${key}`)
    seen.add(key)
    for (const next of chunk.imports ?? []) visit(next)
    for (const next of chunk.dynamicImports ?? []) if (lazy(next)) visit(next)
  }
  visit(entries[0]!)
  return [...seen].map((key) => manifest[key]!.file).filter((file) => file.endsWith('.js'))
}

/** Whether a chunk loaded by `import()` must arrive before the learner's play screen shows. */
function neededBeforePlay(key: string): boolean {
  return !(key in NOT_BEFORE_PLAY) && !key.startsWith(LOCALES)
}

function gzipBytes(outDir: string, files: readonly string[]): number {
  return files.reduce(
    (sum, file) => sum + gzipSync(readFileSync(join(ROOT, outDir, file)), { level: 9 }).length,
    0,
  )
}

/** Model files referenced by the bundled scenarios: with any, ModelPart would be needed too. */
function bundledModels(): string[] {
  return bundledScenarioNames(ROOT).filter((f) =>
    readFileSync(join(ROOT, 'scenarios', f), 'utf8').includes('"model"'),
  )
}

export async function runBundle(_options: BenchOptions): Promise<BenchResult[]> {
  const withModels = bundledModels()
  if (withModels.length > 0)
    throw new Error(
      `bundled scenarios with glTF models (${withModels.join(', ')}): count ModelPart`,
    )
  viteBuild(OURS_DIR)
  viteBuild(PEER_DIR, PEER_ROOT)
  const oursFiles = reachableFiles(readManifest(OURS_DIR), neededBeforePlay)
  const peerFiles = reachableFiles(readManifest(PEER_DIR))
  const ours = gzipBytes(OURS_DIR, oursFiles)
  const peer = gzipBytes(PEER_DIR, peerFiles)
  return [
    makeResult({
      name: 'bundle',
      unit: 'B',
      ours,
      peer,
      goals: [{ on: 'ratio', op: '<=', value: 1 }],
      note:
        `gzip -9 bytes of the JS a learner loads before the play screen shows its scene: ${oursFiles.length} ` +
        `files, the entry with its imports and import()s, less ${Object.keys(NOT_BEFORE_PLAY).length} lazy ` +
        `modules (result, history, review, editor, glTF models, the validator) and other languages than English; peer: ` +
        `the entry and imports of a <Canvas> with one mesh; both vite build for production`,
    }),
  ]
}
