// A scenario the learner opens from disk, or the one an unfinished attempt kept: loaded and checked
// by the engine. Imported only when one is opened, with the validator it brings (the bundled
// scenarios were checked when the app was built).
import { loadScenario, type Model, type Outcome, type Problem } from '../core/index.ts'
import { readFileBytes } from './fileBytes.ts'
import { rememberScenarioText } from './scenarioTexts.ts'

export type OpenedScenario =
  | { ok: true; model: Model; name: string }
  | { ok: false; problems: readonly Problem[]; name: string }

/** Reads and validates a scenario file from the learner's disk; never throws for a bad file. */
export async function openScenarioFile(file: File): Promise<OpenedScenario> {
  const bytes = await readFileBytes(file)
  const loaded = loadScenario(bytes)
  if (loaded.ok) rememberScenarioText(loaded.value, bytes)
  return loaded.ok
    ? { ok: true, model: loaded.value, name: file.name }
    : { ok: false, problems: loaded.problems, name: file.name }
}

/** The scenario an unfinished attempt was started on, from the text kept with the attempt. */
export function openStoredScenario(text: string): Outcome<Model> {
  return loadScenario(text)
}
