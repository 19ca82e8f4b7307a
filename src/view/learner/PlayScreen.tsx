import { lazy, Suspense, useEffect, useMemo, useState } from 'react'
import { useTranslation } from '../i18n/useTranslation.ts'
import { useStore } from 'zustand'
import { appStore } from '../../state/appStore.ts'
import { toAttempt, type AttemptStore } from '../../state/attemptStore.ts'
import type { EditorStore } from '../../state/editorStore.ts'
import { createSceneUiStore, type SceneUiStore } from '../../state/sceneUiStore.ts'
import { Announcer } from '../panels/Announcer.tsx'
import { AttemptClock } from '../panels/AttemptClock.tsx'
import { ChecklistPanel } from '../panels/ChecklistPanel.tsx'
import { FeedbackPanel } from '../panels/FeedbackPanel.tsx'
import { LanguageSwitch } from '../panels/LanguageSwitch.tsx'
import { GraphicsControl } from './GraphicsControl.tsx'
import { LeaveButtons } from '../panels/LeaveButtons.tsx'
import { SceneUiToggle } from '../panels/SceneUiToggle.tsx'
import { RuntimeErrorNotice } from '../panels/ScreenErrorBoundary.tsx'
import { createPartController } from '../scene/partController.ts'
import { createSceneBridge } from '../scene/sceneBridge.ts'
import { SceneView } from '../scene/SceneView.tsx'
import { ViewBar } from '../scene/ViewBar.tsx'
import { WornTray } from '../scene/WornTray.tsx'
import { useScenarioText } from '../useScenarioText.ts'
import { downloadJson, fileName } from '../download.ts'
import { hasServerSide } from '../../state/classroom/connect.ts'
import { sessionStore } from '../../state/classroom/sessionStore.ts'
import { i18n } from '../i18n/i18n.ts'
import { BackToView } from '../scene/BackToView.tsx'

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
  const { model, mode } = store.getState().setup
  const ui = useMemo(() => createSceneUiStore(), [])
  const bridge = useMemo(() => createSceneBridge(), [])
  const controller = useMemo(() => createPartController(model, store, ui), [model, store, ui])
  const endReason = useStore(store, (s) => s.sim.endReason)
  const runtimeError = useStore(store, (s) => s.runtimeError)
  const learnerOnServer = useStore(
    sessionStore,
    (s) => hasServerSide(s) && s.user?.role === 'learner' && !editor,
  )

  // the simulation runs live at the scenario's tick
  useEffect(() => {
    const id = setInterval(() => store.getState().advance(), model.tickMs)
    return () => clearInterval(id)
  }, [store, model.tickMs])

  const showResult = () => {
    const s = store.getState()
    if (s.result) appStore.getState().showResult(model, toAttempt(s.setup, s.events), s.result)
  }

  return (
    <main className={`play-screen mode-${mode}`}>
      <PlayHeader store={store} ui={ui} editor={editor} />
      <PlayBanners store={store} />
      <div className="play-body">
        <div className="scene-column">
          <ViewBar model={model} ui={ui} />
          <div className="scene-wrap">
            <SceneView
              model={model}
              store={store}
              ui={ui}
              bridge={bridge}
              controller={controller}
            />
            <BackToView ui={ui} />
            {runtimeError !== null && (
              <ScenarioStopped store={store} editor={editor} message={runtimeError} />
            )}
            {endReason && !runtimeError && (
              <div className="ended" role="alert">
                <p>{t(`play.ended.${endReason}`)}</p>
                <button type="button" className="primary" onClick={showResult}>
                  {t('play.showResult')}
                </button>
              </div>
            )}
          </div>
        </div>
        <aside className="side">
          <WornTray model={model} store={store} controller={controller} />
          {mode === 'practice' && <ChecklistPanel store={store} ui={ui} />}
          <FeedbackPanel store={store} />
          <p className="keys-help">{t('play.keysHelp')}</p>
        </aside>
      </div>
      <Announcer store={store} />
      {learnerOnServer && (
        <Suspense fallback={null}>
          <LiveInbox />
        </Suspense>
      )}
    </main>
  )
}

interface PlayPartProps {
  readonly store: AttemptStore
  readonly editor?: EditorStore | undefined
}

/** The bar above the scene: title, mode, clock, labels, language, the way back, and "finish". */
function PlayHeader({ store, ui, editor }: PlayPartProps & { readonly ui: SceneUiStore }) {
  const { t } = useTranslation()
  const { model, mode } = store.getState().setup
  const names = useScenarioText(model)
  const stopped = useStore(store, (s) => s.sim.endReason !== null || s.runtimeError !== null)
  const [confirming, setConfirming] = useState(false)
  return (
    <header className="bar">
      <h1>{names.text(model.scenario.title)}</h1>
      <span className="mode-badge">{t(`library.${mode}`)}</span>
      <AttemptClock store={store} />
      <SceneUiToggle ui={ui} flag="showLabels" label={t('play.labels')} className="labels-toggle" />
      <LanguageSwitch />
      <GraphicsControl />
      {editor && (
        <button type="button" onClick={() => appStore.getState().openEditor(editor)}>
          {t('play.backToEditor')}
        </button>
      )}
      {!stopped &&
        (confirming ? (
          <span className="confirm" role="group" aria-label={t('play.finishConfirm')}>
            {t('play.finishConfirm')}{' '}
            <button type="button" className="primary" onClick={() => store.getState().finish()}>
              {t('play.finish')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('play.cancel')}
            </button>
          </span>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            {t('play.finish')}
          </button>
        ))}
    </header>
  )
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
