// The edit commands of the scenario editor and how one applies to a raw scenario document.
// Works on the JSON as written (x- fields included, valid or not); never mutates its input.
import { isJsonObject, type JsonValue } from '../json.ts'
import { COLLECTIONS, type Collection } from './collections.ts'
import { renameId } from './renameId.ts'

export type JsonObject = { [key: string]: JsonValue }
export type JsonPath = readonly (string | number)[]
export { COLLECTIONS, type Collection }

export type EditCommand =
  | {
      readonly kind: 'set'
      readonly path: JsonPath
      /** undefined deletes the key; an array element is replaced, never deleted (use remove) */
      readonly value: JsonValue | undefined
      readonly mergeKey?: string
    }
  | {
      readonly kind: 'insert'
      readonly path: JsonPath
      readonly index: number
      readonly value: JsonValue
    }
  | { readonly kind: 'remove'; readonly path: JsonPath; readonly index: number }
  | { readonly kind: 'move'; readonly path: JsonPath; readonly from: number; readonly to: number }
  | {
      readonly kind: 'rename'
      readonly collection: Collection
      readonly from: string
      readonly to: string
    }
  | {
      readonly kind: 'batch'
      readonly commands: readonly EditCommand[]
      readonly label?: string
      readonly mergeKey?: string
    }

/** A command that cannot apply to the document: a path through a non-container, a bad index. */
export class EditError extends Error {}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

/**
 * Applies a command to a document without mutating it (structural sharing: untouched parts are
 * the same objects, and a command that changes nothing returns the same document); returns the
 * new document and the command that undoes it. Throws EditError for a command that cannot apply.
 * Pure.
 */
export function applyCommand(
  doc: JsonObject,
  command: EditCommand,
): { doc: JsonObject; inverse: EditCommand } {
  switch (command.kind) {
    case 'set':
      return applySet(doc, command.path, command.value)
    case 'insert': {
      const { path, index, value } = command
      const found = findArray(doc, path, true)
      if (found === undefined) {
        // the array did not exist: undoing deletes what the insert created
        if (index !== 0)
          throw new EditError(`${describe(path)}: index ${index} is out of range 0..0`)
        const created = applySet(doc, path, [value])
        return { doc: created.doc, inverse: created.inverse }
      }
      checkIndex(path, index, found.length)
      const next = [...found.slice(0, index), value, ...found.slice(index)]
      return { doc: setAt(doc, path, next), inverse: { kind: 'remove', path, index } }
    }
    case 'remove': {
      const { path, index } = command
      const list = findArray(doc, path, false)!
      checkIndex(path, index, list.length - 1)
      const next = [...list.slice(0, index), ...list.slice(index + 1)]
      return {
        doc: setAt(doc, path, next),
        inverse: { kind: 'insert', path, index, value: list[index]! },
      }
    }
    case 'move': {
      const { path, from, to } = command
      const list = findArray(doc, path, false)!
      checkIndex(path, from, list.length - 1)
      checkIndex(path, to, list.length - 1)
      if (from === to) return { doc, inverse: command }
      const next = [...list]
      const [moved] = next.splice(from, 1)
      next.splice(to, 0, moved!)
      return { doc: setAt(doc, path, next), inverse: { kind: 'move', path, from: to, to: from } }
    }
    case 'rename': {
      const { collection, from, to } = command
      const next = renameId(doc, collection, from, to)
      const back: EditCommand = { kind: 'rename', collection, from: to, to: from }
      if (next === doc) return { doc, inverse: back }
      // Renaming back restores the document unless the new id was already named somewhere (or
      // cannot stand in an expression); then only the whole previous document undoes it.
      const exact = isJsonEqual(renameId(next, collection, to, from), doc)
      return { doc: next, inverse: exact ? back : { kind: 'set', path: [], value: doc } }
    }
    case 'batch': {
      let current = doc
      const inverses: EditCommand[] = []
      for (const c of command.commands) {
        const applied = applyCommand(current, c)
        current = applied.doc
        inverses.push(applied.inverse)
      }
      inverses.reverse()
      const inverse: EditCommand =
        command.label === undefined
          ? { kind: 'batch', commands: inverses }
          : { kind: 'batch', commands: inverses, label: command.label }
      return { doc: current, inverse }
    }
  }
}

/** Whether two JSON values are equal, object key order included. Pure. */
export function isJsonEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false
    return a.every((v, i) => isJsonEqual(v, b[i]))
  }
  if (Array.isArray(b)) return false
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  if (ka.length !== kb.length) return false
  return ka.every((k, i) => k === kb[i] && isJsonEqual(a[k], b[k]))
}

function describe(path: JsonPath): string {
  return path.length === 0 ? '(document)' : path.map((s) => String(s)).join('.')
}

