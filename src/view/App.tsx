import { lazy, Suspense } from 'react'
import { useStore } from 'zustand'
import { appStore } from '../state/appStore.ts'
import { LibraryScreen } from './learner/LibraryScreen.tsx'
import { PlayScreen } from './learner/PlayScreen.tsx'
import { ResultScreen } from './learner/ResultScreen.tsx'

// the editor is only downloaded by those who open it
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
        <ResultScreen
          model={screen.model}
          attempt={screen.attempt}
          result={screen.result}
          editor={screen.editor}
        />
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
