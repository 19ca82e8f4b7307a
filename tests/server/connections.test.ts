// Many connections (issue 15 §3): one server process, its open-file limit raised, holds 1,000
// concurrent live streams (Server-Sent Events, one TCP connection each), and every one of them
// receives a learner's update. The memory per connection is printed; it is the `sse-memory`
// benchmark's figure (tests/bench/sseMemory.ts, whose code this runs).
import { describe, expect, it } from 'vitest'
import { measureSseMemory } from '../bench/sseMemory.ts'

describe('many connections', () => {
  it('one server process holds 1,000 live streams, and each receives an update', async () => {
    const m = await measureSseMemory(1000)
    console.log(
      `1,000 live streams on one process: ${(m.rssBefore / 2 ** 20).toFixed(0)} MB → ${(m.rssAfter / 2 ** 20).toFixed(0)} MB, ${(m.bytesPerStream / 2 ** 20).toFixed(3)} MB (${(m.bytesPerStream / 1024).toFixed(1)} KB) per connection`,
    )
    expect(m.streams).toBe(1000)
    expect(m.delivered).toBe(1000)
  }, 120_000)
})
