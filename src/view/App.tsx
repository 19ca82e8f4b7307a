import { lazy, Suspense, useEffect, type ReactNode } from 'react'
import { useStore } from 'zustand'
import type { Attempt } from '../core/index.ts'
import { appStore, type Screen } from '../state/appStore.ts'
import { toAttempt } from '../state/attemptStore.ts'
import type { EditorStore } from '../state/editorStore.ts'
import { i18n } from './i18n/i18n.ts'
import { LibraryScreen } from './learner/LibraryScreen.tsx'
import { PlayScreen } from './learner/PlayScreen.tsx'
import { AccessNotices } from './panels/AccessNotices.tsx'
import { InsecureNotice } from './panels/InsecureNotice.tsx'
import { LeaveButtons } from './panels/LeaveButtons.tsx'
import { RuntimeErrorNotice, ScreenErrorBoundary } from './panels/ScreenErrorBoundary.tsx'

// screens with their texts (kept apart from the learner's, i18n.ts), so they never show a bare key
const withTexts = <T,>(sections: readonly string[], load: Promise<T>): Promise<T> =>
  Promise.all([load, ...sections.map((s) => i18n.loadSection(s).catch(() => {}))]).then(
    ([loaded]) => loaded,
  )
// the result is downloaded while the learner plays, so it is there when the attempt ends
// (with the class server's texts: it says whether the attempt reached the server)
const loadResultScreen = () => withTexts(['result', 'server'], import('./learner/ResultScreen.tsx'))
const ResultScreen = lazy(() => loadResultScreen().then((m) => ({ default: m.ResultScreen })))
// the history and the other roles' screens are only downloaded by those who open them
const HistoryScreen = lazy(() =>
  withTexts(['result', 'server'], import('./learner/HistoryScreen.tsx')).then((m) => ({
    default: m.HistoryScreen,
  })),
)
const ReviewScreen = lazy(() =>
  withTexts(['review', 'result', 'staff', 'server'], import('./assessor/ReviewScreen.tsx')).then(
    (m) => ({
      default: m.ReviewScreen,
    }),
  ),
)
// the look sheet (`?sheet=looks`): the catalogue shown for its makers and the README's pictures
const LookSheetScreen = lazy(() =>
  import('./scene/looks/LookSheetScreen.tsx').then((m) => ({ default: m.LookSheetScreen })),
)
const SHEET = new URLSearchParams(globalThis.location?.search).get('sheet') === 'looks'
// the staff's screens on the Practica server, and its first-start setup link (`/?setup=<token>`)
const StaffRoute = lazy(() =>
  withTexts(['staff', 'live', 'server'], import('./classroom/staff/StaffRoute.tsx')).then((m) => ({
    default: m.StaffRoute,
  })),
)
const setupToken = () => new URLSearchParams(globalThis.location?.search).get('setup')
// the live class view of an assignment (`?live=<assignment id>`), at its own address
const LiveRoute = lazy(() =>
  withTexts(['live', 'staff', 'review', 'server'], import('./live/LiveRoute.tsx')).then((m) => ({
    default: m.LiveRoute,
  })),
)
const liveAddress = () => new URLSearchParams(globalThis.location?.search).get('live')
const EditorRoute = lazy(() =>
  withTexts(['editor', 'result', 'server', 'record'], import('./instructor/EditorRoute.tsx')).then(
    (m) => ({
      default: m.EditorRoute,
    }),
  ),
)

/** The app: the learner's library, play and result screens, the instructor's editor, the assessor's review. */
export function App() {
  const screen = useStore(appStore, (s) => s.screen)
  const playing = screen.name === 'play'
  useEffect(() => {
    if (playing) void loadResultScreen()
  }, [playing])
  return (
    <ScreenErrorBoundary
      key={screenKey(screen)}
      attempt={() => attemptOf(screen)}
      actions={<LeaveButtons editor={editorOf(screen)} />}
    >
      <InsecureNotice />
      <AccessNotices />
      <Suspense fallback={<p>…</p>}>
        <ScreenOf screen={screen} />
      </Suspense>
    </ScreenErrorBoundary>
  )
}

function ScreenOf({ screen }: { readonly screen: Screen }): ReactNode {
  if (SHEET) return <LookSheetScreen />
  if (setupToken()) return <StaffRoute setupToken={setupToken()} />
  if (liveAddress()) return <LiveRoute />
  switch (screen.name) {
    case 'library':
      return <LibraryScreen />
    case 'play':
      return <PlayScreen store={screen.store} editor={screen.editor} />
    case 'failed':
      return (
        <main className="error-screen">
          <RuntimeErrorNotice
            level={1}
            kind="scenario"
            detail={screen.message}
            attempt={screen.attempt}
            actions={<LeaveButtons editor={editorOf(screen)} />}
          />
        </main>
      )
    case 'result':
      return (
        <ResultScreen
          model={screen.model}
          attempt={screen.attempt}
          result={screen.result}
          editor={screen.editor}
        />
      )
    case 'history':
      return <HistoryScreen />
    case 'review':
      return <ReviewScreen />
    case 'staff':
      return <StaffRoute />
    case 'editor-home':
    case 'editor':
      return <EditorRoute store={screen.name === 'editor' ? screen.store : undefined} />
  }
}

// a new screen (or a new attempt) starts with a fresh boundary: an error on one screen stays there
function screenKey(screen: Screen): string {
  return screen.name === 'play' ? `play:${screen.store.getState().setup.attemptId}` : screen.name
}

/** The attempt a screen holds, every event so far, for the download a failed screen offers. */
function attemptOf(screen: Screen): Attempt | undefined {
  if (screen.name === 'play') {
    const s = screen.store.getState()
    return toAttempt(s.setup, s.events)
  }
  return screen.name === 'result' || screen.name === 'failed' ? screen.attempt : undefined
}

/** The draft a screen was trying, if any: the failed screen offers the way back to it. */
function editorOf(screen: Screen): EditorStore | undefined {
  return screen.name === 'play' || screen.name === 'result' || screen.name === 'failed'
    ? screen.editor
    : undefined
}
