import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { loadScenario, loadAttempt, parseJson } from '../../src/core/index.ts'
import { readJson } from '../../src/core/json.ts'
import { lines, readText } from '../helpers.ts'

function error(text: string): string {
  const parsed = parseJson(text)
  expect(parsed.ok).toBe(false)
  return parsed.ok ? '' : lines(parsed.problems).join('\n')
}

describe('untrusted JSON', () => {
  it('parses ordinary JSON like JSON.parse', () => {
    const text = readText('scenarios/conveyor-loto.json')
    const parsed = parseJson(text)
    expect(parsed.ok && parsed.value).toEqual(JSON.parse(text))
  })

  it('gives line and column of a syntax error', () => {
    expect(error('{\n  "a": 1,\n  "b": tru\n}')).toBe(
      '(file): not valid JSON: line 3, column 8: unexpected word; expected true',
    )
    expect(error('{"a": 1,}')).toBe(
      '(file): not valid JSON: line 1, column 9: expected a "quoted" key in an object',
    )
  })

  it('refuses files over 5 MB before parsing them', () => {
    const big = '[' + '0,'.repeat(2_700_000) + '0]'
    expect(error(big)).toBe(
      '(file): the file is larger than 5 MB; Practica files are far smaller, so this is not one',
    )
  })

  it('refuses nesting deeper than 64 levels', () => {
    expect(parseJson('['.repeat(64) + ']'.repeat(64)).ok).toBe(true)
    expect(error('['.repeat(65) + ']'.repeat(65))).toMatch(/nesting is deeper than 64 levels/)
    expect(error('['.repeat(100_000))).toMatch(/nesting is deeper than 64 levels/)
  })

  it('refuses numbers that are not finite, and NaN and Infinity', () => {
    expect(error('{"x": 1e309}')).toMatch(/the number 1e309 is too large/)
    expect(error('{"x": NaN}')).toMatch(/NaN and Infinity are not JSON numbers/)
    expect(error('[-Infinity]')).toMatch(/NaN and Infinity are not JSON numbers/)
  })

  it('refuses prototype keys at any depth without polluting any prototype', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      expect(error(`{"a": [{"b": {"${key}": {"polluted": true}}}]}`)).toMatch(
        new RegExp(`the key "${key}" is not allowed`),
      )
    }
    const hostile = readText('scenarios/conveyor-loto.json').replace(
      '"format"',
      '"__proto__": {"polluted": 1}, "format"',
    )
    expect(loadScenario(hostile).ok).toBe(false)
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined()
    expect(loadAttempt('{"constructor": {"prototype": {"polluted": 1}}}').ok).toBe(false)
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined()
  })

  it('refuses a byte-order mark and lone surrogates', () => {
    expect(error('\ufeff{}')).toMatch(/byte-order mark/)
    expect(error('["\\ud800"]')).toMatch(/lone surrogate/)
    expect(error('["a\ud800b"]')).toMatch(/lone surrogate/)
    expect(parseJson('["\\ud83d\\ude00 😀"]').ok).toBe(true)
  })

  it('refuses duplicate keys', () => {
    expect(error('{"id": "a", "id": "b"}')).toMatch(/the key "id" appears twice/)
  })

  it('refuses bytes that are not UTF-8', () => {
    const loaded = loadScenario(new Uint8Array([0x7b, 0xff, 0x7d]))
    expect(!loaded.ok && lines(loaded.problems)).toEqual([
      '(file): the file is not UTF-8 text; save it as UTF-8',
    ])
  })

  // parseJson reads plain files with JSON.parse and gives the rest to the careful reader
  it('says exactly what the careful reader says, on any text', () => {
    // pieces that JSON.parse accepts and Practica refuses, or that are not JSON at all
    const piece = fc.constantFrom(
      '{"a": 1, "a": 2}',
      '{"b": {"c": [1, {"c": 0, "d": 1, "c": 2}]}}',
      '{"__proto__": {}}',
      '{"\\u005f_proto__": 1}',
      '{"constructor": 1}',
      '["\\ud800"]',
      '{"\\udc00": 1}',
      '1e400',
      '-1e999',
      '123456789012345678901234567890',
      '"\\u00e9 \\"quoted\\" \\\\"',
      '{"k" : "v" , "l":[ ] }',
      '['.repeat(63) + ']'.repeat(63),
      '['.repeat(64) + ']'.repeat(64),
      '{"a":'.repeat(70) + '0' + '}'.repeat(70),
      '{"a": 1,}',
      '{"a" 1}',
      "{'a': 1}",
      '[1 2]',
      'NaN',
    )
    const text = fc.oneof(
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.jsonValue().map((v) => JSON.stringify(v, null, 2)),
      fc.tuple(fc.jsonValue(), piece).map(([v, p]) => `{"x": ${JSON.stringify(v)}, "y": ${p}}`),
      fc.tuple(piece, piece).map(([a, b]) => `[${a}, ${b}]`),
      piece,
      fc.string(),
    )
    fc.assert(
      fc.property(text, (t) => {
        expect(parseJson(t)).toEqual(readJson(t))
      }),
      { numRuns: 3000 },
    )
  })
})
