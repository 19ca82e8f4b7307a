// The scenarios shipped in scenarios/, loaded through the engine (validated and hashed) at start.
import { loadScenario, type Model, type Problem } from '../core/index.ts'

export interface BundledScenario {
  readonly file: string
  readonly model: Model | undefined
  readonly problems: readonly Problem[]
}

const files = import.meta.glob<string>('../../scenarios/*.json', {
  query: '?raw',
  import: 'default',
  eager: true,
})

/** Every bundled scenario, in file-name order, with its problems if it does not load. */
export const bundledScenarios: readonly BundledScenario[] = Object.entries(files)
  .filter(([path]) => !path.endsWith('.schema.json'))
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([path, text]) => {
    const loaded = loadScenario(text)
    const file = path.slice(path.lastIndexOf('/') + 1)
    return loaded.ok
      ? { file, model: loaded.value, problems: [] }
      : { file, model: undefined, problems: loaded.problems }
  })
