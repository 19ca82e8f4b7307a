import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { getScenarioJsonSchema, LOOK_NAME, LOOK_NAMES, sha256Hex } from '../../src/core/index.ts'

describe('published JSON Schema', () => {
  it('is current: scenarios/scenario.schema.json equals what the zod schema generates (run npm run schema)', () => {
    expect(
      readFileSync(new URL('../../scenarios/scenario.schema.json', import.meta.url), 'utf8'),
    ).toBe(getScenarioJsonSchema())
  })

  it('accepts x- extension fields on objects that refuse other unknown fields', () => {
    const schema = JSON.parse(getScenarioJsonSchema())
    expect(schema.additionalProperties).toBe(false)
    expect(schema.patternProperties).toEqual({ '^x-': {} })
  })

  it('describes look, params, parent, stateLabels and scene.views (spec amendment 1)', () => {
    const schema = JSON.parse(getScenarioJsonSchema())
    const kinds: any[] = schema.properties.components.items.oneOf ?? []
    expect(kinds.length).toBeGreaterThan(10)
    const of = (kind: string) => kinds.find((k) => k.properties.kind.const === kind).properties
    for (const kind of ['switch', 'static', 'item', 'lamp']) {
      const p = of(kind)
      expect(p.look.pattern).toBe(LOOK_NAME.source)
      // the catalogue's names as completions, any name of the form still valid
      expect(p.look.examples).toEqual(LOOK_NAMES)
      expect(p.look.enum).toBeUndefined()
      expect(p.params.maxProperties).toBe(32)
      expect(p.params.additionalProperties.anyOf.map((v: any) => v.type)).toEqual([
        'number',
        'string',
        'boolean',
        'array',
        'array',
      ])
      expect(p.parent.pattern).toBe('^[a-z][a-z0-9_]{0,63}$')
    }
    // state names on the kinds with states only
    expect(of('switch').stateLabels.additionalProperties.anyOf).toHaveLength(2)
    expect(of('item').stateLabels.type).toBe('object')
    expect(of('lamp').stateLabels).toBeUndefined()
    const view = schema.properties.scene.properties.views.items
    expect(view.required).toEqual(['id', 'title', 'position', 'target'])
    expect(view.properties.id.pattern).toBe('^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$')
    expect(view.properties.fov).toMatchObject({ exclusiveMinimum: 0, exclusiveMaximum: 180 })
  })
})

describe('sha256', () => {
  it('matches the standard test vectors', () => {
    const enc = (s: string) => new TextEncoder().encode(s)
    expect(sha256Hex(enc(''))).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    )
    expect(sha256Hex(enc('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    )
    expect(sha256Hex(enc('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    )
    expect(sha256Hex(enc('a'.repeat(1000)))).toBe(
      '41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3',
    )
  })
})
