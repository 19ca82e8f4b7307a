// The scenarios shipped in scenarios/: served as plain JSON files (data, not code), fetched once
// and compiled by the engine (hashed over their exact bytes). They were checked when the app was
// built (checkScenariosPlugin.ts), so the learner's first download holds no validator.
import { createStore } from 'zustand/vanilla'
import { loadCheckedScenario, type Model, type Problem } from '../core/index.ts'
import { digestSha256 } from './digest.ts'
import { rememberScenarioText } from './scenarioTexts.ts'

export interface BundledScenario {
  readonly file: string
  /** The file's bytes, for the editor, which edits the file as written. */
  readonly bytes: Uint8Array
  readonly model: Model | undefined
  readonly problems: readonly Problem[]
}

const urls = import.meta.glob<string>(
  ['../../scenarios/*.json', '!../../scenarios/*.schema.json'],
  {
    query: '?url',
    import: 'default',
    eager: true,
  },
)

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

async function fetchScenario(path: string, url: string): Promise<BundledScenario> {
  const file = path.slice(path.lastIndexOf('/') + 1)
  try {
    const response = await fetch(url)
    if (!response.ok) throw new Error(`HTTP ${response.status}`)
    const bytes = new Uint8Array(await response.arrayBuffer())
    const model = loadCheckedScenario(bytes, await digestSha256(bytes))
    rememberScenarioText(model, bytes)
    return { file, bytes, model, problems: [] }
  } catch (e) {
    return {
      file,
      bytes: new Uint8Array(),
      model: undefined,
      problems: [unreadable((e as Error).message)],
    }
  }
}

/** The bundled scenarios in file-name order; undefined until they have been fetched. */
export const bundledStore = createStore<{ scenarios: readonly BundledScenario[] | undefined }>()(
  () => ({ scenarios: undefined }),
)

/** Fetches the bundled scenarios once; later calls return the same promise. */
let loading: Promise<void> | undefined
export function loadBundledScenarios(): Promise<void> {
  loading ??= Promise.all(
    Object.entries(urls)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([path, url]) => fetchScenario(path, url)),
  ).then((scenarios) => bundledStore.setState({ scenarios }))
  return loading
}
