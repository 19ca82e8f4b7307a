// The one way from a file's bytes to a Practica file: readJsonFile (size, UTF-8, JSON), then
// detectFormat, then the loaders, each refusal with one code and one wording.
import { describe, expect, it } from 'vitest'
import {
  detectFormat,
  loadAttempt,
  loadScenario,
  readJsonFile,
  type Outcome,
} from '../../src/core/index.ts'
import { readText } from '../helpers.ts'

const MB5 = 5 * 1024 * 1024
const refusal = (o: Outcome<unknown>) =>
  o.ok ? undefined : o.problems.map((p) => ({ path: p.path, code: p.code, message: p.message }))

describe('detectFormat', () => {
  it.each([
    ['practica.scenario/1', 'scenario'],
    ['practica.attempt/1', 'attempt'],
    ['practica.result/1', 'result'],
    // another version is still that family, so its schema can name the versions supported
    ['practica.attempt/2', 'attempt'],
    ['practica.attempts/1', 'unknown'],
    ['practica.scenario', 'unknown'],
    ['/', 'unknown'],
    ['', 'unknown'],
  ])('reads the format %j as %s', (format, expected) => {
    expect(detectFormat({ format })).toBe(expected)
  })

  it('says unknown for JSON that is not an object with a format string', () => {
    expect(detectFormat(['practica.scenario/1'])).toBe('unknown')
    expect(detectFormat({ format: 1 })).toBe('unknown')
    expect(detectFormat({})).toBe('unknown')
    expect(detectFormat(null)).toBe('unknown')
  })
})

describe('readJsonFile', () => {
  it('refuses a file over 5 MB by its size before decoding it', () => {
    const bytes = new Uint8Array(MB5 + 1).fill(0xff)
    expect(refusal(readJsonFile(bytes))).toEqual([
      {
        path: [],
        code: 'file.tooLarge',
        message: 'the file is larger than 5 MB; Practica files are far smaller, so this is not one',
      },
    ])
  })

  it('reads a file of exactly 5 MB', () => {
    const text = `"${'a'.repeat(MB5 - 2)}"`
    expect(readJsonFile(new TextEncoder().encode(text)).ok).toBe(true)
  })

  it('refuses bytes that are not UTF-8, then JSON that is not valid, each with its code', () => {
    expect(refusal(readJsonFile(new Uint8Array([0x22, 0xc3, 0x22])))?.[0]?.code).toBe(
      'file.notUtf8',
    )
    expect(refusal(readJsonFile(new TextEncoder().encode('\ufeff{}')))).toEqual([
      {
        path: [],
        code: 'file.notJson',
        message:
          'not valid JSON: line 1, column 1: the file starts with a byte-order mark; save it as UTF-8 without BOM',
      },
    ])
  })

  it('gives the same value for the bytes and for the text', () => {
    const text = readText('tests/golden/spec-worked-example/attempt.json')
    expect(readJsonFile(new TextEncoder().encode(text))).toEqual(readJsonFile(text))
  })
})

describe('the loaders refuse a file of another format by its format', () => {
  it('loadAttempt refuses a scenario file and a result file', () => {
    for (const file of ['scenario.json', 'expected.json']) {
      const text = readText(`tests/golden/spec-worked-example/${file}`)
      expect(refusal(loadAttempt(text))).toEqual([
        {
          path: ['format'],
          code: 'shape.format',
          message: 'format must be "practica.attempt/1" (the only version this Practica supports)',
        },
      ])
    }
  })

  it('loadScenario refuses an attempt file', () => {
    const text = readText('tests/golden/spec-worked-example/attempt.json')
    expect(refusal(loadScenario(text))?.map((p) => [p.path, p.code])).toEqual([
      [['format'], 'shape.format'],
    ])
  })
})
