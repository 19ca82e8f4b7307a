// The browser's database held by another tab (fake-indexeddb keeps the versionchange and blocked
// rules of the browsers): an older tab's open connection holds the upgrade back, which the page
// says (`blocked`) while a journal waits for it, nothing lost, and goes on once that tab lets
// go; a newer tab's upgrade makes this page let go of its connection and ask for a reload, and a
// later open fails (and can be tried again) rather than hanging. The browser test
// tests/browser/serverAccess.test.ts does the same in Chromium.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { loadEvents, openJournal, type StoredAttempt } from '../../src/state/attemptJournal.ts'
import { databaseHoldStore, getDatabase } from '../../src/state/database.ts'

function openRaw(version: number, upgrade?: (db: IDBDatabase) => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open('practica', version)
    request.onupgradeneeded = () => upgrade?.(request.result)
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
}

const record: StoredAttempt = {
  id: 'held-back',
  scenario: { id: 'conveyor-loto', version: '1.0.0', sha256: undefined },
  scenarioText: '{}',
  learner: { id: 's-1042', name: 'Amina Phiri' },
  mode: 'practice',
  startedAt: '2026-12-03T09:00:00.000Z',
  faults: [],
  finished: false,
  updatedAt: 1,
  result: undefined,
}

const holdIs = (hold: string | null) =>
  new Promise<void>((resolve) => {
    if (databaseHoldStore.getState().hold === hold) return resolve()
    const stop = databaseHoldStore.subscribe((s) => {
      if (s.hold === hold) {
        stop()
        resolve()
      }
    })
  })

describe('the database held by another tab', () => {
  it('waits for an older tab, says so, and keeps what was written meanwhile', async () => {
    // an older Practica's tab: version 2, deaf to requests to let go
    const old = await openRaw(2, (db) => {
      db.createObjectStore('drafts', { keyPath: 'id' }).createIndex('updatedAt', 'updatedAt')
      db.createObjectStore('attempts', { keyPath: 'id' }).createIndex('updatedAt', 'updatedAt')
      db.createObjectStore('events', { keyPath: ['attemptId', 'seq'] }).createIndex(
        'attemptId',
        'attemptId',
      )
    })
    old.onversionchange = () => undefined

    let opened = false
    const journal = openJournal(record).then((j) => {
      opened = true
      return j
    })
    await holdIs('blocked')
    await new Promise((r) => setTimeout(r, 50))
    expect(opened).toBe(false)

    old.close()
    const j = await journal
    expect(databaseHoldStore.getState().hold).toBe(null)
    await j.append(0, { t: 0, action: 'wear', target: 'glasses' })
    await j.append(1, { t: 10, action: 'wear', target: 'gloves' })
    expect(await loadEvents(record.id)).toHaveLength(2)
    expect((await getDatabase()).version).toBe(3)

    // a newer Practica opens in another tab: this page lets go at once, and asks for a reload
    const newer = await openRaw(4)
    expect(newer.version).toBe(4)
    expect(databaseHoldStore.getState().hold).toBe('reload')
    // this page's schema is older than the database now: a write fails (said on the screen),
    // it does not hang, and each try opens afresh
    await expect(j.append(2, { t: 20, action: 'press', target: 'radio' })).rejects.toThrow()
    databaseHoldStore.setState({ hold: null })
    newer.close()
    await expect(getDatabase()).rejects.toThrow()
    // a page opened after the upgrade (an old copy of the app) is told to reload too
    expect(databaseHoldStore.getState().hold).toBe('reload')
  })
})
