// What a learner's browser downloads before it can show something, as gzip -9 bytes, against a
// competent peer (tests/bench/peerApp: React DOM with a one-mesh R3F scene, `createRoot` and
// `extend` with only the classes it uses, the way Practica's SceneView is written). Both are
// built in this run by the same Vite, for production. Two figures for ours:
//   - `bundle-first-visit`: an English first visit up to the play screen's scene, at a secure
//     address, to the static app (no Practica server) — index.html, the entry and everything it
//     imports, the chunks loaded by import() before the scene shows (of the looks, exactly the
//     modules of those the started scenario draws at the default setting, which the scene asks
//     for), their CSS, and the file of the scenario the learner starts (the library lists them
//     from an index built with the app);
//   - `bundle-resume-zh`: a Chinese browser resuming an attempt on a bundled scenario — the same
//     code plus the zh-CN texts (a resume on a bundled scenario finds its file by the hash of the
//     text kept with the attempt, so nothing more is fetched; one
//     on a scenario opened from disk also loads the validator, whose bytes the note gives).
// Counted sizes are exact, so quick mode measures the same.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Manifest } from 'vite'
import { loadScenario } from '../../src/core/index.ts'
import { createGraphicsStore } from '../../src/state/graphics.ts'
import { getDrawnLooks, LOOK_MODULES } from '../../src/view/scene/looks/registry.ts'
import { bundledScenarioNames } from '../../src/build/checkScenariosPlugin.ts'
import { buildApp, viteBuild } from './app.ts'
import { makeResult, type BenchOptions, type BenchResult } from './harness.ts'

const ROOT = new URL('../..', import.meta.url).pathname
const PEER_DIR = '.bench/dist-peer'
const PEER_ROOT = 'tests/bench/peerApp'
/**
 * The goal for both figures (issue 13): at most 350 KB gzip, whatever the peer; the ratio to the
 * peer is still reported.
 */
const GOAL_BYTES = 350_000

/**
 * Lazily loaded modules a learner does not wait for before the play screen shows, and why; every
 * other chunk the entry can reach, statically or by `import()`, is counted.
 */
export const NOT_BEFORE_PLAY: Readonly<Record<string, string>> = {
  'src/view/learner/ResultScreen.tsx': 'the result, fetched while the learner plays',
  'src/view/learner/HistoryScreen.tsx': "the learner's past attempts",
  'src/view/assessor/ReviewScreen.tsx': "the assessor's screen",
  'src/view/instructor/EditorRoute.tsx': "the instructor's editor",
  'src/view/classroom/staff/StaffRoute.tsx': "the staff's screens on the Practica server",
  'src/view/classroom/learner/ServerPanel.tsx':
    "the library's class server panel (joining, sign-in), only where a Practica server is",
  'src/view/classroom/learner/AssignmentList.tsx':
    "a signed-in learner's assignments, only where a Practica server is",
  'src/view/classroom/JoinForm.tsx':
    'the join form, in that panel or in the notice of a sign-in the server ended',
  'src/view/classroom/learner/LiveInbox.tsx':
    "the instructor's live messages, only while a signed-in learner plays an assignment",
  'src/view/live/LiveRoute.tsx': "the staff's live class view, on the Practica server",
  'src/state/classroom/startOutbox.ts':
    'the outbox to the Practica server, started only where one answers or answered before',
  'src/view/scene/looks/LookSheetScreen.tsx':
    'the look sheet (?sheet=looks), for tests and pictures',
  'src/view/scene/parts/ModelPart.tsx': 'glTF models, which no bundled scenario has',
  'src/view/scene/LockTag.tsx':
    'the padlock and danger tag, hidden until a part is locked or tagged: the scene shows without waiting for them',
  'src/state/openScenarioFile.ts':
    'the validator, for a scenario opened from disk or resumed (bundled ones were checked at build)',
}
/**
 * Modules loaded by `import()` only outside a secure context (the app on plain http:// in a lab,
 * which the app warns is not the full app, InsecureNotice.tsx). The figures are a secure page's
 * (https://, or the benchmarks' http://127.0.0.1, where the browser has SubtleCrypto); the note
 * gives what a plain-http page downloads more.
 */
export const ONLY_INSECURE: Readonly<Record<string, string>> = {
  'src/core/sha256.ts': "SHA-256 in JavaScript, for want of the browser's (state/digest.ts)",
}
/** Interface languages other than English, fetched only when chosen. */
const LOCALES = 'src/view/i18n/locales/'
/** The Chinese texts a Chinese browser fetches before anything renders. */
const ZH_CN = `${LOCALES}zh-CN.json`
/** The scenario the first visit starts: the conveyor, as the browser benchmarks play it. */
const STARTED = 'scenarios/conveyor-loto.json'
/** What resuming an attempt on a scenario opened from disk loads by import() (appStore's resume). */
const VALIDATOR = 'src/state/openScenarioFile.ts'

