// The recorder's edits of a recording before it goes in: titles, groups, critical steps, points,
// a reading's threshold, a state's name and the hazards kept. Each refreshes the hazards the order
// proposes where it changes the recorded steps.
import type { StoreApi } from 'zustand/vanilla'
import type { JsonObject } from '../core/index.ts'
import type { RecorderState } from './recorder.ts'
import { readingStep, retitled, sameName, stateNameEdit } from './recorderWords.ts'

/** What the edits share with the recorder. */
export interface RecorderContext {
  readonly get: StoreApi<RecorderState>['getState']
  readonly set: StoreApi<RecorderState>['setState']
  /** The draft being recorded on. */
  readonly doc: () => JsonObject
  readonly refreshHazards: () => void
  /** The ids used so far, new ones join it. */
  readonly taken: () => Set<string>
}

type Edits = Pick<
  RecorderState,
  | 'setReplace'
  | 'setTitle'
  | 'update'
  | 'remove'
  | 'setThreshold'
  | 'confirmReading'
  | 'dropReading'
  | 'nameState'
  | 'chooseHazard'
>

export function recorderEdits({ get, set, doc, refreshHazards, taken }: RecorderContext): Edits {
  return {
    setReplace(replace) {
      set({ replace })
      refreshHazards()
    },
    setTitle(index, locale, text) {
      set({
        steps: get().steps.map((s, i) =>
          i === index ? { ...s, titles: { ...s.titles, [locale]: text } } : s,
        ),
      })
    },
    update(index, change) {
      set({ steps: get().steps.map((s, i) => (i === index ? { ...s, ...change } : s)) })
      refreshHazards()
    },
    remove(index) {
      set({ steps: get().steps.filter((_, i) => i !== index) })
      refreshHazards()
    },
    setThreshold(threshold) {
      const reading = get().reading
      if (reading) set({ reading: { ...reading, threshold } })
    },
    confirmReading(asRead = false) {
      const reading = get().reading
      if (!reading) return
      const step = readingStep(doc(), reading, asRead, taken())
      set({ reading: null, steps: [...get().steps, step] })
      refreshHazards()
    },
    dropReading() {
      set({ reading: null })
    },
    nameState(missing, name) {
      const editor = get().editor
      const edit = editor && stateNameEdit(doc(), missing, name)
      if (!editor || !edit) return
      editor.getState().run(edit)
      set({
        missing: get().missing.filter((m) => !sameName(m, missing)),
        steps: retitled(get().steps, doc(), missing),
      })
    },
    chooseHazard(index, chosen) {
      set({ hazards: get().hazards.map((h, i) => (i === index ? { ...h, chosen } : h)) })
    },
  }
}
