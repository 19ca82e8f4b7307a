// Hostile files through the three ways in: a scenario (loadScenario), an attempt (loadAttempt,
// then scoreAttempt) and a result (readJsonFile, then the result schema). Each is refused with a
// plain message, or read as inert text, and leaves every prototype and global as it was.
import { describe, expect, it } from 'vitest'
import {
  checkShape,
  loadScenario,
  MAX_FILE_BYTES,
  loadAttempt,
  PROBLEM_TEXTS,
  readJsonFile,
  ResultSchema,
  scoreAttempt,
  type Outcome,
} from '../../src/core/index.ts'
import { lines, loadScenarioFile, readText } from '../helpers.ts'

const conveyor = loadScenarioFile('scenarios/conveyor-loto.json')
const SCENARIO = readText('scenarios/conveyor-loto.json')

type Kind = 'scenario' | 'attempt' | 'result'

const LOADERS: Record<Kind, (file: string | Uint8Array) => Outcome<unknown>> = {
  scenario: (file) => loadScenario(file),
  attempt: (file) => {
    const parsed = loadAttempt(file)
    return parsed.ok ? scoreAttempt(conveyor, parsed.value) : parsed
  },
  result: (file) => {
    const json = readJsonFile(file)
    return json.ok ? checkShape(ResultSchema, json.value) : json
  },
}

/** A valid file of each kind: the conveyor, the spec's worked attempt on it, and its result. */
const VALID: Record<Kind, string> = {
  scenario: SCENARIO,
  attempt: readText('tests/golden/spec-worked-example/attempt.json'),
  result: readText('tests/golden/spec-worked-example/expected.json'),
}

const KINDS = Object.keys(LOADERS) as Kind[]

const PROTOTYPES = [
  Object.prototype,
  Array.prototype,
  Function.prototype,
  String.prototype,
  Number.prototype,
  Boolean.prototype,
]

/** Every own property of the built-in prototypes and of globalThis, with its value. */
function snapshotGlobals(): unknown[] {
  return [...PROTOTYPES, globalThis].map((o) =>
    Object.getOwnPropertyNames(o).map((key) => {
      const d = Object.getOwnPropertyDescriptor(o, key)!
      return [key, d.value, d.get, d.set]
    }),
  )
}

function expectNothingPolluted(): void {
  expect(({} as { polluted?: unknown }).polluted).toBeUndefined()
  expect(Object.prototype).toEqual({})
}

/** Loads `file` as `kind`; expects it refused, with well-formed problems and nothing changed. */
function refused(kind: Kind, file: string | Uint8Array): string[] {
  const before = snapshotGlobals()
  const bytes = typeof file === 'string' ? undefined : file.slice()
  const outcome = LOADERS[kind](file)
  expect(snapshotGlobals()).toEqual(before)
  expectNothingPolluted()
  // the caller's bytes are left as they were (compared natively: toEqual is slow on 5 MB)
  if (bytes !== undefined) expect(Buffer.compare(file as Uint8Array, bytes)).toBe(0)
  expect(outcome.ok).toBe(false)
  if (outcome.ok) return []
  expect(outcome.problems.length).toBeGreaterThan(0)
  for (const p of outcome.problems) {
    expect(Array.isArray(p.path)).toBe(true)
    expect(Object.keys(PROBLEM_TEXTS)).toContain(p.code)
    expect(p.message).toMatch(/\S/)
    expect(p.message).not.toContain('{{')
  }
  return lines(outcome.problems)
}

function accepted<T>(kind: Kind, file: string | Uint8Array): T {
  const outcome = LOADERS[kind](file)
  expectNothingPolluted()
  if (!outcome.ok) throw new Error(lines(outcome.problems).join('\n'))
  return outcome.value as T
}

