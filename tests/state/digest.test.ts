import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { sha256Hex } from '../../src/core/index.ts'
import { digestSha256 } from '../../src/state/digest.ts'
import { bundledScenarioFiles, ROOT } from '../helpers.ts'

describe('digestSha256', () => {
  it('gives the hash the engine gives, for every bundled scenario file', async () => {
    for (const file of bundledScenarioFiles()) {
      const bytes = new Uint8Array(readFileSync(`${ROOT}${file}`))
      expect(await digestSha256(bytes), file).toBe(sha256Hex(bytes))
    }
  })

  it('gives the hash the engine gives, for any bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), async (bytes) => {
        const copy = new Uint8Array(bytes)
        expect(await digestSha256(copy)).toBe(sha256Hex(copy))
      }),
    )
  })

  describe('outside a secure context, where the browser has no SubtleCrypto', () => {
    afterEach(() => {
      vi.unstubAllGlobals()
    })

    it('gives the same hash, for every bundled scenario file', async () => {
      vi.stubGlobal('crypto', { getRandomValues: crypto.getRandomValues.bind(crypto) })
      expect(globalThis.crypto.subtle).toBeUndefined()
      for (const file of bundledScenarioFiles()) {
        const bytes = new Uint8Array(readFileSync(`${ROOT}${file}`))
        expect(await digestSha256(bytes), file).toBe(sha256Hex(bytes))
      }
    })
  })
})