function checkIndex(path: JsonPath, index: number, max: number): void {
  if (!Number.isInteger(index) || index < 0 || index > max)
    throw new EditError(`${describe(path)}: index ${index} is out of range 0..${max}`)
}

/** The child of a container at one path segment; undefined where there is none. */
function child(parent: JsonValue, seg: string | number, path: JsonPath): JsonValue | undefined {
  if (Array.isArray(parent)) {
    if (typeof seg !== 'number') throw new EditError(`${describe(path)}: "${seg}" indexes an array`)
    return parent[seg]
  }
  if (isJsonObject(parent)) {
    if (typeof seg !== 'string')
      throw new EditError(`${describe(path)}: ${seg} is a number but names an object's key`)
    if (FORBIDDEN_KEYS.has(seg)) throw new EditError(`${describe(path)}: "${seg}" is not allowed`)
    return Object.hasOwn(parent, seg) ? parent[seg] : undefined
  }
  throw new EditError(`${describe(path)}: goes through a value that is not an object or array`)
}

/** The value at a path, or undefined where some key on the way is missing. */
function getAt(doc: JsonObject, path: JsonPath): JsonValue | undefined {
  let node: JsonValue | undefined = doc
  for (const seg of path) {
    if (node === undefined) return undefined
    node = child(node, seg, path)
  }
  return node
}

function findArray(
  doc: JsonObject,
  path: JsonPath,
  mayBeMissing: boolean,
): JsonValue[] | undefined {
  const found = getAt(doc, path)
  if (found === undefined && mayBeMissing) return undefined
  if (!Array.isArray(found)) throw new EditError(`${describe(path)}: is not an array`)
  return found
}

/**
 * The document with `value` at `path`: objects on the way are copied, missing keys created as
 * objects; undefined deletes the key. Callers have checked the path where it must exist.
 */
function setAt(doc: JsonObject, path: JsonPath, value: JsonValue | undefined): JsonObject {
  if (path.length === 0) {
    if (!isJsonObject(value)) throw new EditError('(document): the document must be an object')
    return value
  }
  const put = (node: JsonValue | undefined, depth: number): JsonValue | undefined => {
    if (depth === path.length) return value
    const seg = path[depth]!
    if (node === undefined) {
      if (typeof seg !== 'string')
        throw new EditError(`${describe(path)}: cannot create an array element at ${seg}`)
      node = {}
    }
    const old = child(node, seg, path)
    const next = put(old, depth + 1)
    if (Array.isArray(node)) {
      const i = seg as number
      if (i < 0 || i >= node.length || !Number.isInteger(i))
        throw new EditError(`${describe(path)}: index ${i} is out of range 0..${node.length - 1}`)
      if (next === undefined)
        throw new EditError(`${describe(path)}: remove array elements with a remove command`)
      const copy = [...node]
      copy[i] = next
      return copy
    }
    const key = seg as string
    const copy: JsonObject = { ...(node as JsonObject) }
    if (next === undefined) delete copy[key]
    else copy[key] = next
    return copy
  }
  return put(doc, 0) as JsonObject
}

/** set, with the inverse that restores the document exactly (key order included). */
function applySet(
  doc: JsonObject,
  path: JsonPath,
  value: JsonValue | undefined,
): { doc: JsonObject; inverse: EditCommand } {
  const unchanged = { doc, inverse: { kind: 'set', path, value } as const }
  if (path.length === 0) {
    if (!isJsonObject(value)) throw new EditError('(document): the document must be an object')
    return isJsonEqual(doc, value)
      ? unchanged
      : { doc: value, inverse: { kind: 'set', path, value: doc } }
  }
  // the deepest existing container on the way, to know what the set creates
  let node: JsonValue = doc
  let depth = 0
  for (; depth < path.length - 1; depth++) {
    const next = child(node, path[depth]!, path)
    if (next === undefined) break
    node = next
  }
  if (depth < path.length - 1) {
    // a missing object on the way: undoing deletes the outermost one the set created
    if (value === undefined) return unchanged
    return {
      doc: setAt(doc, path, value),
      inverse: { kind: 'set', path: path.slice(0, depth + 1), value: undefined },
    }
  }
  const last = path[path.length - 1]!
  const old = child(node, last, path)
  if (isJsonEqual(old, value)) return unchanged
  const next = setAt(doc, path, value)
  const parentPath = path.slice(0, -1)
  if (isJsonObject(node) && old !== undefined && value === undefined) {
    // deleting a key that is not the last: only the old parent puts it back in its place
    const keys = Object.keys(node)
    if (keys[keys.length - 1] !== last)
      return { doc: next, inverse: { kind: 'set', path: parentPath, value: node } }
  }
  return { doc: next, inverse: { kind: 'set', path, value: old } }
}
