// The trades' templates a new draft can start from (scenarios/templates/): a piece of equipment
// with its looks placed and mounted, in English and Chinese, and one example step that
// "Record steps" replaces. Each file is downloaded only when the instructor picks it.
import type { JsonObject } from '../core/index.ts'

export const TEMPLATES = [
  'panel-lockout',
  'pump-line-up',
  'electrical-isolation',
  'vehicle-hv-disconnect',
] as const
export type TemplateName = (typeof TEMPLATES)[number]

const files = import.meta.glob<JsonObject>('../../scenarios/templates/*.json', {
  import: 'default',
})

/** The template's document, a fresh copy to edit. */
export async function loadTemplate(name: TemplateName): Promise<JsonObject> {
  const load = files[`../../scenarios/templates/${name}.json`]
  if (!load) throw new Error(`no template ${name}`)
  return structuredClone(await load())
}