/** `line L, column C` of an offset in a text, as the JSON reader counts them. */
function at(text: string, offset: number): string {
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`
}

/** The text with `insert` put in right after the n-th `{` (0 = the root object). */
function afterBrace(text: string, n: number, insert: string): { text: string; offset: number } {
  let offset = -1
  for (let i = 0; i <= n; i++) offset = text.indexOf('{', offset + 1)
  expect(offset).toBeGreaterThanOrEqual(0)
  return { text: text.slice(0, offset + 1) + insert + text.slice(offset + 1), offset: offset + 1 }
}

const TOO_LARGE =
  '(file): the file is larger than 5 MB; Practica files are far smaller, so this is not one'

describe.each(KINDS)('a hostile %s file', (kind) => {
  const valid = VALID[kind]

  it('is read when valid (the cases below break only what they name)', () => {
    accepted(kind, valid)
  })

  it('is refused over 5 MB, before it is parsed, and read at exactly 5 MB', () => {
    const padding = MAX_FILE_BYTES - new TextEncoder().encode(valid).length
    expect(refused(kind, valid + ' '.repeat(padding + 1))).toEqual([TOO_LARGE])
    accepted(kind, valid + ' '.repeat(padding))
    // 1.8 million characters, 5.4 MB in UTF-8
    expect(refused(kind, `["${'汉'.repeat(1_800_000)}"]`)).toEqual([TOO_LARGE])
    expect(refused(kind, new Uint8Array(MAX_FILE_BYTES + 1).fill(0x20))).toEqual([TOO_LARGE])
  })

  it('is refused when it is not JSON, with the line and column', () => {
    const quoted = valid.replace(/"(practica\.\w+\/1)"/, "'$1'")
    expect(refused(kind, quoted)).toEqual([
      `(file): not valid JSON: ${at(quoted, quoted.indexOf("'"))}: unexpected character "'" where a value was expected`,
    ])
    const comma = valid.replace(/\s*}\s*$/, ',\n}\n')
    expect(refused(kind, comma)).toEqual([
      `(file): not valid JSON: ${at(comma, comma.lastIndexOf('}'))}: expected a "quoted" key in an object`,
    ])
    const cut = valid.slice(0, valid.lastIndexOf('}'))
    expect(refused(kind, cut)).toEqual([
      `(file): not valid JSON: ${at(cut, cut.length)}: expected ',' or '}' in an object`,
    ])
    expect(refused(kind, '')).toEqual([
      '(file): not valid JSON: line 1, column 1: the file ends where a value was expected',
    ])
    expect(refused(kind, '{"format": NaN}')).toEqual([
      '(file): not valid JSON: line 1, column 12: NaN and Infinity are not JSON numbers',
    ])
  })

  it('is refused when nested deeper than 64 levels, and read at 64', () => {
    // the root object is level 1; x- fields are set aside, so only the depth can refuse these
    const nest = (n: number) => afterBrace(valid, 0, `"x-deep": ${'['.repeat(n)}${']'.repeat(n)},`)
    accepted(kind, nest(63).text)
    const deep = nest(64)
    expect(refused(kind, deep.text)).toEqual([
      `(file): not valid JSON: ${at(deep.text, deep.offset + 10 + 63)}: nesting is deeper than 64 levels`,
    ])
    expect(refused(kind, '['.repeat(65) + ']'.repeat(65))).toEqual([
      '(file): not valid JSON: line 1, column 65: nesting is deeper than 64 levels',
    ])
    // a million levels is refused at the 65th, without exhausting the stack
    expect(refused(kind, '{"a":'.repeat(1_000_000))).toEqual([
      '(file): not valid JSON: line 1, column 321: nesting is deeper than 64 levels',
    ])
  })

  it.each(['__proto__', 'constructor', 'prototype'])(
    'is refused with the key %s at any depth, and no prototype changes',
    (key) => {
      const payload = `"${key}": {"polluted": true, "prototype": {"polluted": true}},`
      for (const n of [0, 1, 3]) {
        const { text, offset } = afterBrace(valid, n, payload)
        expect(refused(kind, text)).toEqual([
          `(file): not valid JSON: ${at(text, offset)}: the key "${key}" is not allowed in Practica files`,
        ])
      }
      // deep inside an extension field, where nothing else would look
      const deep = afterBrace(valid, 0, `"x-a": [{"b": [[{"${key}": {"polluted": 1}}]]}],`)
      expect(refused(kind, deep.text)).toEqual([
        `(file): not valid JSON: ${at(deep.text, deep.offset + 17)}: the key "${key}" is not allowed in Practica files`,
      ])
      // spelled with an escape
      const escaped = `{"${key.replace('_', '\\u005f').replace('o', '\\u006f')}": {"polluted": true}}`
      expect(refused(kind, escaped)).toEqual([
        `(file): not valid JSON: line 1, column 2: the key "${key}" is not allowed in Practica files`,
      ])
      expect(Object.getPrototypeOf({})).toBe(Object.prototype)
      expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted')
    },
  )

  it('is refused with a number too large for a double', () => {
    for (const big of ['1e309', '-1e309', '1' + '0'.repeat(400)]) {
      const text = valid.replace(/(?<=": )\d+/, big)
      const offset = text.indexOf(big)
      expect(refused(kind, text)).toEqual([
        `(file): not valid JSON: ${at(text, offset)}: the number ${big} is too large to represent`,
      ])
    }
  })

  it('is refused with a lone surrogate, raw or escaped', () => {
    const into = (s: string) => valid.replace(/(?<="id": ")/, s)
    const raw = into('\ud800')
    expect(refused(kind, raw)).toEqual([
      `(file): not valid JSON: ${at(raw, raw.indexOf('\ud800'))}: lone surrogate in a string`,
    ])
    const rawLow = into('a\udc00')
    expect(refused(kind, rawLow)).toEqual([
      `(file): not valid JSON: ${at(rawLow, rawLow.indexOf('\udc00'))}: lone surrogate in a string`,
    ])
    for (const escape of ['\\ud800', '\\udc00', '\\ude00\\ud83d', 'x\\ud83dy']) {
      const text = into(escape)
      // the error is given at the string that holds the escape
      expect(refused(kind, text)).toEqual([
        `(file): not valid JSON: ${at(text, text.lastIndexOf('"', text.indexOf(escape)))}: lone surrogate in a string`,
      ])
    }
  })

  it('is refused with a byte-order mark, as text or as bytes', () => {
    const message =
      '(file): not valid JSON: line 1, column 1: the file starts with a byte-order mark; save it as UTF-8 without BOM'
    expect(refused(kind, '\ufeff' + valid)).toEqual([message])
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(valid)])
    expect(refused(kind, bytes)).toEqual([message])
  })
})

describe('a hostile scenario file', () => {
  function scenarioWith(change: (s: any) => void): string {
    const s = JSON.parse(SCENARIO)
    change(s)
    return JSON.stringify(s, null, 2)
  }
  const lampIndex = (JSON.parse(SCENARIO).components as { id: string }[]).findIndex(
    (c) => c.id === 'run_lamp',
  )

  it('is refused when it is not UTF-8', () => {
    // a surrogate encoded as if it were a character (CESU-8), and a stray continuation byte
    for (const bad of [[0xed, 0xa0, 0x80], [0x80]]) {
      const bytes = new TextEncoder().encode(SCENARIO.replace('"conveyor-loto"', '"conveyor-@"'))
      const i = bytes.indexOf(0x40)
      const file = new Uint8Array([...bytes.slice(0, i), ...bad, ...bytes.slice(i + 1)])
      expect(refused('scenario', file)).toEqual([
        '(file): the file is not UTF-8 text; save it as UTF-8',
      ])
    }
  })

  it.each([
    ["constructor.constructor('x')()", 'column 24: unexpected "("; is an operator missing?'],
    ["constructor.constructor('x')", 'column 24: unexpected "("; is an operator missing?'],
    ['constructor.constructor', 'column 1: unknown name "constructor"'],
    ['__proto__.x', 'column 1: unknown name "__proto__"'],
    ['__proto__', 'column 1: unknown name "__proto__"'],
    ['prototype', 'column 1: unknown name "prototype"'],
    ['this', 'column 1: unknown name "this"'],
    ['this.constructor', 'column 1: unknown name "this"'],
    ['globalThis', 'column 1: unknown name "globalThis"'],
    ['globalThis.process', 'column 1: unknown name "globalThis"'],
    ['window', 'column 1: unknown name "window"'],
    ['process', 'column 1: unknown name "process"'],
    ['process.exit()', 'column 13: unexpected "("; is an operator missing?'],
    ['toString', 'column 1: unknown name "toString"'],
    [
      'toString()',
      'column 1: unknown function "toString"; the functions are min, max, abs, clamp, if',
    ],
    [
      'valueOf()',
      'column 1: unknown function "valueOf"; the functions are min, max, abs, clamp, if',
    ],
    [
      "Function('x')",
      'column 1: unknown function "Function"; the functions are min, max, abs, clamp, if',
    ],
    ["eval('1')", 'column 1: unknown function "eval"; the functions are min, max, abs, clamp, if'],
    [
      "require('fs')",
      'column 1: unknown function "require"; the functions are min, max, abs, clamp, if',
    ],
    ['alert(1)', 'column 1: unknown function "alert"; the functions are min, max, abs, clamp, if'],
    [
      "__defineGetter__('a')",
      'column 1: unknown function "__defineGetter__"; the functions are min, max, abs, clamp, if',
    ],
    ["new Function('x')", 'column 5: unexpected name "Function"; is an operator missing?'],
    ['run.constructor', 'column 1: the variable "run" has no field "constructor"'],
    [
      'isolator.constructor',
      'column 1: "isolator.constructor" is not a name; a component has only .locked and .tagged',
    ],
    [
      'isolator.__proto__',
      'column 1: "isolator.__proto__" is not a name; a component has only .locked and .tagged',
    ],
    ["isolator['constructor']", 'column 9: unexpected character "["'],
    ['`${process}`', 'column 1: unexpected character "`"'],
    ['run > 0; process.exit()', 'column 8: unexpected character ";"'],
    ['(() => 1)()', 'column 5: use == to compare two values'],
  ])('refuses the expression %s as a validation problem, never running it', (expr, message) => {
    const text = scenarioWith((s) => {
      s.components[lampIndex].lit = expr
    })
    expect(refused('scenario', text)).toEqual([`components[${lampIndex}].lit: ${message}`])
  })

  it('refuses code in every place an expression is written, and runs none of it', () => {
    const marker = '__practicaHostileRan'
    const code = `constructor.constructor('globalThis.${marker} = 1')()`
    const text = scenarioWith((s) => {
      s.rules[0].when = code
      s.components.find((c: any) => c.id === 'stop_btn').on.press[0].set.run = code
      s.steps.find((st: any) => st.state !== undefined).state = `__proto__.polluted`
      s.hazards[0].when = 'globalThis'
    })
    const problems = refused('scenario', text)
    expect(problems).toHaveLength(4)
    expect(problems.join('\n')).toMatch(/unknown name "__proto__"/)
    expect(problems.join('\n')).toMatch(/unknown name "globalThis"/)
    expect(marker in globalThis).toBe(false)
  })

  it('keeps labels holding markup, javascript: URLs and SVG as the plain text they are', () => {
    const IMG = '<img src=x onerror=alert(1)>'
    const JS_URL = 'javascript:alert(document.cookie)'
    const SVG =
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'
    const text = scenarioWith((s) => {
      s.title.en = IMG
      s.description = JS_URL
      s.components[0].label = { en: SVG, 'zh-CN': IMG }
      s.steps[0].title.en = JS_URL
      s.steps[0].hint = { en: IMG }
      s.hazards[0].title.en = SVG
    })
    const model = accepted<typeof conveyor>('scenario', text)
    expect(model.scenario.title).toEqual({ en: IMG, 'zh-CN': '带式输送机驱动的上锁挂牌' })
    expect(model.scenario.description).toBe(JS_URL)
    expect(model.components[0]!.source.label).toEqual({ en: SVG, 'zh-CN': IMG })
    expect(model.scenario.steps[0]!.title).toEqual({ en: JS_URL, 'zh-CN': '戴上护目镜' })
    expect(model.scenario.steps[0]!.hint).toEqual({ en: IMG })
    expect(model.scenario.hazards?.[0]?.title).toMatchObject({ en: SVG })
  })

  it.each([
    ['https://example.com/x.glb', 'must be a path relative to the scenario file, not a URL'],
    ['http://127.0.0.1/x.glb', 'must be a path relative to the scenario file, not a URL'],
    ['HTTPS://EXAMPLE.COM/X.GLB', 'must be a path relative to the scenario file, not a URL'],
    [
      'data:model/gltf-binary;base64,Z2xURg==',
      'must be a path relative to the scenario file, not a URL',
    ],
    ['file:///etc/passwd.glb', 'must be a path relative to the scenario file, not a URL'],
    ['blob:https://example.com/x.glb', 'must be a path relative to the scenario file, not a URL'],
    ['javascript:alert(1)//.glb', 'must be a path relative to the scenario file, not a URL'],
    ['//example.com/x.glb', 'must be a path relative to the scenario file, not a URL'],
    ['C:\\models\\x.glb', 'must be a path relative to the scenario file, not a URL'],
    ['/etc/x.glb', 'must be a relative path with / between folders (no leading /, no \\)'],
    ['..\\..\\x.glb', 'must be a relative path with / between folders (no leading /, no \\)'],
    ['models\\x.glb', 'must be a relative path with / between folders (no leading /, no \\)'],
    ['../../x.glb', 'leaves the allowed folders'],
    ['../assets/../../x.glb', 'leaves the allowed folders'],
    [
      '../x.glb',
      "must stay inside the scenario's folder or the project's assets/ folder (../assets/…)",
    ],
    [
      'models/../../x.glb',
      "must stay inside the scenario's folder or the project's assets/ folder (../assets/…)",
    ],
    ['..%2f..%2fx.glb', 'may use only letters, digits, spaces, ".", "_", "-" and "/"'],
    ['%2e%2e/x.glb', 'may use only letters, digits, spaces, ".", "_", "-" and "/"'],
    ['x.glb?v=1#.glb', 'may use only letters, digits, spaces, ".", "_", "-" and "/"'],
    ['x.glb\u0000.glb', 'may use only letters, digits, spaces, ".", "_", "-" and "/"'],
    ['x.js', 'must name a .glb or .gltf file'],
  ])('refuses the model path %s', (path, message) => {
    const text = scenarioWith((s) => {
      s.components[0].model = path
    })
    expect(refused('scenario', text)).toEqual([`components[0].model: "${path}" ${message}`])
  })

  it.each(['pump.glb', 'models/pump.gltf', './pump.glb', '../assets/pump.glb', 'a/../b.glb'])(
    'accepts the model path %s, inside the allowed folders',
    (path) => {
      const model = accepted<typeof conveyor>(
        'scenario',
        scenarioWith((s) => {
          s.components[0].model = path
        }),
      )
      expect(model.components[0]!.source.model).toBe(path)
    },
  )

  it('treats ids that name members of Object.prototype as plain ids', () => {
    // the id only, not a look's name that holds the word ("switch.rotary-isolator")
    const text = SCENARIO.replace(/(?<![\w-])isolator(?![\w-])/g, 'constructor')
      .replaceAll('"housekeeping"', '"toString"')
      .replaceAll('"notify"', '"valueOf"')
      .replaceAll('"SAFE.PPE"', '"hasOwnProperty"')
    const model = accepted<typeof conveyor>('scenario', text)
    const attempt = loadAttempt(
      VALID.attempt.replaceAll('isolator', 'constructor').replace('"housekeeping"', '"toString"'),
    )
    expect(attempt.ok).toBe(true)
    const scored = attempt.ok ? scoreAttempt(model, attempt.value) : attempt
    const original = LOADERS.attempt(VALID.attempt)
    expect(scored.ok && scored.value.score).toEqual(original.ok && (original.value as any).score)
    // a component's fields stay locked and tagged, whatever the component is called
    const field = text.replace('"lit": "run > 0"', '"lit": "constructor.constructor"')
    expect(refused('scenario', field)).toEqual([
      `components[${lampIndex}].lit: column 1: "constructor.constructor" is not a name; a component has only .locked and .tagged`,
    ])
  })
})

