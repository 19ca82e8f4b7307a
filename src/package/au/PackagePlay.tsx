// The learner at work in the package: the app's play screen around the attempt's store (the
// engine runs there), without the library's, the editor's or the server's parts.
import type { AttemptStore } from '../../state/attemptStore.ts'
import { useTranslation } from '../../view/i18n/useTranslation.ts'
import { PlayLayout } from '../../view/learner/PlayLayout.tsx'

export interface PackagePlayProps {
  readonly store: AttemptStore
  /** The learner asks for the result of the attempt that has ended. */
  readonly onResult: () => void
}

/** The scene, the clock, and in practice mode the checklist and feedback. */
export function PackagePlay({ store, onResult }: PackagePlayProps) {
  const { t } = useTranslation()
  return (
    <PlayLayout
      store={store}
      onResult={onResult}
      stopped={(message) => (
        <div className="ended" role="alert">
          <p>{t('package.problem.scenario-broken')}</p>
          <p>{message}</p>
        </div>
      )}
    />
  )
}
