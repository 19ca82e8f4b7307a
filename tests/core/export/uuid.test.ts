import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isUuid, uuidV5, UUID_NAMESPACE_DNS, UUID_NAMESPACE_URL } from '../../../src/core/index.ts'

/** Version 5 UUIDs the RFC 4122 way, on Node's SHA-1, to compare against. */
function nodeUuidV5(name: string, namespace: string): string {
  const digest = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest()
  digest[6] = (digest[6]! & 0x0f) | 0x50
  digest[8] = (digest[8]! & 0x3f) | 0x80
  const h = digest.subarray(0, 16).toString('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

describe('uuidV5', () => {
  it('gives the published version 5 UUIDs', () => {
    expect(uuidV5('www.example.com', UUID_NAMESPACE_DNS)).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    )
    // Python's uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org'), from its documentation
    expect(uuidV5('python.org', UUID_NAMESPACE_DNS)).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d')
  })

  it('agrees with an RFC 4122 construction on Node crypto, Chinese names included', () => {
    for (const name of ['', 'a', 'https://practica.example/xapi', '王小明#3', '🙂'.repeat(40)])
      for (const ns of [UUID_NAMESPACE_DNS, UUID_NAMESPACE_URL])
        expect(uuidV5(name, ns)).toBe(nodeUuidV5(name, ns))
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.uuid(), (name, ns) => {
        expect(uuidV5(name, ns)).toBe(nodeUuidV5(name, ns))
      }),
    )
  })

  it('reads the namespace in either case', () => {
    expect(uuidV5('x', UUID_NAMESPACE_URL.toUpperCase())).toBe(uuidV5('x', UUID_NAMESPACE_URL))
  })

  it('refuses a namespace that is not a UUID', () => {
    expect(() => uuidV5('x', 'not-a-uuid')).toThrow(
      'uuidV5: the namespace "not-a-uuid" is not a UUID',
    )
  })
})

describe('isUuid', () => {
  it('accepts RFC 4122 UUIDs of any version, in either case', () => {
    expect(isUuid('0d8f3a52-4c1e-4b7a-9e55-3f0a1c2b7d10')).toBe(true)
    expect(isUuid('2ED6657D-E927-568B-95E1-2665A8AEA6A2')).toBe(true)
  })

  it('refuses other text, the nil UUID and other variants', () => {
    expect(isUuid('zh-attempt-0002')).toBe(false)
    expect(isUuid('00000000-0000-0000-0000-000000000000')).toBe(false)
    expect(isUuid('0d8f3a52-4c1e-4b7a-7e55-3f0a1c2b7d10')).toBe(false)
    expect(isUuid('{0d8f3a52-4c1e-4b7a-9e55-3f0a1c2b7d10}')).toBe(false)
  })
})
