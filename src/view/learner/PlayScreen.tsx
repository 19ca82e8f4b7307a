import { lazy, Suspense } from 'react'
import { useTranslation } from '../i18n/useTranslation.ts'
import { useStore } from 'zustand'
import { appStore } from '../../state/appStore.ts'
import { toAttempt, type AttemptStore } from '../../state/attemptStore.ts'
import type { EditorStore } from '../../state/editorStore.ts'
import { LeaveButtons } from '../panels/LeaveButtons.tsx'
import { RuntimeErrorNotice } from '../panels/ScreenErrorBoundary.tsx'
import { downloadJson, fileName } from '../download.ts'
import { hasServerSide } from '../../state/classroom/connect.ts'
import { sessionStore } from '../../state/classroom/sessionStore.ts'
import { i18n } from '../i18n/i18n.ts'
import { PlayLayout } from './PlayLayout.tsx'

// the instructor's live messages, downloaded (with their texts) only by a signed-in learner
const LiveInbox = lazy(() =>
  Promise.all([
    import('../classroom/learner/LiveInbox.tsx'),
    i18n.loadSection('liveActions').catch(() => {}),
  ]).then(([m]) => ({ default: m.LiveInbox })),
)

export interface PlayScreenProps {
  readonly store: AttemptStore
  /** Set when the instructor is trying a draft: the way back to the editor. */
  readonly editor?: EditorStore | undefined
}

/** The learner at work: the 3D scene, the clock, and in practice mode the checklist and feedback. */
export function PlayScreen({ store, editor }: PlayScreenProps) {
  const { t } = useTranslation()
  const { model } = store.getState().setup
  const learnerOnServer = useStore(
    sessionStore,
    (s) => hasServerSide(s) && s.user?.role === 'learner' && !editor,
  )
  const showResult = () => {
    const s = store.getState()
    if (s.result) appStore.getState().showResult(model, toAttempt(s.setup, s.events), s.result)
  }
  return (
    <PlayLayout
      store={store}
      onResult={showResult}
      stopped={(message) => <ScenarioStopped store={store} editor={editor} message={message} />}
      barExtra={
        editor && (
          <button type="button" onClick={() => appStore.getState().openEditor(editor)}>
            {t('play.backToEditor')}
          </button>
        )
      }
      banners={<PlayBanners store={store} />}
    >
      {learnerOnServer && (
        <Suspense fallback={null}>
          <LiveInbox />
        </Suspense>
      )}
    </PlayLayout>
  )
}

interface PlayPartProps {
  readonly store: AttemptStore
  readonly editor?: EditorStore | undefined
}

/** What the learner must know about this attempt: another tab has it, or storage failed. */
function PlayBanners({ store }: PlayPartProps) {
  const { t } = useTranslation()
  const { setup } = store.getState()
  const readOnly = useStore(store, (s) => s.readOnly)
  const storageError = useStore(store, (s) => s.storageError)
  // the events are read when asked for: the banner does not redraw on every act
  const soFar = () => toAttempt(setup, store.getState().events)
  return (
    <>
      {readOnly && (
        <p className="banner" role="alert">
          {t('play.readOnly')}
        </p>
      )}
      {storageError && (
        <p className="banner bad" role="alert">
          {t(storageError === 'quota' ? 'play.storageQuota' : 'play.storageFailed')}{' '}
          <button
            type="button"
            onClick={() =>
              downloadJson(
                `${fileName(setup.model.scenario.id, setup.learner.id, setup.attemptId)}.attempt.json`,
                soFar(),
              )
            }
          >
            {t('play.downloadSoFar')}
          </button>
        </p>
      )}
    </>
  )
}

/** The scenario met a mistake of its own: the attempt stops, every event so far offered for download. */
function ScenarioStopped({ store, editor, message }: PlayPartProps & { readonly message: string }) {
  const { setup, events } = store.getState()
  return (
    <RuntimeErrorNotice
      kind="scenario"
      detail={message}
      attempt={toAttempt(setup, events)}
      actions={<LeaveButtons editor={editor} />}
    />
  )
}
