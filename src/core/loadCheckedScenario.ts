// The scenarios bundled with the app were checked when it was built: they are only compiled.
// Apart from loadScenario.ts so that the learner's first download holds no validator, and given
// the file's hash so that it holds no hashing code either (the app asks the browser's digest).
import { compileScenario, type Model } from './model.ts'
import type { Scenario } from './schema.ts'

/**
 * Compiles the bytes of a scenario file that has passed `loadScenario` before, unchanged: the
 * scenarios bundled with the app, checked when it is built. `sha256` is the hex SHA-256 of the
 * bytes (`sha256Hex` gives it), or undefined where none could be made. The model is the one
 * `loadScenario` gives; the checks and their code are skipped. Throws if the bytes are not JSON.
 * Pure.
 */
export function loadCheckedScenario(bytes: Uint8Array, sha256: string | undefined): Model {
  const scenario = JSON.parse(new TextDecoder().decode(bytes)) as Scenario
  return compileScenario(scenario, sha256)
}
