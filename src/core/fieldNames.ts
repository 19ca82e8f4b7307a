// The field names of the three formats, read off their zod schemas, for "did you mean" when a
// file has an unknown field. Derived, so it cannot drift from the schemas.
import type * as z from 'zod/mini'
import { AttemptSchema, ResultSchema } from './recordSchemas.ts'
import { ScenarioSchema } from './schema.ts'

type Def = {
  type: string
  shape?: Record<string, z.ZodMiniType>
  options?: z.ZodMiniType[]
  element?: z.ZodMiniType
  innerType?: z.ZodMiniType
  valueType?: z.ZodMiniType
  items?: z.ZodMiniType[]
}

/** Every field name of a schema, at any depth, read off its zod definition. Pure. */
function fieldNames(schema: z.ZodMiniType, out = new Set<string>()): Set<string> {
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def
  for (const [key, value] of Object.entries(def.shape ?? {})) {
    out.add(key)
    fieldNames(value, out)
  }
  for (const child of [
    ...(def.options ?? []),
    ...(def.items ?? []),
    def.element,
    def.innerType,
    def.valueType,
  ]) {
    if (child) fieldNames(child, out)
  }
  return out
}

/** The field names of the three formats, for "did you mean" on an unknown field. */
export const FIELD_NAMES: readonly string[] = [
  ...fieldNames(ScenarioSchema),
  ...fieldNames(AttemptSchema),
  ...fieldNames(ResultSchema),
]
