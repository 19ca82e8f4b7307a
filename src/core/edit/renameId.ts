// Renaming an element's id together with every reference to it, on a raw scenario document.
// Expressions change only at the name tokens the parser found; nothing else is rewritten.
import { isJsonObject, type JsonValue } from '../json.ts'
import type { Collection, JsonObject, JsonPath } from './applyCommand.ts'
import { getNameSpans, getReferringSlots } from './findReferences.ts'

/** The value at `path` replaced by `update(old)`; containers on the way are copied. */
function updateAt(
  node: JsonValue,
  path: JsonPath,
  depth: number,
  update: (old: JsonValue) => JsonValue,
): JsonValue {
  if (depth === path.length) return update(node)
  const seg = path[depth]!
  if (Array.isArray(node) && typeof seg === 'number') {
    const copy = [...node]
    copy[seg] = updateAt(node[seg]!, path, depth + 1, update)
    return copy
  }
  if (isJsonObject(node) && typeof seg === 'string') {
    // Object.fromEntries keeps the key order and defines every key as an own property
    return Object.fromEntries(
      Object.entries(node).map(([k, v]) => [
        k,
        k === seg ? updateAt(v, path, depth + 1, update) : v,
      ]),
    )
  }
  return node
}

/** An expression with the spans replaced by `to`, the last first so offsets stay valid. */
function renameInExpression(src: string, collection: Collection, from: string, to: string): string {
  let out = src
  for (const span of getNameSpans(src, collection, from).reverse())
    out = out.slice(0, span.start) + to + out.slice(span.end)
  return out
}

/** A set map with the key `from` renamed to `to` in its place. */
function renameKey(set: JsonValue, from: string, to: string): JsonValue {
  if (!isJsonObject(set)) return set
  return Object.fromEntries(Object.entries(set).map(([k, v]) => [k === from ? to : k, v]))
}

/**
 * The document with the first element of `collection` whose id is `from` renamed to `to`, and
 * every reference that findReferences lists updated: expression names token-exactly (a string
 * literal 'isolator' or the name isolator_2 stays), set keys in their place, action targets,
 * after lists and competency refs in either form. The same document when there is no such
 * element. Pure.
 */
export function renameId(
  doc: JsonObject,
  collection: Collection,
  from: string,
  to: string,
): JsonObject {
  if (from === to) return doc
  const elements = Object.hasOwn(doc, collection) ? doc[collection] : undefined
  if (!Array.isArray(elements)) return doc
  const index = elements.findIndex(
    (el) => isJsonObject(el) && Object.hasOwn(el, 'id') && el['id'] === from,
  )
  if (index < 0) return doc
  const slots = getReferringSlots(doc, collection, from)
  let out: JsonValue = updateAt(doc, [collection, index, 'id'], 0, () => to)
  // values first: a set key's path names the old key, which the key renames below change
  for (const slot of slots) {
    if (slot.type === 'id') out = updateAt(out, slot.path, 0, () => to)
    else if (slot.type === 'expression')
      out = updateAt(out, slot.path, 0, (src) =>
        typeof src === 'string' ? renameInExpression(src, collection, from, to) : src,
      )
  }
  for (const slot of slots) {
    if (slot.type === 'setKey')
      out = updateAt(out, slot.path.slice(0, -1), 0, (set) => renameKey(set, from, to))
  }
  return out as JsonObject
}
