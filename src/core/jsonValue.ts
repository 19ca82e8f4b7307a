// What JSON holds, and telling an object from the other values: apart from the reader (json.ts)
// so that code which only looks at JSON already parsed (formats.ts, in the learner's first
// download) does not carry the reader for untrusted files with it.

export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue }

/** Whether a JSON value is an object (not null, not a list). Pure. */
export function isJsonObject(v: JsonValue | undefined): v is { [key: string]: JsonValue } {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
