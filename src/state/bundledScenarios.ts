// The scenarios shipped in scenarios/: served as plain JSON files (data, not code), listed by the
// index written when the app was built (scenarioIndex.ts), each fetched only when needed and
// compiled by the engine (hashed over their exact bytes). They were checked when the app was built
// (checkScenariosPlugin.ts), so the learner's first download holds no validator.
import { createStore } from 'zustand/vanilla'
import { loadCheckedScenario, type Model, type Problem } from '../core/index.ts'
import { digestSha256 } from './digest.ts'
import type { IndexedScenario } from './scenarioCard.ts'
import { scenarioIndex } from './scenarioIndex.ts'
import { rememberScenarioText } from './scenarioTexts.ts'

export interface BundledScenario {
  readonly file: string
  /** The file's bytes, for the editor, which edits the file as written. */
  readonly bytes: Uint8Array
  readonly model: Model | undefined
  readonly problems: readonly Problem[]
}

/**
 * The engine's `file.unreadable` problem, written out: building it with `problemAt` would bring
 * the whole catalogue of problem texts into the learner's first download.
 */
function unreadable(reason: string): Problem {
  return {
    path: [],
    code: 'file.unreadable',
    params: { reason },
    message: `cannot read it: ${reason}`,
  }
}

/** The compiled model of a bundled file's bytes, its text remembered for the attempt it starts. */
function compile(bytes: Uint8Array<ArrayBuffer>, sha256: string | undefined): Model {
  const model = loadCheckedScenario(bytes, sha256)
  rememberScenarioText(model, bytes)
  return model
}

async function fetchScenario(entry: IndexedScenario): Promise<BundledScenario> {
  const { file } = entry
  if ('problems' in entry)
    return { file, bytes: new Uint8Array(), model: undefined, problems: entry.problems }
  try {
    const response = await fetch(entry.url)
    if (!response.ok) throw new Error(`HTTP ${response.status}`)
    const bytes = new Uint8Array(await response.arrayBuffer())
    return { file, bytes, model: compile(bytes, await digestSha256(bytes)), problems: [] }
  } catch (e) {
    return {
      file,
      bytes: new Uint8Array(),
      model: undefined,
      problems: [unreadable((e as Error).message)],
    }
  }
}

const fetched = new Map<string, Promise<BundledScenario>>()

/** Fetches and compiles one bundled scenario once; later calls return the same promise. */
export function openBundledScenario(entry: IndexedScenario): Promise<BundledScenario> {
  let opened = fetched.get(entry.file)
  if (!opened) {
    opened = fetchScenario(entry)
    fetched.set(entry.file, opened)
  }
  return opened
}

/**
 * The model of a bundled scenario from the text an attempt kept, compiled without a download or
 * the validator; undefined when the text is no bundled file (by its hash) or cannot be hashed.
 */
export async function bundledModelOf(text: string): Promise<Model | undefined> {
  const bytes = new TextEncoder().encode(text)
  const sha256 = await digestSha256(bytes)
  const entry = scenarioIndex.find((e) => 'sha256' in e && e.sha256 === sha256)
  if (!entry) return undefined
  const opened = await fetched.get(entry.file)
  return opened?.model ?? compile(bytes, sha256)
}

/** Every bundled scenario, fetched, in file-name order (the editor's and the assessor's list). */
export const bundledStore = createStore<{ scenarios: readonly BundledScenario[] | undefined }>()(
  () => ({ scenarios: undefined }),
)

/** Fetches every bundled scenario once; later calls return the same promise. */
let loading: Promise<void> | undefined
export function loadBundledScenarios(): Promise<void> {
  loading ??= Promise.all(scenarioIndex.map(openBundledScenario)).then((scenarios) =>
    bundledStore.setState({ scenarios }),
  )
  return loading
}
