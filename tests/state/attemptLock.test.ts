// The claims of tabs without Web Locks (outside a secure context): each "tab" is its own
// BroadcastChannel on one name, as the app's tabs of one origin are, with one shared storage.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createTabClaims, type TabClaims } from '../../src/state/attemptLock.ts'

const WAIT = { free: 100, noted: 600 }

/** A localStorage of its own, as the tabs of one origin share it. */
function memoryStorage(): Storage {
  const items = new Map<string, string>()
  return {
    get length() {
      return items.size
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  }
}

let opened: { claims: TabClaims; channel: BroadcastChannel }[] = []
let name = 0

afterEach(() => {
  for (const { claims } of opened) claims.close()
  opened = []
})

/** Tabs of one origin: one channel name and one storage. */
function origin(storage: Storage | undefined = memoryStorage()) {
  const channelName = `practica-test-${++name}`
  return (token?: string, onConflict = vi.fn()) => {
    const channel = new BroadcastChannel(channelName)
    const claims = createTabClaims({
      channel,
      storage,
      wait: WAIT,
      onConflict,
      ...(token ? { token } : {}),
    })
    opened.push({ claims, channel })
    return { claims, channel, onConflict }
  }
}

const timed = async <T>(p: Promise<T>): Promise<{ value: T; ms: number }> => {
  const t0 = performance.now()
  const value = await p
  return { value, ms: performance.now() - t0 }
}

describe('tab claims of an attempt, without Web Locks', () => {
  it('gives an attempt to one tab; another tab gets it only once it is released', async () => {
    const tab = origin()
    const a = tab()
    const b = tab()
    const release = await a.claims.hold('att-1')
    expect(release).toBeTypeOf('function')
    // the holder answers: the second tab is told at once, not after the longer wait
    const second = await timed(b.claims.hold('att-1'))
    expect(second.value).toBeNull()
    expect(second.ms).toBeLessThan(WAIT.noted)
    release!()
    expect(await b.claims.hold('att-1')).toBeTypeOf('function')
    expect(await a.claims.hold('att-1')).toBeNull()
  })

  it('refuses the same attempt twice in one tab, and lets other attempts be', async () => {
    const tab = origin()
    const a = tab()
    const b = tab()
    expect(await a.claims.hold('att-1')).toBeTypeOf('function')
    expect(await a.claims.hold('att-1')).toBeNull()
    expect(await b.claims.hold('att-2')).toBeTypeOf('function')
  })

  it('gives an attempt that five tabs ask for at once to exactly one of them', async () => {
    const tab = origin()
    const tabs = ['e', 'b', 'd', 'a', 'c'].map((token) => tab(token))
    const got = await Promise.all(tabs.map((t) => t.claims.hold('att-1')))
    expect(got.filter((r) => r !== null)).toHaveLength(1)
    // the smallest token wins
    expect(got[3]).toBeTypeOf('function')
  })

  it('takes over the attempt of a tab that crashed, after waiting for its answer', async () => {
    const tab = origin()
    const a = tab()
    expect(await a.claims.hold('att-1')).toBeTypeOf('function')
    // a crash: no more answers, and its note stays behind
    a.claims.close()
    const b = tab()
    const taken = await timed(b.claims.hold('att-1'))
    expect(taken.value).toBeTypeOf('function')
    expect(taken.ms).toBeGreaterThanOrEqual(WAIT.noted - 5)
    expect(await tab().claims.hold('att-1')).toBeNull()
  })

  it('waits only briefly for a tab that closed, which took its note away', async () => {
    const tab = origin()
    const a = tab()
    expect(await a.claims.hold('att-1')).toBeTypeOf('function')
    a.claims.hide()
    a.claims.close()
    const taken = await timed(tab().claims.hold('att-1'))
    expect(taken.value).toBeTypeOf('function')
    expect(taken.ms).toBeLessThan(WAIT.noted)
  })

  it('makes a tab that was frozen while another took its attempt over let go', async () => {
    const tab = origin()
    const a = tab()
    const b = tab()
    expect(await a.claims.hold('att-1')).toBeTypeOf('function')
    // frozen (or in the back/forward cache): it answers nothing for a while
    a.claims.hide()
    const handler = a.channel.onmessage
    a.channel.onmessage = null
    expect(await b.claims.hold('att-1')).toBeTypeOf('function')
    a.channel.onmessage = handler
    a.claims.show()
    await vi.waitFor(() => expect(a.onConflict).toHaveBeenCalledOnce())
    expect(b.onConflict).not.toHaveBeenCalled()
  })

  it('keeps a tab that comes back with its attempt untaken', async () => {
    const tab = origin()
    const a = tab()
    const b = tab()
    expect(await a.claims.hold('att-1')).toBeTypeOf('function')
    a.claims.hide()
    a.claims.show()
    await new Promise((r) => setTimeout(r, WAIT.free * 3))
    expect(a.onConflict).not.toHaveBeenCalled()
    expect(await b.claims.hold('att-1')).toBeNull()
  })

  it('works where the browser refuses storage', async () => {
    const tab = origin(undefined)
    const a = tab()
    expect(await a.claims.hold('att-1')).toBeTypeOf('function')
    expect(await tab().claims.hold('att-1')).toBeNull()
  })
})
