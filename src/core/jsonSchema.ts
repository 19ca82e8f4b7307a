// The published JSON Schema of the scenario format, generated from the zod schema so the two
// cannot drift. Editors use it for completion; `npm run schema` writes it to scenarios/.
import * as z from 'zod/mini'
import { LOOK_NAMES } from './looks.ts'
import { LookNameSchema, ScenarioSchema } from './schema.ts'

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

// Every object that refuses unknown fields still accepts `x-` extension fields.
function allowExtensions(node: Json): Json {
  if (Array.isArray(node)) return node.map(allowExtensions)
  if (node === null || typeof node !== 'object') return node
  const out: { [key: string]: Json } = {}
  for (const [key, value] of Object.entries(node)) {
    out[key] =
      key === 'properties' && value !== null && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, allowExtensions(v)]))
        : allowExtensions(value)
  }
  if (out['type'] === 'object' && out['additionalProperties'] === false)
    out['patternProperties'] = { '^x-': {} }
  return out
}

/** The JSON Schema (draft 2020-12) of scenario files, as a JSON text with a final newline. Pure. */
export function getScenarioJsonSchema(): string {
  const schema = z.toJSONSchema(ScenarioSchema, {
    io: 'input',
    unrepresentable: 'any',
    // the catalogue's looks as an editor's completions; any name of the form is still valid
    override: (ctx) => {
      if (ctx.zodSchema === LookNameSchema) ctx.jsonSchema.examples = [...LOOK_NAMES]
    },
  }) as Json
  return JSON.stringify(allowExtensions(schema), null, 2) + '\n'
}
