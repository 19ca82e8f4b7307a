import { useTranslation } from '../i18n/useTranslation.ts'
import type { Attempt, Model, Result } from '../../core/index.ts'
import { appStore } from '../../state/appStore.ts'
import type { EditorStore } from '../../state/editorStore.ts'
import { downloadJson, fileName } from '../download.ts'
import { LanguageSwitch } from '../panels/LanguageSwitch.tsx'
import { ResultView } from '../panels/ResultView.tsx'
import { SavedStatusBadge } from '../classroom/learner/SavedStatusBadge.tsx'
import { useSavedStatus } from '../classroom/learner/useSavedStatus.ts'
import { useScenarioText } from '../useScenarioText.ts'

export interface ResultScreenProps {
  readonly model: Model
  readonly attempt: Attempt
  readonly result: Result
  readonly editor?: EditorStore | undefined
}

/** The learner's result, with the attempt and result files to hand in, and "try again". */
export function ResultScreen({ model, attempt, result: ownResult, editor }: ResultScreenProps) {
  const { t } = useTranslation()
  const names = useScenarioText(model)
  // where the attempt is kept; the server's own score replaces this browser's once it answers
  const saved = useSavedStatus(attempt.id)
  const result = saved?.serverResult ?? ownResult
  const base = fileName(
    model.scenario.id,
    attempt.learner?.id ?? '',
    attempt.startedAt?.replace(/[:.]/g, '') ?? attempt.id,
  )
  return (
    <main className="result-screen">
      <header className="bar">
        <h1>
          {t('result.title')}: {names.text(model.scenario.title)}
        </h1>
        <LanguageSwitch />
      </header>
      {saved && (
        <p className="saved-line">
          <SavedStatusBadge status={saved} live />
        </p>
      )}
      <ResultView model={model} result={result} attempt={attempt} />
      <div className="actions">
        <button type="button" onClick={() => downloadJson(`${base}.attempt.json`, attempt)}>
          {t('result.downloadAttempt')}
        </button>
        <button type="button" onClick={() => downloadJson(`${base}.result.json`, result)}>
          {t('result.downloadResult')}
        </button>
        {editor && (
          <button type="button" onClick={() => appStore.getState().openEditor(editor)}>
            {t('play.backToEditor')}
          </button>
        )}
        {/* an assignment is started again from the library, which counts its attempts */}
        {!saved?.assignmentId && (
          <button
            type="button"
            className="primary"
            onClick={() => appStore.getState().start(model, editor)}
          >
            {t('result.tryAgain')}
          </button>
        )}
        <button type="button" onClick={() => appStore.getState().backToLibrary()}>
          {t('result.backToLibrary')}
        </button>
      </div>
    </main>
  )
}
