// The review screen's attempts from the Practica server: a class (or one assignment) opened as
// the same review items files give (every attempt scored again here by the engine, against the
// exact scenario bytes the server holds, and flagged when the server's stored result differs);
// judgement marks saved on the server, which records who and when; the marks' audit log; and the
// class's exports as the server makes them.
import { createStore } from 'zustand/vanilla'
import type { Attempt } from '../../core/index.ts'
import { appStore } from '../appStore.ts'
import {
  importFiles,
  isSameResult,
  rescore,
  type InputFile,
  type ReviewItem,
} from '../reviewImport.ts'
import { reviewStore } from '../reviewStore.ts'
import { sessionStore } from './sessionStore.ts'
import { staffApi, type ApiOutcome, type AuditEntry, type ExportFormat } from './staffApi.ts'

export interface ServerSource {
  readonly classId: string
  /** one assignment of the class, or the whole class */
  readonly assignmentId: string | null
}

export interface ServerReviewState {
  /** what the review shows from the server; null: files only */
  readonly source: ServerSource | null
  /** the review items that came from the server (by key), with their stored result's revision */
  readonly revisions: Readonly<Record<string, number | null>>
  /** judgement marks being saved, by item key */
  readonly saving: Readonly<Record<string, boolean>>
  /** Opens a class or one of its assignments in the review, replacing what it showed. */
  open(source: ServerSource): Promise<ApiOutcome<number>>
  /** Back to files: the server's attempts leave the review. */
  close(): void
  /** Saves a mark on the server (null clears it) and shows the attempt as the server now has it. */
  mark(key: string, judgement: string, mark: number | null): Promise<ApiOutcome<number>>
  audit(attemptId: string): Promise<ApiOutcome<AuditEntry[]>>
  /** The class's (or the assignment's) export in `format`, as the server makes it. */
  exportFile(format: ExportFormat): Promise<ApiOutcome<Uint8Array>>
}

const encoder = new TextEncoder()
const jsonFile = (name: string, value: unknown): InputFile => ({
  name,
  bytes: encoder.encode(JSON.stringify(value)),
})

/** The server review store: one per page. */
export function createServerReview() {
  return createStore<ServerReviewState>()((set, get) => ({
    source: null,
    revisions: {},
    saving: {},
    async open(source) {
      const answer = source.assignmentId
        ? await staffApi.assignmentResults(source.assignmentId)
        : await staffApi.classResults(source.classId)
      if (!answer.ok) return answer
      const { scenarios, attempts } = answer.value
      const files: InputFile[] = []
      for (const s of scenarios) {
        const bytes = await staffApi.scenarioBytes(s.id, s.version)
        if (!bytes.ok) return bytes
        files.push({ name: `${s.id}@${s.version}.json`, bytes: bytes.value })
      }
      for (const a of attempts) {
        files.push(jsonFile(`${a.learnerName} ${a.attempt.id}.attempt.json`, a.attempt))
        // the server's stored result: the review flags it if the engine here scores otherwise
        if (a.result) files.push(jsonFile(`${a.attempt.id}.result.json`, a.result))
      }
      const { items, scenarios: models } = importFiles(files, [])
      reviewStore.setState({ items, scenarios: models, selected: null })
      set({
        source,
        revisions: Object.fromEntries(attempts.map((a) => [a.attempt.id, a.revision])),
        saving: {},
      })
      return { ok: true, value: attempts.length }
    },
    close() {
      const keys = get().revisions
      const review = reviewStore.getState()
      reviewStore.setState({
        items: review.items.filter((i) => !(i.key in keys)),
        selected: review.selected !== null && review.selected in keys ? null : review.selected,
      })
      set({ source: null, revisions: {}, saving: {} })
    },
    async mark(key, judgement, mark) {
      const replace = (next: ReviewItem) =>
        reviewStore.setState({
          items: reviewStore.getState().items.map((i) => (i.key === key ? next : i)),
        })
      const before = reviewStore.getState().items.find((i) => i.key === key)
      // shown at once, as the server will have it; put back if the server refuses
      if (before?.attempt) {
        const judgements = { ...(before.attempt.judgements ?? {}) }
        if (mark === null) delete judgements[judgement]
        else
          judgements[judgement] = {
            mark,
            assessor: sessionStore.getState().user?.name ?? '',
            at: new Date().toISOString(),
          }
        replace({ ...rescore(before, { ...before.attempt, judgements }), mismatch: false })
      }
      set({ saving: { ...get().saving, [key]: true } })
      const done = (outcome: ApiOutcome<number>) => {
        set({ saving: { ...get().saving, [key]: false } })
        return outcome
      }
      const saved = await staffApi.mark(key, judgement, mark)
      if (!saved.ok) {
        if (before) replace(before)
        return done(saved)
      }
      // who marked and when, as the server recorded them
      const stored = await staffApi.attempt(key)
      const item = reviewStore.getState().items.find((i) => i.key === key)
      if (item?.attempt && stored.ok) {
        const { judgements } = stored.value
        const attempt: Attempt = { ...item.attempt, judgements: judgements ?? {} }
        const next = rescore(item, attempt)
        // the engine here and the server's stored result must agree
        replace({
          ...next,
          mismatch: next.result ? !isSameResult(saved.value.result, next.result) : false,
        })
      }
      set({ revisions: { ...get().revisions, [key]: saved.value.revision } })
      return done({ ok: true, value: saved.value.revision })
    },
    audit(attemptId) {
      return staffApi.audit(attemptId)
    },
    async exportFile(format) {
      const source = get().source
      if (!source) return { ok: true, value: new Uint8Array() }
      return staffApi.exportClass(source.classId, format, source.assignmentId ?? undefined)
    },
  }))
}

export type ServerReview = ReturnType<typeof createServerReview>

export const serverReview = createServerReview()

/** Opens the review screen on a class (or one assignment) as the server has it. */
export async function reviewOnServer(source: ServerSource): Promise<ApiOutcome<number>> {
  appStore.getState().openReview()
  return serverReview.getState().open(source)
}

/** Whether a review item came from the server (its marks are saved there). */
export function isServerItem(key: string): boolean {
  return key in serverReview.getState().revisions
}
