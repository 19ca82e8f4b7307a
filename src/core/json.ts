// A strict JSON reader for untrusted files: line and column on every error, size and depth
// limits, and no key that could reach an object's prototype. Knows nothing of any format.
// `readJsonFile` is the one way from a file's bytes to JSON; every refusal is worded here.
import type { JsonValue } from './jsonValue.ts'
import { refuse, type Outcome } from './problems.ts'

export const MAX_FILE_BYTES = 5 * 1024 * 1024
export const MAX_DEPTH = 64

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

export { isJsonObject, type JsonValue } from './jsonValue.ts'

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message)
  }
}

/** UTF-8 byte length of a string, without allocating. Pure. */
export function utf8Length(text: string): number {
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) n += 1
    else if (c < 0x800) n += 2
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4
      i++
    } else n += 3
  }
  return n
}

/**
 * Parses untrusted JSON text. Refuses files over 5 MB before reading them, a byte-order mark,
 * nesting deeper than 64, numbers that are not finite, lone surrogates, duplicate keys and the
 * keys `__proto__`, `constructor` and `prototype`. Errors name line and column. Pure.
 */
export function parseJson(text: string): Outcome<JsonValue> {
  if (text.length > MAX_FILE_BYTES || utf8Length(text) > MAX_FILE_BYTES) return fileTooLarge()
  return parseSizedJson(text)
}

// `parseJson` once the size is known to be within the limit: text decoded from at most 5 MB of
// bytes needs no second pass to count its UTF-8 length.
function parseSizedJson(text: string): Outcome<JsonValue> {
  if (text.charCodeAt(0) === 0xfeff) {
    return fail(
      'line 1, column 1: the file starts with a byte-order mark; save it as UTF-8 without BOM',
    )
  }
  // Most files are plain: JSON.parse reads them with a fifth of the memory. What JSON.parse would
  // accept and Practica refuses is ruled out around it: deep nesting by a scan before, duplicate
  // and prototype keys, lone surrogates and non-finite numbers by a walk after. Anything else goes
  // to the careful reader, which says where and why.
  const keys = countKeysInText(text)
  if (keys >= 0) {
    try {
      const value = JSON.parse(text) as JsonValue
      // fewer keys than written: one appeared twice in an object, and JSON.parse kept the last
      if (countPlainKeys(value) === keys) return { ok: true, value }
    } catch {
      // not JSON: the careful reader finds the line and column
    }
  }
  return readJson(text)
}

/**
 * The careful reader alone: what `parseJson` does with every text its faster path declines.
 * For tests that compare the two. Pure.
 */
export function readJson(text: string): Outcome<JsonValue> {
  const reader = new Reader(text)
  try {
    reader.skipSpace()
    const value = reader.value(1)
    reader.skipSpace()
    if (reader.pos < text.length) reader.error('unexpected text after the end of the JSON value')
    return { ok: true, value }
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e
    const { line, column } = lineColumn(text, e.offset)
    return fail(`line ${line}, column ${column}: ${e.message}`)
  }
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13

/**
 * The number of keys of all objects in JSON text, without allocating; -1 if it nests as deep
 * as MAX_DEPTH (the careful reader decides those). Exact only for valid JSON, which is all it is
 * used for: a key is a string followed by ':'.
 */
function countKeysInText(text: string): number {
  let keys = 0
  let depth = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 34) {
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i)
        if (d === 92) i++
        else if (d === 34) break
      }
      let j = i + 1
      while (j < text.length && isSpace(text.charCodeAt(j))) j++
      if (text.charCodeAt(j) === 58) keys++
    } else if (c === 123 || c === 91) {
      if (++depth >= MAX_DEPTH) return -1
    } else if (c === 125 || c === 93) depth--
  }
  return keys
}

/**
 * The number of keys of all objects in a value from JSON.parse, without allocating; -1 if any
 * key, number or string is one the careful reader refuses.
 */
function countPlainKeys(value: JsonValue): number {
  if (typeof value === 'string') return value.isWellFormed() ? 0 : -1
  if (typeof value === 'number') return Number.isFinite(value) ? 0 : -1
  if (value === null || typeof value !== 'object') return 0
  let keys = 0
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const inner = countPlainKeys(value[i]!)
      if (inner < 0) return -1
      keys += inner
    }
    return keys
  }
  for (const key in value) {
    if (FORBIDDEN_KEYS.has(key) || !key.isWellFormed()) return -1
    const inner = countPlainKeys(value[key]!)
    if (inner < 0) return -1
    keys += inner + 1
  }
  return keys
}

/** The refusal of a file over 5 MB, given before reading it. Pure. */
export function fileTooLarge(): Outcome<never> {
  return refuse('file.tooLarge', { megabytes: MAX_FILE_BYTES / 1024 / 1024 })
}

function fail(detail: string): Outcome<never> {
  return refuse('file.notJson', { detail })
}

/** Text from UTF-8 bytes, refusing bytes that are not UTF-8 (a byte-order mark is kept). Pure. */
export function decodeUtf8(bytes: Uint8Array): Outcome<string> {
  try {
    return {
      ok: true,
      value: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes),
    }
  } catch {
    return refuse('file.notUtf8')
  }
}

/**
 * Reads a file (its bytes, or text already decoded) as JSON: refuses one over 5 MB before
 * decoding it, bytes that are not UTF-8, and everything `parseJson` refuses. Pure.
 */
