// The Practica server as the app sees it: whether one answers at this page's origin, and who is
// signed in. With no server the app is the static app it always was. The signed-in person is
// remembered in this browser, so that with the server out of reach (no network in the lab) the
// app still knows whose attempts it shows and keeps; a sign-out made out of reach is remembered
// too and sent to the server as soon as it answers, before anything else.
import { createStore } from 'zustand/vanilla'
import type { Learner } from '../attemptStore.ts'
import {
  ApiError,
  getSession,
  hasServer,
  joinClass,
  signIn as apiSignIn,
  signOut as apiSignOut,
  type JoinRequest,
  type ServerUser,
} from './api.ts'

/**
 * - `checking`: not known yet (the first look at the page's start);
 * - `none`: no Practica server here: the static app;
 * - `online`: the server answers;
 * - `unreachable`: a server answered this browser before, but does not now.
 */
export type ServerStatus = 'checking' | 'none' | 'online' | 'unreachable'

export interface SessionState {
  readonly status: ServerStatus
  /** The person signed in (as the server last said, or remembered while it is out of reach). */
  readonly user: ServerUser | null
  /** Looks for the server and asks who is signed in. */
  check(): Promise<void>
  /** A learner joins their class; throws ApiError (its code says why) on a refusal. */
  join(request: JoinRequest): Promise<ServerUser>
  /** Staff sign-in; throws ApiError on a refusal. */
  signIn(login: string, password: string): Promise<ServerUser>
  /** Signs out here at once, and on the server (now, or when it next answers). */
  signOut(): Promise<void>
  /**
   * The sign-in the server ended (it expired, or was ended there) while this browser still counted
   * on it: the person is asked to sign in again. Null once they do, or once they hide the notice.
   */
  readonly ended: ServerUser | null
  /** The server said the sign-in is over (401): asks again who is signed in. */
  sessionLost(): void
  /** The person read that their sign-in ended (the notice is hidden). */
  dismissEnded(): void
}

const MEMORY_KEY = 'practica.server'

interface Memory {
  /** a server answered at this origin once */
  readonly seen: boolean
  readonly user: ServerUser | null
  /** signed out while the server was out of reach: the server still has the session */
  readonly signOutPending: boolean
  /** the person whose sign-in the server ended, until they sign in again */
  readonly ended: ServerUser | null
}

function recall(): Memory {
  try {
    const saved = JSON.parse(
      globalThis.localStorage?.getItem(MEMORY_KEY) ?? 'null',
    ) as Partial<Memory> | null
    const isUser = (u: ServerUser | null | undefined): u is ServerUser =>
      !!u && typeof u.id === 'string' && typeof u.role === 'string'
    return {
      seen: saved?.seen === true,
      user: isUser(saved?.user) ? saved.user : null,
      signOutPending: saved?.signOutPending === true,
      ended: isUser(saved?.ended) ? saved.ended : null,
    }
  } catch {
    return { seen: false, user: null, signOutPending: false, ended: null }
  }
}

function remember(memory: Memory): void {
  try {
    globalThis.localStorage?.setItem(MEMORY_KEY, JSON.stringify(memory))
  } catch {
    // storage refused (private mode): the sign-in lasts as long as the page
  }
}

/** Things that must stop before the signed-in person changes (the outbox's request in flight). */
const beforeChange = new Set<() => Promise<void>>()

/**
 * Registers `pause`, awaited before every sign-in, join and sign-out: the outbox finishes or
 * drops its request in flight, so nothing of one person is ever sent under the next one's
 * session. Returns the way to stop.
 */
export function onBeforeIdentityChange(pause: () => Promise<void>): () => void {
  beforeChange.add(pause)
  return () => beforeChange.delete(pause)
}

const settleBeforeChange = () => Promise.all([...beforeChange].map((p) => p())).then(() => {})

/** The store of one page (tests make their own). */
export function createSessionStore() {
  let memory = recall()
  const keep = (next: Partial<Memory>) => {
    memory = { ...memory, ...next }
    remember(memory)
  }
  let checking: Promise<void> | undefined
  return createStore<SessionState>()((set, get) => {
    const signedIn = (user: ServerUser) => {
      keep({ seen: true, user, signOutPending: false, ended: null })
      set({ status: 'online', user, ended: null })
      return user
    }
    const check = async (): Promise<void> => {
      if (!(await hasServer())) {
        set({
          status: memory.seen ? 'unreachable' : 'none',
          user: memory.signOutPending ? null : memory.user,
        })
        return
      }
      try {
        if (memory.signOutPending) {
          await settleBeforeChange()
          await apiSignOut().catch((e: unknown) => {
            // no session left on the server is a sign-out done
            if (!(e instanceof ApiError) || e.status !== 401) throw e
          })
          keep({ signOutPending: false, user: null })
        }
        const { user } = await getSession()
        // the server no longer knows the person this browser counted on: their sign-in ended
        // there (expired, or ended by staff), not here, so they are told to sign in again
        const ended = user === null && memory.user !== null ? memory.user : memory.ended
        keep({ seen: true, user, ended: user === null ? ended : null })
        set({ status: 'online', user, ended: memory.ended })
      } catch {
        set({ status: memory.seen ? 'unreachable' : 'none', user: memory.user })
      }
    }
    return {
      status: 'checking',
      user: memory.signOutPending ? null : memory.user,
      ended: memory.ended,
      check() {
        checking ??= check().finally(() => (checking = undefined))
        return checking
      },
      async join(request) {
        await settleBeforeChange()
        return signedIn((await joinClass(request)).user)
      },
      async signIn(login, password) {
        await settleBeforeChange()
        return signedIn((await apiSignIn(login, password)).user)
      },
      async signOut() {
        await settleBeforeChange()
        // gone from this browser at once, whatever the network says
        keep({ user: null, signOutPending: true, ended: null })
        set({ user: null, ended: null })
        try {
          await apiSignOut()
          keep({ signOutPending: false })
        } catch (e) {
          if (e instanceof ApiError && e.status === 401) keep({ signOutPending: false })
          else if (get().status === 'online') set({ status: 'unreachable' })
        }
      },
      sessionLost() {
        void get().check()
      },
      dismissEnded() {
        keep({ ended: null })
        set({ ended: null })
      },
    }
  })
}

export type SessionStore = ReturnType<typeof createSessionStore>

export const sessionStore = createSessionStore()

/** The signed-in person's server id, or undefined with nobody signed in. */
export function getOwner(): string | undefined {
  return sessionStore.getState().user?.id
}

/**
 * Who an attempt started now belongs to: the signed-in person (their server id, and the learner
 * ID and name the server knows), or undefined with nobody signed in.
 */
export function getSignedInLearner(): { owner: string; learner: Learner } | undefined {
  const user = sessionStore.getState().user
  if (!user) return undefined
  return {
    owner: user.id,
    learner: { id: user.learnerId ?? user.login ?? user.id, name: user.name },
  }
}

/** Whether a kept attempt shows for the person signed in now (or for nobody signed in). Pure. */
export function isVisibleTo(attempt: { readonly owner?: string | undefined }, owner?: string) {
  return (attempt.owner ?? undefined) === owner
}