function readManifest(outDir: string): Manifest {
  return JSON.parse(readFileSync(join(ROOT, outDir, '.vite/manifest.json'), 'utf8')) as Manifest
}

/** The manifest key of the page's one entry. */
function entryOf(manifest: Manifest): string {
  const entries = Object.keys(manifest).filter((key) => manifest[key]!.isEntry)
  if (entries.length !== 1) throw new Error(`expected one entry, found ${entries.join(', ')}`)
  return entries[0]!
}

/**
 * The files (JS, CSS, and assets where `assets` says so) of the chunks `roots` and every chunk
 * they import, and, where `lazy` says so, of the chunks they load with `import()` and theirs.
 */
export function reachableFiles(
  manifest: Manifest,
  roots: readonly string[],
  lazy: (key: string) => boolean = () => false,
  assets: (file: string) => boolean = () => false,
): string[] {
  const seen = new Set<string>()
  const files = new Set<string>()
  const visit = (key: string) => {
    if (seen.has(key)) return
    const chunk = manifest[key]
    if (!chunk) throw new Error(`the manifest has no chunk ${key}`)
    seen.add(key)
    files.add(chunk.file)
    for (const css of chunk.css ?? []) files.add(css)
    for (const asset of chunk.assets ?? []) if (assets(asset)) files.add(asset)
    for (const next of chunk.imports ?? []) visit(next)
    for (const next of chunk.dynamicImports ?? []) if (lazy(next)) visit(next)
  }
  for (const root of roots) visit(root)
  return [...files]
}

/** Where the looks' modules are (src/view/scene/looks/registry.ts), each loaded by `import()`. */
const LOOKS = 'src/view/scene/looks/'
/** The manifest keys of every look's module. */
const LOOK_MODULE_KEYS = new Set(Object.values(LOOK_MODULES).map(([file]) => LOOKS + file))

/**
 * The manifest keys of the modules of the looks the started scenario is drawn with, at a first
 * visit's graphics setting (the app's default, Detailed; no choice saved, no `?graphics=`): the
 * scene downloads those (registry.ts's preloadLooks), and no other look.
 */
function startedLookModules(): Set<string> {
  const loaded = loadScenario(readFileSync(join(ROOT, STARTED), 'utf8'))
  if (!loaded.ok) throw new Error(`${STARTED} does not load: ${loaded.problems[0]?.message}`)
  const detail = createGraphicsStore('').getState().setting
  return new Set(getDrawnLooks(loaded.value, detail).map((look) => LOOKS + LOOK_MODULES[look][0]))
}

/**
 * The manifest key of the chunk that `import()` of `source` loads: the module's own key, or, where
 * the bundler put the module in a chunk shared with others (it is also imported statically
 * elsewhere), the key of the shared chunk named after it, which some chunk imports by `import()`.
 */