export function readJsonFile(file: Uint8Array | string): Outcome<JsonValue> {
  if (file.length > MAX_FILE_BYTES) return fileTooLarge()
  if (typeof file === 'string') return parseJson(file)
  const text = decodeUtf8(file)
  return text.ok ? parseSizedJson(text.value) : text
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++
      lineStart = i + 1
    }
  }
  return { line, column: offset - lineStart + 1 }
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y

class Reader {
  pos = 0
  constructor(private readonly text: string) {}

  error(message: string, at = this.pos): never {
    throw new JsonSyntaxError(message, at)
  }

  skipSpace(): void {
    const t = this.text
    while (this.pos < t.length) {
      const c = t.charCodeAt(this.pos)
      if (isSpace(c)) this.pos++
      else break
    }
  }

  value(depth: number): JsonValue {
    if (depth > MAX_DEPTH) this.error(`nesting is deeper than ${MAX_DEPTH} levels`)
    const c = this.text[this.pos]
    switch (c) {
      case '{':
        return this.object(depth)
      case '[':
        return this.array(depth)
      case '"':
        return this.string()
      case 't':
        return this.word('true', true)
      case 'f':
        return this.word('false', false)
      case 'n':
        return this.word('null', null)
      case undefined:
        return this.error('the file ends where a value was expected')
      default:
        if (c === '-' || (c >= '0' && c <= '9')) return this.number()
        if (c === 'N' || c === 'I') this.error('NaN and Infinity are not JSON numbers')
        return this.error(`unexpected character ${JSON.stringify(c)} where a value was expected`)
    }
  }

  word<T extends JsonValue>(word: string, value: T): T {
    if (!this.text.startsWith(word, this.pos)) this.error(`unexpected word; expected ${word}`)
    this.pos += word.length
    return value
  }

  number(): number {
    NUMBER.lastIndex = this.pos
    const m = NUMBER.exec(this.text)
    if (m === null) {
      if (this.text.startsWith('-Infinity', this.pos))
        this.error('NaN and Infinity are not JSON numbers')
      return this.error('malformed number')
    }
    const value = Number(m[0])
    if (!Number.isFinite(value)) this.error(`the number ${m[0]} is too large to represent`)
    this.pos += m[0].length
    return value
  }

  string(): string {
    const t = this.text
    const start = this.pos
    this.pos++
    let out = ''
    let chunk = this.pos
    for (;;) {
      if (this.pos >= t.length) this.error('unterminated string', start)
      const c = t.charCodeAt(this.pos)
      if (c === 34) break
      if (c < 0x20) this.error('control character in a string; escape it (e.g. \\n)')
      if (c === 92) {
        out += t.slice(chunk, this.pos)
        out += this.escape()
        chunk = this.pos
        continue
      }
      if (c >= 0xd800 && c <= 0xdfff) {
        const next = t.charCodeAt(this.pos + 1)
        if (c > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff))
          this.error('lone surrogate in a string')
        this.pos += 2
        continue
      }
      this.pos++
    }
    out += t.slice(chunk, this.pos)
    this.pos++
    // a \u escape can still spell half a surrogate pair
    if (!out.isWellFormed()) this.error('lone surrogate in a string', start)
    return out
  }

  escape(): string {
    const t = this.text
    const c = t[this.pos + 1]
    this.pos += 2
    switch (c) {
      case '"':
        return '"'
      case '\\':
        return '\\'
      case '/':
        return '/'
      case 'b':
        return '\b'
      case 'f':
        return '\f'
      case 'n':
        return '\n'
      case 'r':
        return '\r'
      case 't':
        return '\t'
      case 'u': {
        const hex = t.slice(this.pos, this.pos + 4)
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.error('malformed \\u escape')
        this.pos += 4
        return String.fromCharCode(parseInt(hex, 16))
      }
      default:
        return this.error('unknown escape in a string', this.pos - 2)
    }
  }

  array(depth: number): JsonValue[] {
    this.pos++
    const out: JsonValue[] = []
    this.skipSpace()
    if (this.text[this.pos] === ']') {
      this.pos++
      return out
    }
    for (;;) {
      this.skipSpace()
      out.push(this.value(depth + 1))
      this.skipSpace()
      const c = this.text[this.pos]
      this.pos++
      if (c === ']') return out
      if (c !== ',') this.error("expected ',' or ']' in an array", this.pos - 1)
    }
  }

  object(depth: number): { [key: string]: JsonValue } {
    this.pos++
    const out: { [key: string]: JsonValue } = {}
    this.skipSpace()
    if (this.text[this.pos] === '}') {
      this.pos++
      return out
    }
    for (;;) {
      this.skipSpace()
      const keyAt = this.pos
      if (this.text[this.pos] !== '"') this.error('expected a "quoted" key in an object')
      const key = this.string()
      if (FORBIDDEN_KEYS.has(key))
        this.error(`the key "${key}" is not allowed in Practica files`, keyAt)
      if (Object.hasOwn(out, key)) this.error(`the key "${key}" appears twice in one object`, keyAt)
      this.skipSpace()
      if (this.text[this.pos] !== ':') this.error("expected ':' after a key")
      this.pos++
      this.skipSpace()
      out[key] = this.value(depth + 1)
      this.skipSpace()
      const c = this.text[this.pos]
      this.pos++
      if (c === '}') return out
      if (c !== ',') this.error("expected ',' or '}' in an object", this.pos - 1)
    }
  }
}
