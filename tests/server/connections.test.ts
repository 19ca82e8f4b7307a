// Many connections (issue 15 §3): one server process on PostgreSQL, its open-file limit raised,
// holds 1,000 concurrent live streams (Server-Sent Events, one TCP connection each), and every one
// of them receives a learner's update. The memory per connection is printed; it is the
// `sse-memory` benchmark's figure (tests/bench/sseMemory.ts, whose code this runs).
import { describe, expect, inject, it } from 'vitest'
import { measureSseMemory } from '../bench/sseMemory.ts'
import { freshPostgres } from './harness.ts'

const missing = inject('postgresMissing')
if (missing && !process.env['CI'])
  console.warn(`\n!!! POSTGRESQL TESTS SKIPPED (many connections): ${missing} !!!\n`)

describe('many connections [postgres]', () => {
  it.skipIf(missing !== '' && !process.env['CI'])(
    'one server process holds 1,000 live streams, and each receives an update',
    async () => {
      if (missing) throw new Error(`No PostgreSQL server for the tests under CI: ${missing}`)
      const database = await freshPostgres()
      try {
        const m = await measureSseMemory(1000, database.url)
        console.log(
          `1,000 live streams on one process: ${(m.rssBefore / 2 ** 20).toFixed(0)} MB → ${(m.rssAfter / 2 ** 20).toFixed(0)} MB, ${(m.bytesPerStream / 2 ** 20).toFixed(3)} MB (${(m.bytesPerStream / 1024).toFixed(1)} KB) per connection`,
        )
        expect(m.streams).toBe(1000)
        expect(m.delivered).toBe(1000)
      } finally {
        await database.drop()
      }
    },
    120_000,
  )
})
