// The live class view's own address: `?live=<assignment id>` (and `&learner=<user id>` for one
// learner's live 3D view), so that a reload, a bookmark or the browser's Back keep the view. The
// app's screens are a store (appStore): a change of address here asks the app to draw again.
import { appStore } from '../appStore.ts'

export interface LiveAddress {
  readonly assignmentId: string
  /** the learner whose live 3D view is open */
  readonly learnerId: string | null
}

/** The live view the page's address names, if any. Pure but for reading `search`. */
export function liveAddressOf(search: string): LiveAddress | null {
  const params = new URLSearchParams(search)
  const assignmentId = params.get('live')
  if (!assignmentId) return null
  return { assignmentId, learnerId: params.get('learner') || null }
}

export const currentLiveAddress = (): LiveAddress | null =>
  liveAddressOf(globalThis.location?.search ?? '')

/** Whether the address named a live view when the app last drew (from here). */
let wasLive = currentLiveAddress() !== null

/** The app draws its screen again (it reads the address for the live view). */
const redraw = () => appStore.getState().openStaff()

function go(address: LiveAddress): void {
  const url = new URL(globalThis.location.href)
  url.searchParams.set('live', address.assignmentId)
  if (address.learnerId) url.searchParams.set('learner', address.learnerId)
  else url.searchParams.delete('learner')
  globalThis.history.pushState(null, '', url)
  wasLive = true
  redraw()
}

/** Opens the live view of an assignment (or of one learner on it). */
export function openLive(assignmentId: string, learnerId: string | null = null): void {
  go({ assignmentId, learnerId })
}

/** Leaves the live view and goes to another screen of the app (the library, say). */
export function leaveLiveFor(open: () => void): void {
  const url = new URL(globalThis.location.href)
  url.searchParams.delete('live')
  url.searchParams.delete('learner')
  globalThis.history.replaceState(null, '', url)
  wasLive = false
  open()
}

// the browser's Back and Forward move between the class, a learner and the staff's screens;
// other moves in the history are not the live view's
globalThis.addEventListener?.('popstate', () => {
  const live = currentLiveAddress() !== null
  if (live || wasLive) redraw()
  wasLive = live
})
