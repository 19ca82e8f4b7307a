import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  isUuid,
  sha1,
  uuidV5,
  UUID_NAMESPACE_DNS,
  UUID_NAMESPACE_URL,
} from '../../../src/core/index.ts'

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex')
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

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

describe('sha1', () => {
  it('gives the FIPS 180 test vectors', () => {
    expect(hex(sha1(utf8('')))).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709')
    expect(hex(sha1(utf8('abc')))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d')
    expect(hex(sha1(utf8('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe(
      '84983e441c3bd26ebaae4aa1f95129e5e54670f1',
    )
    expect(hex(sha1(utf8('a'.repeat(1_000_000))))).toBe('34aa973cd4c4daa4f61eeb2bdbad27316534016f')
  })

  it('agrees with Node crypto at every length around the 64-byte block edges', () => {
    for (let n = 0; n <= 130; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 131 + n) & 0xff)
      expect(hex(sha1(bytes)), `length ${n}`).toBe(createHash('sha1').update(bytes).digest('hex'))
    }
  })

  it('agrees with Node crypto on any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(hex(sha1(bytes))).toBe(createHash('sha1').update(bytes).digest('hex'))
      }),
    )
  })
})

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
