// Where a raw scenario document refers to an element by id: action targets, after lists,
// competency refs, set keys and names in expressions. Reads the document only; renameId.ts
// rewrites what this finds.
import { namesIn, parseExpression, type Ast } from '../expr/parse.ts'
import { isJsonObject, type JsonValue } from '../json.ts'
import { KINDS } from '../kinds.ts'
import { getLook } from '../looks.ts'
import type { Collection, JsonObject, JsonPath } from './applyCommand.ts'

/** One place in a document that refers to an element, with a short description for people. */
export interface Reference {
  readonly path: JsonPath
  readonly where: string
}

/** A place that may hold a reference: a plain id, a key of a set map, or an expression. */
export type Slot =
  | {
      readonly type: 'id'
      readonly refers: 'component' | 'step' | 'competency'
      readonly path: JsonPath
      readonly value: string
      readonly where: string
    }
  | {
      readonly type: 'setKey'
      readonly path: JsonPath
      readonly key: string
      readonly where: string
    }
  | {
      readonly type: 'expression'
      readonly path: JsonPath
      readonly src: string
      readonly where: string
    }

/** A span of an expression's text that names the element: [start, end) offsets. */
export interface Span {
  readonly start: number
  readonly end: number
}

type Obj = { readonly [key: string]: JsonValue }

function field(o: Obj, key: string): JsonValue | undefined {
  return Object.hasOwn(o, key) ? o[key] : undefined
}

function list(doc: Obj, key: string): readonly JsonValue[] {
  const v = field(doc, key)
  return Array.isArray(v) ? v : []
}

function owner(noun: string, el: Obj, i: number): string {
  const id = field(el, 'id')
  return typeof id === 'string' ? `${noun} "${id}"` : `${noun} ${i + 1}`
}

/** Adds the slots of one kind of field to a list; shared by every collection's reader. */
interface SlotWriter {
  expr(o: Obj, key: string, path: JsonPath, where: string): void
  setMap(o: Obj, path: JsonPath, who: string, verb: string, reads: string): void
  target(o: Obj, path: JsonPath, where: string): void
  competencies(o: Obj, path: JsonPath, where: string): void
  id(
    refers: 'component' | 'step' | 'competency',
    path: JsonPath,
    value: string,
    where: string,
  ): void
}

function createSlotWriter(out: Slot[]): SlotWriter {
  const w: SlotWriter = {
    expr(o, key, path, where) {
      const src = field(o, key)
      if (typeof src === 'string')
        out.push({ type: 'expression', path: [...path, key], src, where })
    },
    setMap(o, path, who, verb, reads) {
      const set = field(o, 'set')
      if (!isJsonObject(set)) return
      for (const key of Object.keys(set)) {
        const at = [...path, 'set', key]
        out.push({ type: 'setKey', path: at, key, where: `${who} sets it${verb}` })
        const src = set[key]
        if (typeof src === 'string')
          out.push({ type: 'expression', path: at, src, where: `${reads} for "${key}"` })
      }
    },
    target(o, path, where) {
      const action = field(o, 'action')
      const t = isJsonObject(action) ? field(action, 'target') : undefined
      if (typeof t === 'string') w.id('component', [...path, 'action', 'target'], t, where)
    },
    competencies(o, path, where) {
      list(o, 'competencies').forEach((ref, k) => {
        const at = [...path, 'competencies', k]
        if (typeof ref === 'string') w.id('competency', at, ref, where)
        else if (isJsonObject(ref) && typeof field(ref, 'id') === 'string')
          w.id('competency', [...at, 'id'], ref['id'] as string, where)
      })
    },
    id(refers, path, value, where) {
      out.push({ type: 'id', refers, path, value, where })
    },
  }
  return w
}

/** Every slot of a document that may refer to an element, in the order of the spec. Pure. */
export function getSlots(doc: JsonObject): Slot[] {
  const out: Slot[] = []
  const w = createSlotWriter(out)
  list(doc, 'components').forEach((c, i) => isJsonObject(c) && componentSlots(w, c, i))
  list(doc, 'variables').forEach((v, i) => {
    if (isJsonObject(v))
      w.expr(v, 'rate', ['variables', i], `${owner('variable', v, i)} reads it in its rate`)
  })
  list(doc, 'rules').forEach((r, i) => {
    if (!isJsonObject(r)) return
    const who = `rule ${i + 1}`
    w.expr(r, 'when', ['rules', i], `${who} reads it in its condition`)
    w.setMap(r, ['rules', i], who, '', `${who} reads it in what it sets`)
  })
  list(doc, 'steps').forEach((s, i) => isJsonObject(s) && stepSlots(w, s, i))
  list(doc, 'hazards').forEach((h, i) => {
    if (!isJsonObject(h)) return
    const path = ['hazards', i]
    const who = owner('hazard', h, i)
    w.expr(h, 'when', path, `${who} reads it in its condition`)
    w.target(h, path, `${who} is triggered by acting on it`)
    w.competencies(h, path, `${who} counts against it`)
  })
  list(doc, 'judgements').forEach((j, i) => {
    if (isJsonObject(j))
      w.competencies(j, ['judgements', i], `${owner('judgement', j, i)} gives evidence for it`)
  })
  list(doc, 'faults').forEach((f, i) => {
    if (!isJsonObject(f)) return
    const who = owner('fault', f, i)
    w.setMap(f, ['faults', i], who, '', `${who} reads it in what it sets`)
  })
  return out
}