describe('a hostile attempt file', () => {
  function attemptWith(change: (a: any) => void): string {
    const a = JSON.parse(VALID.attempt)
    change(a)
    return JSON.stringify(a, null, 2)
  }

  it('keeps a learner name holding markup as plain text, and scores', () => {
    const name = '<img src=x onerror=alert(1)> javascript:alert(1) <svg onload=alert(1)>'
    const text = attemptWith((a) => {
      a.learner.name = name
    })
    const parsed = loadAttempt(text)
    expect(parsed.ok && parsed.value.learner?.name).toBe(name)
    accepted('attempt', text)
  })

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'refuses events, faults and marks that name %s',
    (name) => {
      const text = attemptWith((a) => {
        a.faults = [name]
        a.events = [
          { t: 1, action: 'press', target: name },
          { t: 2, action: 'hint', target: name },
          { t: 3, action: 'set', target: 'isolator', value: name },
          { t: 4, action: name, target: 'isolator' },
        ]
        a.judgements = {}
      })
      expect(refused('attempt', text)).toEqual([
        `faults[0]: unknown fault "${name}"`,
        `events[0]: event 0 is invalid: unknown component "${name}"`,
        `events[1]: event 1 is invalid: unknown step "${name}"`,
        `events[2]: event 2 is invalid: "${name}" is not one of the states of "isolator" (on, off)`,
        `events[3]: event 3 is invalid: unknown action "${name}"`,
      ])
    },
  )

  it.each(['toString', 'hasOwnProperty', 'valueOf'])(
    'refuses a mark for the judgement %s',
    (name) => {
      const text = attemptWith((a) => {
        a.judgements = { [name]: { mark: 1 } }
      })
      expect(refused('attempt', text)).toEqual([`judgements.${name}: unknown judgement "${name}"`])
    },
  )
})
