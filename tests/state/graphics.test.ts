// The graphics setting: forced by the address (never saved), else the learner's remembered
// choice, else Detailed; slow frames propose Simple only until the learner chooses.
import { beforeEach, describe, expect, it } from 'vitest'
import { createGraphicsStore, FRAMES_TO_JUDGE, median } from '../../src/state/graphics.ts'

const storage = new Map<string, string>()
beforeEach(() => {
  storage.clear()
  Object.defineProperty(globalThis, 'localStorage', {
    configurable: true,
    value: {
      getItem: (k: string) => storage.get(k) ?? null,
      setItem: (k: string, v: string) => void storage.set(k, v),
      removeItem: (k: string) => void storage.delete(k),
    },
  })
})

const slow = Array.from({ length: FRAMES_TO_JUDGE }, () => 80)
const fast = Array.from({ length: FRAMES_TO_JUDGE }, () => 16)

describe('the graphics setting', () => {
  it('is Detailed until the learner chooses', () => {
    const s = createGraphicsStore('').getState()
    expect([s.setting, s.source]).toEqual(['detailed', 'default'])
  })

  it("remembers the learner's choice for the next page", () => {
    createGraphicsStore('').getState().choose('simple')
    const next = createGraphicsStore('').getState()
    expect([next.setting, next.source]).toEqual(['simple', 'learner'])
  })

  it('takes a setting from the address over the remembered one, and never saves it', () => {
    createGraphicsStore('').getState().choose('simple')
    const forced = createGraphicsStore('?graphics=detailed')
    expect(forced.getState().setting).toBe('detailed')
    forced.getState().choose('detailed')
    expect(storage.get('practica.graphics')).toBe('simple')
    expect(createGraphicsStore('?graphics=nonsense').getState().setting).toBe('simple')
  })

  it('proposes Simple when frames are slow, only with enough frames and before any choice', () => {
    const store = createGraphicsStore('')
    store.getState().reportFrameTimes(slow.slice(1))
    expect(store.getState().proposing).toBe(false)
    store.getState().reportFrameTimes(fast)
    expect(store.getState().proposing).toBe(false)
    store.getState().reportFrameTimes(slow)
    expect(store.getState().proposing).toBe(true)
  })

  it('asks no more once the learner keeps Detailed, and never overrides a choice', () => {
    const store = createGraphicsStore('')
    store.getState().reportFrameTimes(slow)
    store.getState().keepDetailed()
    store.getState().reportFrameTimes(slow)
    expect([store.getState().proposing, store.getState().setting]).toEqual([false, 'detailed'])
    expect(createGraphicsStore('').getState().source).toBe('learner')
    const chosen = createGraphicsStore('')
    chosen.getState().reportFrameTimes(slow)
    expect(chosen.getState().proposing).toBe(false)
  })

  it('never proposes under an address that forces a setting', () => {
    const store = createGraphicsStore('?graphics=detailed')
    store.getState().reportFrameTimes(slow)
    expect(store.getState().proposing).toBe(false)
  })

  it('takes the median of frame times', () => {
    expect(median([5, 1, 3])).toBe(3)
    expect(median([4, 1, 3, 2])).toBe(2.5)
  })
})
