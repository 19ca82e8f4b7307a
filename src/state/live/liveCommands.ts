// The instructor's live commands to a class (server module live/commands.ts): a message to one
// learner or to the whole class, and "end the assignment now", with what was sent so far; and the
// messages an assessor sees beside an attempt. Each call answers an outcome: the data, or the
// server's refusal (its stable code, which the screens translate).
import { createStore, type StoreApi } from 'zustand/vanilla'
import type { LiveMessage } from '../../api/live.ts'
import { apiPath, apiRequest } from '../classroom/api.ts'
import { outcomeOf, type ApiRefusal } from '../classroom/staffApi.ts'

/** The longest message the server takes, in characters (MESSAGE_MAX on the server). */
export const MESSAGE_MAX = 500

/** The server's answer to "end now": when the assignment closes. */
export interface EndAnswer {
  readonly seq: number
  readonly closesAt: string
  readonly graceSeconds: number
}

export const liveCommandsApi = {
  send: (assignmentId: string, text: string, learnerId: string | null) =>
    outcomeOf(() =>
      apiRequest<LiveMessage>('POST', apiPath('assignments', assignmentId, 'messages'), {
        body: { text, learnerId },
      }),
    ),
  list: (assignmentId: string) =>
    outcomeOf(() =>
      apiRequest<LiveMessage[]>('GET', apiPath('assignments', assignmentId, 'messages')),
    ),
  end: (assignmentId: string) =>
    outcomeOf(() =>
      apiRequest<EndAnswer>('POST', apiPath('assignments', assignmentId, 'end'), { body: {} }),
    ),
  /** the messages the learner was sent while the attempt was under way (the assessor's view) */
  duringAttempt: (attemptId: string) =>
    outcomeOf(() => apiRequest<LiveMessage[]>('GET', apiPath('attempts', attemptId, 'messages'))),
}

/** Why a draft cannot be sent, before asking the server; undefined when it can. Pure. */
export function draftProblem(text: string): 'empty' | 'too-long' | undefined {
  const trimmed = text.trim()
  if (trimmed.length === 0) return 'empty'
  if (trimmed.length > MESSAGE_MAX) return 'too-long'
  return undefined
}

export interface LiveActionsState {
  /** what was sent to this learner (or, for the class's actions, everything), oldest first */
  readonly sent: readonly LiveMessage[]
  readonly busy: 'sending' | 'ending' | null
  /** the last refusal (a draft's own problem, or the server's) */
  readonly refusal: ApiRefusal | null
  readonly draftProblem: 'empty' | 'too-long' | null
  /** the close time once "end now" was accepted here */
  readonly closesAt: string | null
  /** "end now" was sent (here, or before: found in what was sent) */
  readonly endSent: boolean
  /** the assignment is closed: nothing more can be sent */
  readonly closed: boolean
  /** reads what was sent so far */
  refresh(): Promise<void>
  /** sends a message; true when the server stored it */
  send(text: string): Promise<boolean>
  /** ends the assignment now */
  end(): Promise<boolean>
}

export type LiveActionsStore = StoreApi<LiveActionsState>

/**
 * The actions of the live view on one assignment: to one learner (`learnerId`), or to the class
 * (null); "end now" is the class's.
 */
export function createLiveActions(
  assignmentId: string,
  learnerId: string | null,
  api = liveCommandsApi,
): LiveActionsStore {
  const mine = (m: LiveMessage) =>
    learnerId === null || m.learnerId === learnerId || (m.toClass && m.kind === 'message')
  return createStore<LiveActionsState>()((set, get) => {
    const refused = (error: ApiRefusal) =>
      set({ refusal: error, closed: get().closed || error.code === 'assignment-closed' })
    return {
      sent: [],
      busy: null,
      refusal: null,
      draftProblem: null,
      closesAt: null,
      endSent: false,
      closed: false,
      async refresh() {
        const answer = await api.list(assignmentId)
        if (!answer.ok) return refused(answer.error)
        set({
          sent: answer.value.filter(mine),
          endSent: get().endSent || answer.value.some((m) => m.kind === 'end'),
        })
      },
      async send(text) {
        const problem = draftProblem(text)
        set({ draftProblem: problem ?? null, refusal: null })
        if (problem || get().busy) return false
        set({ busy: 'sending' })
        const answer = await api.send(assignmentId, text.trim(), learnerId)
        set({ busy: null })
        if (!answer.ok) {
          refused(answer.error)
          return false
        }
        set({ sent: [...get().sent.filter((m) => m.seq !== answer.value.seq), answer.value] })
        return true
      },
      async end() {
        if (get().busy) return false
        set({ busy: 'ending', refusal: null, draftProblem: null })
        const answer = await api.end(assignmentId)
        set({ busy: null })
        if (!answer.ok) {
          refused(answer.error)
          return false
        }
        set({ closesAt: answer.value.closesAt, endSent: true })
        return true
      },
    }
  })
}
