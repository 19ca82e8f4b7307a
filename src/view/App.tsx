import { useStore } from 'zustand'
import { appStore } from '../state/appStore.ts'
import { LibraryScreen } from './learner/LibraryScreen.tsx'
import { PlayScreen } from './learner/PlayScreen.tsx'
import { ResultScreen } from './learner/ResultScreen.tsx'

/** The learner's app: library, play, result. */
export function App() {
  const screen = useStore(appStore, (s) => s.screen)
  switch (screen.name) {
    case 'library':
      return <LibraryScreen />
    case 'play':
      return <PlayScreen key={screen.store.getState().setup.attemptId} store={screen.store} />
    case 'result':
      return <ResultScreen model={screen.model} attempt={screen.attempt} result={screen.result} />
  }
}
