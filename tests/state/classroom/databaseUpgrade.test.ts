// The browser's database from before the Practica server (version 2: drafts, attempts, events)
// upgraded to version 3: every attempt and event kept as it was (no owner: shown while nobody is
// signed in), the server's stores added.
import 'fake-indexeddb/auto'
import { openDB } from 'idb'
import { describe, expect, it } from 'vitest'
import { listStoredAttempts, loadEvents } from '../../../src/state/attemptJournal.ts'
import { getDatabase } from '../../../src/state/database.ts'
import { isVisibleTo } from '../../../src/state/classroom/sessionStore.ts'

describe('the browser database upgrade for the server', () => {
  it('keeps the attempts and events of version 2, with no owner', async () => {
    const old = await openDB('practica', 2, {
      upgrade(db) {
        db.createObjectStore('drafts', { keyPath: 'id' }).createIndex('updatedAt', 'updatedAt')
        db.createObjectStore('attempts', { keyPath: 'id' }).createIndex('updatedAt', 'updatedAt')
        db.createObjectStore('events', { keyPath: ['attemptId', 'seq'] }).createIndex(
          'attemptId',
          'attemptId',
        )
      },
    })
    await old.put('attempts', {
      id: 'before-the-server',
      scenario: { id: 'conveyor-loto', version: '1.0.0', sha256: undefined },
      scenarioText: '{}',
      learner: { id: 's-1', name: 'Amina Phiri' },
      mode: 'practice',
      startedAt: '2026-11-28T09:00:00.000Z',
      faults: [],
      finished: false,
      updatedAt: 1,
      result: undefined,
    })
    await old.put('events', {
      attemptId: 'before-the-server',
      seq: 0,
      event: { t: 0, action: 'wear', target: 'glasses' },
    })
    old.close()

    const db = await getDatabase()
    expect(db.version).toBe(3)
    expect([...db.objectStoreNames].sort()).toEqual([
      'attempts',
      'drafts',
      'events',
      'serverCopies',
      'serverScenarios',
    ])
    const [kept] = await listStoredAttempts()
    expect(kept).toMatchObject({ id: 'before-the-server', learner: { name: 'Amina Phiri' } })
    expect(kept!.owner).toBeUndefined()
    expect(isVisibleTo(kept!, undefined)).toBe(true)
    expect(isVisibleTo(kept!, 'someone-signed-in')).toBe(false)
    expect(await loadEvents('before-the-server')).toEqual([
      { t: 0, action: 'wear', target: 'glasses' },
    ])
  })
})
