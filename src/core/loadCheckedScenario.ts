// The scenarios bundled with the app were checked when it was built: they are only compiled.
// Apart from loadScenario.ts so that the learner's first download holds no validator.
import { compileScenario, type Model } from './model.ts'
import type { Scenario } from './schema.ts'
import { sha256Hex } from './sha256.ts'

/**
 * Compiles the bytes of a scenario file that has passed `loadScenario` before, unchanged: the
 * scenarios bundled with the app, checked when it is built. The model is the one `loadScenario`
 * gives; the checks and their code are skipped. Throws if the bytes are not JSON. Pure.
 */
export function loadCheckedScenario(bytes: Uint8Array): Model {
  const scenario = JSON.parse(new TextDecoder().decode(bytes)) as Scenario
  return compileScenario(scenario, sha256Hex(bytes))
}
