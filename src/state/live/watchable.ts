// The assignments an assessor may watch live, by class: their staff screen lists classes only,
// so a class's assignments are read when the assessor asks for them.
import { createStore } from 'zustand/vanilla'
import { staffApi, type ApiRefusal, type Assignment } from '../classroom/staffApi.ts'

export interface WatchableState {
  /** each class's assignments, once read */
  readonly lists: Readonly<Record<string, readonly Assignment[]>>
  /** a class whose assignments could not be read, and why */
  readonly refusals: Readonly<Record<string, ApiRefusal>>
  /** Reads a class's assignments (again). */
  load(classId: string): Promise<void>
}

export function createWatchable() {
  return createStore<WatchableState>()((set, get) => ({
    lists: {},
    refusals: {},
    async load(classId) {
      const answer = await staffApi.assignments(classId)
      const refusals = { ...get().refusals }
      delete refusals[classId]
      if (answer.ok) set({ lists: { ...get().lists, [classId]: answer.value }, refusals })
      else set({ refusals: { ...refusals, [classId]: answer.error } })
    },
  }))
}

export const watchable = createWatchable()
