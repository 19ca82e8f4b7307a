// The journal of attempts kept in the browser (IndexedDB, here fake-indexeddb): events come back
// in the order of their sequence numbers whatever order they were written in, one per number,
// each attempt's apart from the others', and a kept attempt reads back as an attempt file.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { loadAttempt, type AttemptEvent, type Result } from '../../src/core/index.ts'
import {
  deleteStoredAttempt,
  listStoredAttempts,
  loadEvents,
  openJournal,
  toAttemptFile,
  type StoredAttempt,
} from '../../src/state/attemptJournal.ts'

function record(id: string, updatedAt = 1): StoredAttempt {
  return {
    id,
    scenario: { id: 'conveyor-loto', version: '1.0.0', sha256: undefined },
    scenarioText: '{}',
    learner: { id: 's-1', name: 'Test Learner' },
    mode: 'practice',
    startedAt: '2026-11-28T09:00:00.000Z',
    faults: [],
    finished: false,
    updatedAt,
    result: undefined,
  }
}

const press = (t: number): AttemptEvent => ({ t, action: 'press', target: `button_${t}` })

describe('attempt journal', () => {
  it('reads events back in sequence order, whatever order the writes finished in', async () => {
    const journal = await openJournal(record('order'))
    // written out of order and concurrently; 10 after 9 checks the order is numeric
    await Promise.all([10, 2, 0, 9, 1].map((seq) => journal.append(seq, press(seq * 100))))
    expect((await loadEvents('order')).map((e) => e.t)).toEqual([0, 100, 200, 900, 1000])
  })

  it('keeps one event per sequence number: writing it again replaces it', async () => {
    const journal = await openJournal(record('retry'))
    await journal.append(0, press(100))
    await journal.append(1, press(200))
    await journal.append(1, press(250))
    expect((await loadEvents('retry')).map((e) => e.t)).toEqual([100, 250])
  })

  it('keeps each attempt’s events apart from another’s written at the same time', async () => {
    const [a, b] = await Promise.all([openJournal(record('a')), openJournal(record('b'))])
    await Promise.all([a.append(0, press(1)), b.append(0, press(2)), a.append(1, press(3))])
    expect((await loadEvents('a')).map((e) => e.t)).toEqual([1, 3])
    expect((await loadEvents('b')).map((e) => e.t)).toEqual([2])
  })

  it('opening the journal of a kept attempt again (resuming) keeps its record and events', async () => {
    const first = await openJournal(record('resume', 5))
    await first.append(0, press(100))
    const again = await openJournal({ ...record('resume', 99), learner: { id: 'x', name: 'x' } })
    await again.append(1, press(200))
    const kept = (await listStoredAttempts()).find((r) => r.id === 'resume')!
    expect(kept.learner.id).toBe('s-1')
    expect((await loadEvents('resume')).map((e) => e.t)).toEqual([100, 200])
  })

  it('finishing marks the attempt finished with its result and keeps the rest', async () => {
    const journal = await openJournal(record('done'))
    const result = { format: 'practica.result/1', attempt: 'done' } as unknown as Result
    await journal.finish(result)
    const kept = (await listStoredAttempts()).find((r) => r.id === 'done')!
    expect(kept.finished).toBe(true)
    expect(kept.result).toEqual(result)
    expect(kept.learner).toEqual(record('done').learner)
    expect(kept.updatedAt).toBeGreaterThan(1)
  })

  it('lists the most recently updated attempt first', async () => {
    await openJournal(record('old', 1000))
    await openJournal(record('new', 3000))
    await openJournal(record('middle', 2000))
    const ids = (await listStoredAttempts()).map((r) => r.id)
    expect(ids.indexOf('new')).toBeLessThan(ids.indexOf('middle'))
    expect(ids.indexOf('middle')).toBeLessThan(ids.indexOf('old'))
  })

  it('gives a kept attempt as an attempt file that the engine’s reader accepts', async () => {
    const journal = await openJournal(record('file'))
    await journal.append(1, { t: 2000, action: 'end' })
    await journal.append(0, { t: 1000, action: 'set', target: 'isolator', value: 'off' })
    const file = await toAttemptFile((await listStoredAttempts()).find((r) => r.id === 'file')!)
    const read = loadAttempt(JSON.stringify(file))
    expect(read.ok && read.value).toEqual(file)
    expect(file.events.map((e) => e.t)).toEqual([1000, 2000])
    expect(file.scenario).toEqual({ id: 'conveyor-loto', version: '1.0.0' })
  })

  it('deleting an attempt removes its events and no other attempt’s', async () => {
    const [gone, kept] = await Promise.all([
      openJournal(record('gone')),
      openJournal(record('kept')),
    ])
    await Promise.all([
      gone.append(0, press(1)),
      gone.append(1, press(2)),
      kept.append(0, press(3)),
    ])
    await deleteStoredAttempt('gone')
    expect(await loadEvents('gone')).toEqual([])
    expect((await loadEvents('kept')).map((e) => e.t)).toEqual([3])
    expect((await listStoredAttempts()).some((r) => r.id === 'gone')).toBe(false)
  })
})
