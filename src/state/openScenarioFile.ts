// A scenario file the learner opens from disk: read, then loaded by the engine like any other.
import { loadScenario, MAX_FILE_BYTES, type Model, type Problem } from '../core/index.ts'
import { rememberScenarioText } from './scenarioTexts.ts'

export type OpenedScenario =
  | { ok: true; model: Model; name: string }
  | { ok: false; problems: readonly Problem[]; name: string }

/** Reads and validates a scenario file from the learner's disk; never throws for a bad file. */
export async function openScenarioFile(file: File): Promise<OpenedScenario> {
  if (file.size > MAX_FILE_BYTES) {
    return {
      ok: false,
      name: file.name,
      problems: [
        {
          path: '(file)',
          message:
            'the file is larger than 5 MB; Practica files are far smaller, so this is not one',
        },
      ],
    }
  }
  const bytes = new Uint8Array(await file.arrayBuffer())
  const loaded = loadScenario(bytes)
  if (loaded.ok) rememberScenarioText(loaded.value, bytes)
  return loaded.ok
    ? { ok: true, model: loaded.value, name: file.name }
    : { ok: false, problems: loaded.problems, name: file.name }
}
