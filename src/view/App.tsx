import { lazy, Suspense, useEffect } from 'react'
import { useStore } from 'zustand'
import { appStore } from '../state/appStore.ts'
import { LibraryScreen } from './learner/LibraryScreen.tsx'
import { PlayScreen } from './learner/PlayScreen.tsx'

// the result is downloaded while the learner plays, so it is there when the attempt ends
const loadResultScreen = () => import('./learner/ResultScreen.tsx')
const ResultScreen = lazy(() => loadResultScreen().then((m) => ({ default: m.ResultScreen })))
// the history and the other roles' screens are only downloaded by those who open them
const HistoryScreen = lazy(() =>
  import('./learner/HistoryScreen.tsx').then((m) => ({ default: m.HistoryScreen })),
)
const ReviewScreen = lazy(() =>
  import('./assessor/ReviewScreen.tsx').then((m) => ({ default: m.ReviewScreen })),
)
const EditorRoute = lazy(() =>
  import('./instructor/EditorRoute.tsx').then((m) => ({ default: m.EditorRoute })),
)

/** The app: the learner's library, play and result screens, the instructor's editor, the assessor's review. */
export function App() {
  const screen = useStore(appStore, (s) => s.screen)
  const playing = screen.name === 'play'
  useEffect(() => {
    if (playing) void loadResultScreen()
  }, [playing])
  switch (screen.name) {
    case 'library':
      return <LibraryScreen />
    case 'play':
      return (
        <PlayScreen
          key={screen.store.getState().setup.attemptId}
          store={screen.store}
          editor={screen.editor}
        />
      )
    case 'result':
      return (
        <Suspense fallback={<p>…</p>}>
          <ResultScreen
            model={screen.model}
            attempt={screen.attempt}
            result={screen.result}
            editor={screen.editor}
          />
        </Suspense>
      )
    case 'history':
      return (
        <Suspense fallback={<p>…</p>}>
          <HistoryScreen />
        </Suspense>
      )
    case 'review':
      return (
        <Suspense fallback={<p>…</p>}>
          <ReviewScreen />
        </Suspense>
      )
    case 'editor-home':
    case 'editor':
      return (
        <Suspense fallback={<p>…</p>}>
          <EditorRoute store={screen.name === 'editor' ? screen.store : undefined} />
        </Suspense>
      )
  }
}
