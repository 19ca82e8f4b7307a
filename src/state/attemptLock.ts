// One attempt is written by one tab only: a Web Lock per attempt, held while it is on screen, which
// the browser lets go of when the tab closes or crashes.
//
// Outside a secure context (the app on http://192.168.… in a lab) there are no Web Locks. The
// rule stays the same there: one writer per attempt, any number of tabs. (The other choice, one
// app tab per origin, would also stop a second tab from reading the library, the history or the
// editor, and would need the same liveness check to let a new tab in after a crash.) The tabs
// agree over a BroadcastChannel:
// - a tab that wants an attempt asks who holds it; the holder answers, and the asking tab only
//   shows the attempt (as a second tab does with Web Locks);
// - two tabs that ask at once hear each other: the smaller random token wins;
// - the holder notes its claim in localStorage. While another tab's claim is noted, an asking tab
//   waits longer for the answer (a busy holder answers late) and takes the attempt over only when
//   no tab answered: the holder crashed. A closing tab removes its notes, so nothing locks an
//   attempt for good;
// - a tab that comes back from the back/forward cache or from being frozen asks again for what it
//   holds; if another tab took it over meanwhile, this one reloads and so lets go.
import { v4 as uuidv4 } from 'uuid'

type Release = () => void

/**
 * Takes the lock of an attempt: a release function, or null when another tab holds it (this
 * tab must then only show the attempt).
 */
export function holdAttempt(attemptId: string): Promise<Release | null> {
  const locks = globalThis.navigator?.locks
  if (!locks) return tabClaims()?.hold(attemptId) ?? Promise.resolve(() => undefined)
  return new Promise((resolve) => {
    void locks.request(`practica:attempt:${attemptId}`, { ifAvailable: true }, (lock) => {
      if (!lock) return resolve(null)
      // the lock is held until this promise settles
      return new Promise<void>((release) => resolve(() => release()))
    })
  })
}

/** What the tabs tell each other about one attempt. */
interface Message {
  /**
   * ask: who holds it? check: I hold it, does another tab too? held: I do. first: I asked too,
   * and my token is the smaller: I take it.
   */
  readonly type: 'ask' | 'check' | 'held' | 'first'
  readonly id: string
  readonly token: string
}

export interface TabClaimsOptions {
  /** A channel that every app tab of the origin opened under the same name. */
  readonly channel: BroadcastChannel
  /** Where claims are noted for the other tabs; undefined where the browser refuses storage. */
  readonly storage: Storage | undefined
  /** This tab's token, unique among the tabs; the smaller wins when two ask at once. */
  readonly token?: string
  /** Milliseconds to wait for a holder's answer: with no other tab's claim noted, and with one. */
  readonly wait?: { readonly free: number; readonly noted: number }
  /** Another tab holds an attempt this tab held before it was frozen: this tab must let go. */
  readonly onConflict: () => void
}

export interface TabClaims {
  /** Claims an attempt: its release, or null when another tab holds it. */
  hold(id: string): Promise<Release | null>
  /** The tab is leaving, perhaps into the back/forward cache: its notes go, its claims stay. */
  hide(): void
  /** The tab is back: notes its claims again where free, and asks whether another tab took one. */
  show(): void
  /** Stops answering (a test's tab that closes). */
  close(): void
}

const NOTE = 'practica.attemptTab:'

/** The claims of one tab, agreed with the other tabs over `channel`. */
export function createTabClaims(options: TabClaimsOptions): TabClaims {
  const { channel, storage, token = uuidv4(), onConflict } = options
  const wait = options.wait ?? { free: 250, noted: 3000 }
  const held = new Map<string, object>()
  const pending = new Map<string, () => void>()
  const rechecking = new Set<string>()
  const post = (type: Message['type'], id: string) => channel.postMessage({ type, id, token })
  const noted = (id: string): string | null => {
    try {
      return storage?.getItem(NOTE + id) ?? null
    } catch {
      return null
    }
  }
  const note = (id: string) => {
    try {
      storage?.setItem(NOTE + id, token)
    } catch {
      // storage refused: the other tabs wait less long for this one's answer
    }
  }
  const unnote = (id: string) => {
    try {
      if (noted(id) === token) storage?.removeItem(NOTE + id)
    } catch {
      // storage refused: nothing was noted
    }
  }

  channel.onmessage = ({ data }: MessageEvent<Message>) => {
    const { type, id } = data
    if (data.token === token) return
    if (type === 'ask' || type === 'check') {
      if (held.has(id)) post('held', id)
      else if (type === 'ask' && pending.has(id) && token < data.token) post('first', id)
      else pending.get(id)?.()
    } else if (type === 'held' || data.token < token) pending.get(id)?.()
    if (type === 'held' && rechecking.has(id)) {
      rechecking.clear()
      onConflict()
    }
  }

  return {
    hold(id) {
      if (held.has(id) || pending.has(id)) return Promise.resolve(null)
      const other = noted(id)
      return new Promise((resolve) => {
        const settle = (won: boolean) => {
          clearTimeout(timer)
          pending.delete(id)
          if (!won) return resolve(null)
          const claim = {}
          held.set(id, claim)
          note(id)
          resolve(() => {
            if (held.get(id) !== claim) return
            held.delete(id)
            unnote(id)
          })
        }
        const timer = setTimeout(
          () => settle(true),
          other && other !== token ? wait.noted : wait.free,
        )
        pending.set(id, () => settle(false))
        post('ask', id)
      })
    },
    hide() {
      for (const id of held.keys()) unnote(id)
    },
    show() {
      for (const id of held.keys()) {
        if (noted(id) === null) note(id)
        rechecking.add(id)
        post('check', id)
      }
      setTimeout(() => rechecking.clear(), wait.noted)
    },
    close() {
      channel.onmessage = null
      channel.close()
    },
  }
}

let claims: TabClaims | null | undefined

/** This tab's claims, made on first use; null where there is no BroadcastChannel. */
function tabClaims(): TabClaims | null {
  if (claims !== undefined) return claims
  if (typeof BroadcastChannel === 'undefined' || typeof window === 'undefined')
    return (claims = null)
  let storage: Storage | undefined
  try {
    storage = window.localStorage
  } catch {
    storage = undefined
  }
  const made = createTabClaims({
    channel: new BroadcastChannel('practica:attempts'),
    storage,
    onConflict: () => window.location.reload(),
  })
  window.addEventListener('pagehide', () => made.hide())
  window.addEventListener('pageshow', (e) => e.persisted && made.show())
  document.addEventListener('resume', () => made.show())
  return (claims = made)
}
