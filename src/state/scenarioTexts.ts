// The file text each loaded scenario came from, so an attempt kept in the browser can carry
// its scenario and be resumed or re-scored later, whatever is bundled then.
import type { Model } from '../core/index.ts'

const texts = new WeakMap<Model, string>()

export function rememberScenarioText(model: Model, bytes: Uint8Array): void {
  texts.set(model, new TextDecoder().decode(bytes))
}

export function getScenarioText(model: Model): string | undefined {
  return texts.get(model)
}
