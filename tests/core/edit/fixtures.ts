// Documents the edit tests share: the conveyor scenario as raw JSON, and a deep freeze.
import { readFileSync } from 'node:fs'
import type { JsonObject, JsonValue } from '../../../src/core/index.ts'

/** A raw scenario document of the repository, parsed with node's JSON reader. */
export function readDoc(path: string): JsonObject {
  return JSON.parse(
    readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8'),
  ) as JsonObject
}

/** The value, frozen all the way down, so that any mutation throws in strict mode. */
export function deepFreeze<T extends JsonValue>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v)
    Object.freeze(value)
  }
  return value
}

/** A small valid scenario with an x- field, used by the command and history tests. */
export function smallDoc(): JsonObject {
  return {
    format: 'practica.scenario/1',
    id: 'small',
    version: '1.0.0',
    title: 'Small',
    'x-author': 'ann',
    competencies: [],
    components: [
      { id: 'a', kind: 'switch', label: 'A' },
      { id: 'b', kind: 'switch', label: 'B' },
      { id: 'c', kind: 'lamp', label: 'C', lit: "a == 'on'" },
    ],
    steps: [{ id: 's1', title: 'S1', action: { action: 'set', target: 'a', value: 'on' } }],
  }
}