// the keys of derived kinds' expressions, read whatever the kind: a document being edited may
// hold one under a kind that has none, and the name in it still refers to the element
const EXPRESSION_KEYS = [...new Set(Object.values(KINDS).flatMap((k) => k.expression ?? []))]

function componentSlots(w: SlotWriter, c: Obj, i: number): void {
  const path = ['components', i]
  const kind = field(c, 'kind')
  const who = typeof kind === 'string' ? owner(kind, c, i) : owner('component', c, i)
  for (const key of EXPRESSION_KEYS) w.expr(c, key, path, `${who} reads it in "${key}"`)
  const parent = field(c, 'parent')
  if (typeof parent === 'string')
    w.id('component', [...path, 'parent'], parent, `${who} is mounted on it`)
  // a look's parameters that name a component (an illuminated button's lamp)
  const look = field(c, 'look')
  const params = field(c, 'params')
  const info = typeof look === 'string' ? getLook(look) : undefined
  if (info !== undefined && isJsonObject(params)) {
    for (const [key, spec] of Object.entries(info.params)) {
      const value = field(params, key)
      if (spec.type === 'component' && typeof value === 'string')
        w.id('component', [...path, 'params', key], value, `${who} shows it as its "${key}"`)
    }
  }
  const on = field(c, 'on')
  if (!isJsonObject(on)) return
  for (const action of Object.keys(on)) {
    const effects = on[action]
    if (!Array.isArray(effects)) continue
    effects.forEach((e, k) => {
      if (!isJsonObject(e)) return
      const at = [...path, 'on', action, k]
      w.expr(e, 'if', at, `${who} reads it in the condition of its ${action} effect`)
      w.setMap(e, at, who, ` on ${action}`, `${who} reads it in what its ${action} effect sets`)
    })
  }
}

function stepSlots(w: SlotWriter, s: Obj, i: number): void {
  const path = ['steps', i]
  const who = owner('step', s, i)
  w.competencies(s, path, `${who} gives evidence for it`)
  list(s, 'after').forEach((a, k) => {
    if (typeof a === 'string') w.id('step', [...path, 'after', k], a, `${who} comes after it`)
  })
  w.target(s, path, `${who} acts on it`)
  w.expr(s, 'state', path, `${who} reads it in its state`)
}

/**
 * The spans of an expression's text that name the element, found from the parser's AST columns;
 * none when the expression does not parse. Pure.
 */
export function getNameSpans(src: string, collection: Collection, id: string): Span[] {
  if (collection !== 'components' && collection !== 'variables' && collection !== 'faults')
    return []
  const parsed = parseExpression(src)
  if (!parsed.ok) return []
  const spans: Span[] = []
  for (const node of namesIn(parsed.ast)) {
    const span = nameSpan(src, node, collection, id)
    if (span !== undefined) spans.push(span)
  }
  return spans
}

function nameSpan(src: string, node: Ast, collection: Collection, id: string): Span | undefined {
  if (node.type !== 'name') return undefined
  const start = node.col - 1
  if (collection === 'faults') {
    if (node.name !== 'fault' || node.member !== id) return undefined
    // the member's column is not kept: it follows the name, a '.' and optional white space
    let i = start + node.name.length
    while (/\s/.test(src[i] ?? '') || src[i] === '.') i++
    return src.startsWith(id, i) ? { start: i, end: i + id.length } : undefined
  }
  if (node.name !== id || (node.name === 'fault' && node.member !== undefined)) return undefined
  return { start, end: start + id.length }
}

function refersTo(slot: Slot, collection: Collection, id: string): boolean {
  switch (slot.type) {
    case 'id':
      return (
        slot.value === id &&
        ((slot.refers === 'component' && collection === 'components') ||
          (slot.refers === 'step' && collection === 'steps') ||
          (slot.refers === 'competency' && collection === 'competencies'))
      )
    case 'setKey':
      return slot.key === id && (collection === 'components' || collection === 'variables')
    case 'expression':
      return getNameSpans(slot.src, collection, id).length > 0
  }
}

/** The slots of a document that refer to the element `id` of a collection. Pure. */
export function getReferringSlots(doc: JsonObject, collection: Collection, id: string): Slot[] {
  return getSlots(doc).filter((slot) => refersTo(slot, collection, id))
}

/**
 * Every place that refers to an element by id (action targets, after lists, competency refs, a
 * component's parent and its look's component params,
 * set keys, expression names incl. fault.<id> and <id>.locked/.tagged) as JSON paths with a short
 * description, e.g. { path: ['steps', 4, 'action', 'target'], where: 'step "isolate" acts on it' };
 * expressions that do not parse are not searched. Pure.
 */
export function findReferences(doc: JsonObject, collection: Collection, id: string): Reference[] {
  return getReferringSlots(doc, collection, id).map(({ path, where }) => ({ path, where }))
}
