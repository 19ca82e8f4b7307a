// The learner's live inbox: while the signed-in learner plays an attempt of a server assignment,
// the instructor's messages (to them, or to the class) and the "end now" command arrive on one
// Server-Sent Events stream (GET /api/assignments/<id>/inbox/stream; the browser reconnects by
// itself with the last id, so nothing is missed or shown twice). Messages are kept for the screen
// until dismissed. On "end now" the app ends its own attempt, as the learner's "finish" does: the
// `end` is appended by the attempt's store and sent by the outbox, the one writer of the log.
import type { LiveMessage } from '../../api/live.ts'
import { createStore } from 'zustand/vanilla'
import { appStore, type AppState } from '../appStore.ts'
import type { AttemptStore } from '../attemptStore.ts'
import { getDatabase } from '../database.ts'
import { apiPath } from './api.ts'
import { sessionStore } from './sessionStore.ts'

/** A message or command as the inbox stream sends it (server: live/commands.ts LiveMessage). */
/** A message as a learner receives it (who sent it and to whom are the staff's). */
export type InboxMessage = Pick<LiveMessage, 'seq' | 'kind' | 'text' | 'toClass' | 'sentAt'>

/** Messages sent this long before the attempt started are still shown (the lesson's). */
export const SHOW_BEFORE_START_MS = 15 * 60_000
/** The most messages shown at once (the newest). */
export const MAX_SHOWN = 5

export interface InboxState {
  /** the assignment whose inbox is open; undefined when none */
  readonly assignmentId: string | undefined
  /** the attempt it was opened for */
  readonly attemptId: string | undefined
  /** the messages to show, oldest first, the dismissed left out */
  readonly messages: readonly InboxMessage[]
  /** the instructor ended the assignment (and this app ended the attempt, if it was open) */
  readonly ended: boolean
  /** hides a message */
  dismiss(seq: number): void
  /** hides the "ended" notice */
  dismissEnded(): void
}

const dismissedKey = (assignmentId: string) => `practica.inbox.dismissed.${assignmentId}`

function readDismissed(assignmentId: string): Set<number> {
  try {
    const raw = JSON.parse(globalThis.sessionStorage?.getItem(dismissedKey(assignmentId)) ?? '[]')
    return new Set(Array.isArray(raw) ? raw.filter((n): n is number => typeof n === 'number') : [])
  } catch {
    return new Set()
  }
}

function keepDismissed(assignmentId: string, seqs: Set<number>): void {
  try {
    globalThis.sessionStorage?.setItem(dismissedKey(assignmentId), JSON.stringify([...seqs]))
  } catch {
    // storage refused: the message is hidden on this page only
  }
}

/** Whether a message belongs on the screen of an attempt started at `startedAt`. Pure. */
export function showsFor(message: InboxMessage, startedAt: string): boolean {
  const sent = Date.parse(message.sentAt)
  const start = Date.parse(startedAt)
  return Number.isNaN(sent) || Number.isNaN(start) || sent >= start - SHOW_BEFORE_START_MS
}

export const inboxStore = createStore<InboxState>()((set, get) => ({
  assignmentId: undefined,
  attemptId: undefined,
  messages: [],
  ended: false,
  dismiss(seq) {
    const { assignmentId } = get()
    if (!assignmentId) return
    const dismissed = readDismissed(assignmentId)
    dismissed.add(seq)
    keepDismissed(assignmentId, dismissed)
    set({ messages: get().messages.filter((m) => m.seq !== seq) })
  },
  dismissEnded() {
    set({ ended: false })
  },
}))

/** What the inbox needs of an attempt on screen: its store, assignment and owner. */
interface Playing {
  readonly store: AttemptStore
  readonly attemptId: string
  readonly assignmentId: string
}

/** The attempt on screen, if it is the signed-in learner's on a server assignment. */
async function playingOf(state: AppState): Promise<Playing | undefined> {
  const { screen } = state
  if (screen.name !== 'play' || screen.editor) return undefined
  const user = sessionStore.getState().user
  if (!user || user.role !== 'learner') return undefined
  const attemptId = screen.store.getState().setup.attemptId
  const record = await (await getDatabase()).get('attempts', attemptId)
  if (!record?.assignmentId || record.owner !== user.id) return undefined
  return { store: screen.store, attemptId, assignmentId: record.assignmentId }
}

/** Ends the attempt on screen as the learner's "finish" would, unless it ended already. */
function endAttempt(store: AttemptStore): void {
  const s = store.getState()
  if (s.readOnly || s.sim.ended || s.runtimeError !== null) return
  s.finish()
}

let started = false

/**
 * Starts once per page (with the outbox): opens the inbox of the assignment whose attempt the
 * signed-in learner plays, closes it when they leave it or sign out.
 */
export function startLiveInbox(): void {
  if (started || typeof EventSource === 'undefined') return
  started = true
  let source: EventSource | undefined
  let openFor: string | undefined
  let checking = 0

  const close = () => {
    source?.close()
    source = undefined
    openFor = undefined
    inboxStore.setState({ assignmentId: undefined, attemptId: undefined, messages: [] })
  }

  const open = (playing: Playing) => {
    const { assignmentId, attemptId, store } = playing
    openFor = attemptId
    const startedAt = store.getState().setup.startedAt
    const dismissed = readDismissed(assignmentId)
    inboxStore.setState({ assignmentId, attemptId, messages: [], ended: false })
    const stream = new EventSource(apiPath('assignments', assignmentId, 'inbox', 'stream'))
    source = stream
    const seen = new Set<number>()
    const take = (event: MessageEvent<string>): InboxMessage | undefined => {
      if (source !== stream) return undefined
      let message: InboxMessage
      try {
        message = JSON.parse(event.data) as InboxMessage
      } catch {
        return undefined
      }
      if (seen.has(message.seq)) return undefined
      seen.add(message.seq)
      return message
    }
    stream.addEventListener('message', (event) => {
      const message = take(event)
      if (!message || dismissed.has(message.seq) || !showsFor(message, startedAt)) return
      inboxStore.setState((s) => ({ messages: [...s.messages, message].slice(-MAX_SHOWN) }))
    })
    stream.addEventListener('end', (event) => {
      if (!take(event)) return
      inboxStore.setState({ ended: true })
      endAttempt(store)
    })
  }

  const follow = () => {
    const check = ++checking
    void playingOf(appStore.getState()).then((playing) => {
      if (check !== checking) return
      if (playing?.attemptId === openFor) return
      close()
      if (playing) open(playing)
    })
  }
  appStore.subscribe((s, before) => {
    if (s.screen !== before.screen) follow()
  })
  sessionStore.subscribe((s, before) => {
    if (s.user?.id !== before.user?.id) follow()
  })
  follow()
}
