// The staff's screens on the Practica server: which one is open, and what the server last said
// (classes, their learners and assignments, published scenarios, staff accounts, settings). Every
// action calls the server and answers its outcome, so a screen can say what went wrong where the
// person acted; what changed is read back from the server, never guessed.
import { createStore } from 'zustand/vanilla'
import {
  staffApi,
  type ApiOutcome,
  type ApiRefusal,
  type Assignment,
  type ClassDetail,
  type ClassSummary,
  type NewAssignment,
  type PublishedScenario,
  type StaffAccount,
  type StaffRole,
} from './staffApi.ts'

export type StaffView = { readonly name: 'classes' } | { readonly name: 'admin' }

export interface StaffState {
  readonly view: StaffView
  /** the class open on the classes screen */
  readonly classId: string | null
  readonly classes: readonly ClassSummary[]
  /** each class's learners and assessors, by class id, as last read */
  readonly details: Readonly<Record<string, ClassDetail>>
  readonly assignments: Readonly<Record<string, readonly Assignment[]>>
  readonly scenarios: readonly PublishedScenario[]
  readonly accounts: readonly StaffAccount[]
  readonly retentionDays: number | null
  /** what went wrong reading the lists (the screens' own actions answer their outcomes) */
  readonly loadError: ApiRefusal | null
  show(view: StaffView): void
  /** Reads the lists a role needs: classes and scenarios; staff accounts and settings for an admin. */
  refresh(role: StaffRole): Promise<void>
  openClass(classId: string | null): Promise<void>
  readClass(classId: string): Promise<ApiOutcome<ClassDetail>>
  createClass(body: {
    name: string
    pin?: string
    learnerPins?: boolean
  }): Promise<ApiOutcome<ClassSummary>>
  updateClass(
    classId: string,
    body: { name?: string; pin?: string | null; learnerPins?: boolean },
  ): Promise<ApiOutcome<unknown>>
  resetPin(classId: string, userId: string): Promise<ApiOutcome<{ pin: string }>>
  publish(bytes: Uint8Array): Promise<ApiOutcome<PublishedScenario>>
  assign(classId: string, body: NewAssignment): Promise<ApiOutcome<Assignment>>
  closeAssignment(classId: string, assignmentId: string): Promise<ApiOutcome<unknown>>
  createAccount(body: {
    role: StaffRole
    login: string
    name: string
    password: string
  }): Promise<ApiOutcome<StaffAccount>>
  deleteAccount(userId: string): Promise<ApiOutcome<unknown>>
  setAssessor(classId: string, assessorId: string, on: boolean): Promise<ApiOutcome<unknown>>
  saveRetention(days: number): Promise<ApiOutcome<{ retentionDays: number }>>
  exportLearner(userId: string): Promise<ApiOutcome<unknown>>
  deleteLearner(classId: string, userId: string): Promise<ApiOutcome<unknown>>
}

const INITIAL = {
  view: { name: 'classes' } as StaffView,
  classId: null,
  classes: [],
  details: {},
  assignments: {},
  scenarios: [],
  accounts: [],
  retentionDays: null,
  loadError: null,
}

type Set = (partial: Partial<StaffState>) => void
type Get = () => StaffState

/** What the screens show, read from the server into the store; a failed read is the load error. */
function staffReads(set: Set, get: Get) {
  /** Reads one list into `key`. */
  const readList =
    <K extends 'classes' | 'scenarios' | 'accounts'>(
      key: K,
      request: () => Promise<ApiOutcome<StaffState[K]>>,
    ) =>
    async () => {
      const answer = await request()
      if (answer.ok) set({ [key]: answer.value })
      else set({ loadError: answer.error })
    }
  return {
    readClasses: readList('classes', staffApi.classes),
    readScenarios: readList('scenarios', staffApi.scenarios),
    readAccounts: readList('accounts', staffApi.users),
    async readSettings() {
      const settings = await staffApi.settings()
      if (settings.ok) set({ retentionDays: settings.value.retentionDays })
      else set({ loadError: settings.error })
    },
    async readAssignments(classId: string) {
      const list = await staffApi.assignments(classId)
      if (list.ok) set({ assignments: { ...get().assignments, [classId]: list.value } })
      return list
    },
  }
}

/** Runs a change; when it succeeds, reads back what it changed. */
async function change<T>(
  outcome: Promise<ApiOutcome<T>>,
  after: () => Promise<unknown>,
): Promise<ApiOutcome<T>> {
  const answer = await outcome
  if (answer.ok) await after()
  return answer
}

/** The staff store: one per page (tests make their own). */
export function createStaffStore() {
  return createStore<StaffState>()((set, get) => {
    const { readClasses, readScenarios, readAccounts, readSettings, readAssignments } = staffReads(
      set,
      get,
    )
    return {
      ...INITIAL,
      show(view) {
        set({ view })
      },
      async refresh(role) {
        set({ loadError: null })
        const reads: Promise<unknown>[] = [readClasses(), readScenarios()]
        if (role === 'admin') reads.push(readAccounts(), readSettings())
        await Promise.all(reads)
      },
      async openClass(classId) {
        set({ classId })
        if (!classId) return
        const [detail, list] = await Promise.all([
          get().readClass(classId),
          readAssignments(classId),
        ])
        if (!detail.ok) set({ loadError: detail.error })
        else if (!list.ok) set({ loadError: list.error })
      },
      async readClass(classId) {
        const detail = await staffApi.classDetail(classId)
        if (detail.ok) set({ details: { ...get().details, [classId]: detail.value } })
        return detail
      },
      async createClass(body) {
        const made = await staffApi.createClass(body)
        if (made.ok) {
          await readClasses()
          await get().openClass(made.value.id)
        }
        return made
      },
      updateClass(classId, body) {
        return change(staffApi.updateClass(classId, body), () =>
          Promise.all([readClasses(), get().readClass(classId)]),
        )
      },
      resetPin(classId, userId) {
        return change(staffApi.resetLearnerPin(userId), () => get().readClass(classId))
      },
      publish(bytes) {
        return change(staffApi.publish(bytes), readScenarios)
      },
      assign(classId, body) {
        return change(staffApi.assign(classId, body), () => readAssignments(classId))
      },
      closeAssignment(classId, assignmentId) {
        return change(staffApi.closeAssignment(assignmentId), () => readAssignments(classId))
      },
      createAccount(body) {
        return change(staffApi.createUser(body), readAccounts)
      },
      deleteAccount(userId) {
        return change(staffApi.deleteUser(userId), readAccounts)
      },
      setAssessor(classId, assessorId, on) {
        return change(
          on
            ? staffApi.addAssessor(classId, assessorId)
            : staffApi.removeAssessor(classId, assessorId),
          () => get().readClass(classId),
        )
      },
      async saveRetention(days) {
        const saved = await staffApi.saveSettings({ retentionDays: days })
        if (saved.ok) set({ retentionDays: saved.value.retentionDays })
        return saved
      },
      exportLearner(userId) {
        return staffApi.learnerExport(userId)
      },
      deleteLearner(classId, userId) {
        return change(staffApi.deleteLearner(userId), () => get().readClass(classId))
      },
    }
  })
}

export type StaffStore = ReturnType<typeof createStaffStore>

export const staffStore = createStaffStore()