export function dynamicChunkKey(manifest: Manifest, source: string): string | undefined {
  if (manifest[source]?.isDynamicEntry) return source
  const name = source.replace(/^.*\//, '').replace(/\.[^.]+$/, '')
  const loaded = new Set(Object.values(manifest).flatMap((c) => c.dynamicImports ?? []))
  const shared = Object.keys(manifest).filter(
    (key) => loaded.has(key) && manifest[key]!.src === undefined && manifest[key]!.name === name,
  )
  return shared.length === 1 ? shared[0] : undefined
}

/** Whether a chunk loaded by `import()` must arrive before the learner's play screen shows. */
function neededBeforePlay(
  key: string,
  looks: ReadonlySet<string>,
  notBefore: ReadonlySet<string>,
): boolean {
  if (LOOK_MODULE_KEYS.has(key)) return looks.has(key)
  return !notBefore.has(key) && !key.startsWith(LOCALES)
}

/** The looks' modules, by file name, for the note. */
const lookFiles = (keys: ReadonlySet<string>) =>
  [...keys]
    .map((key) => key.slice(LOOKS.length))
    .sort()
    .join(', ') || 'none'

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

/** The built files of each figure, relative to the build's folder, index.html first. */
export function countedFiles(manifest: Manifest): {
  firstVisit: string[]
  resumeZh: string[]
  validator: string[]
  insecure: string[]
} {
  const entry = entryOf(manifest)
  const looks = startedLookModules()
  for (const key of LOOK_MODULE_KEYS)
    if (!manifest[key]?.isDynamicEntry) throw new Error(`the manifest has no chunk for ${key}`)
  const chunkOf = (source: string) => dynamicChunkKey(manifest, source) ?? source
  const insecureKeys = Object.keys(ONLY_INSECURE).map((source) => {
    const key = dynamicChunkKey(manifest, source)
    if (key === undefined) throw new Error(`the manifest has no chunk for ${source}`)
    return key
  })
  const notBefore = new Set([...Object.keys(NOT_BEFORE_PLAY).map(chunkOf), ...insecureKeys])
  const needed = (key: string) => neededBeforePlay(key, looks, notBefore)
  const scenarioFiles = new Set(
    bundledScenarioNames(ROOT).map((name) => manifest[`scenarios/${name}`]?.file),
  )
  const scenarioAsset = (file: string) => scenarioFiles.has(file)
  if (scenarioFiles.has(undefined) || scenarioFiles.size === 0)
    throw new Error('the manifest does not list every bundled scenario as an asset')
  // the scenario the learner starts is fetched before its scene shows (the library lists them
  // from the index); a resume on a bundled scenario finds it by the hash of the kept text
  const started = manifest[STARTED]?.file
  if (started === undefined) throw new Error(`the manifest does not list ${STARTED}`)
  const firstVisit = [...reachableFiles(manifest, [entry], needed, scenarioAsset), started]
  const zh = Object.keys(manifest).filter((key) => key.startsWith(ZH_CN))
  if (zh.length !== 1) throw new Error(`expected one zh-CN chunk, found ${zh.join(', ')}`)
  const resumeZh = reachableFiles(manifest, [entry, ...zh], needed, scenarioAsset)
  const withValidator = reachableFiles(manifest, [entry, VALIDATOR], needed)
  const insecure = reachableFiles(manifest, [entry, ...insecureKeys], needed)
  return {
    firstVisit: ['index.html', ...firstVisit],
    resumeZh: ['index.html', ...resumeZh],
    validator: withValidator.filter((f) => !firstVisit.includes(f)),
    insecure: insecure.filter((f) => !firstVisit.includes(f)),
  }
}

export async function runBundle(_options: BenchOptions): Promise<BenchResult[]> {
  const withModels = bundledModels()
  if (withModels.length > 0)
    throw new Error(
      `bundled scenarios with glTF models (${withModels.join(', ')}): count ModelPart`,
    )
  // the app as the browser benchmarks serve it, built once per run
  const oursDir = buildApp()
  viteBuild(PEER_DIR, PEER_ROOT)
  const ours = countedFiles(readManifest(oursDir))
  const peerManifest = readManifest(PEER_DIR)
  const peerFiles = ['index.html', ...reachableFiles(peerManifest, [entryOf(peerManifest)])]
  const peer = gzipBytes(PEER_DIR, peerFiles)
  const kinds = (files: readonly string[]) => {
    const count = (ext: string) => files.filter((f) => f.endsWith(ext)).length
    return `${count('.js')} JS, ${count('.css')} CSS, ${count('.json')} scenario files and index.html`
  }
  const peerNote =
    `peer: index.html, entry and imports of React DOM with a one-mesh R3F scene (createRoot + ` +
    `extend of its 4 classes), ${peerFiles.length} files; both vite build for production, gzip -9`
  return [
    makeResult({
      name: 'bundle-first-visit',
      unit: 'B',
      ours: gzipBytes(oursDir, ours.firstVisit),
      peer,
      goals: [{ on: 'ours', op: '<=', value: GOAL_BYTES }],
      note:
        `an English first visit up to the play screen's scene: ${kinds(ours.firstVisit)} (the ` +
        `entry, its imports and import()s, less ${Object.keys(NOT_BEFORE_PLAY).length} lazy ` +
        `modules and other languages; the modules of the looks the conveyor draws with ` +
        `(${lookFiles(startedLookModules())}); the conveyor scenario file ` +
        `fetched on start); at a secure address (https://, or the benchmarks' 127.0.0.1): ` +
        `on plain http:// the page also loads ${ours.insecure.length} chunks for SHA-256 ` +
        `(${gzipBytes(oursDir, ours.insecure)} B more); ${peerNote}`,
    }),
    makeResult({
      name: 'bundle-resume-zh',
      unit: 'B',
      ours: gzipBytes(oursDir, ours.resumeZh),
      peer,
      goals: [{ on: 'ours', op: '<=', value: GOAL_BYTES }],
      note:
        `a Chinese browser resuming an attempt on a bundled scenario: the first visit plus the ` +
        `zh-CN texts, ${kinds(ours.resumeZh)}; a resume on a scenario opened from disk also ` +
        `loads the validator (${ours.validator.length} chunks, ` +
        `${gzipBytes(oursDir, ours.validator)} B more); same peer`,
    }),
  ]
}
