// The learner at work in the package: the app's scene and panels around the attempt's store (the
// engine runs there), without the library's, the editor's or the server's parts.
import { useEffect, useMemo, useState } from 'react'
import { useStore } from 'zustand'
import type { AttemptStore } from '../../state/attemptStore.ts'
import { createSceneUiStore, type SceneUiStore } from '../../state/sceneUiStore.ts'
import { useTranslation } from '../../view/i18n/useTranslation.ts'
import { GraphicsControl } from '../../view/learner/GraphicsControl.tsx'
import { Announcer } from '../../view/panels/Announcer.tsx'
import { AttemptClock } from '../../view/panels/AttemptClock.tsx'
import { ChecklistPanel } from '../../view/panels/ChecklistPanel.tsx'
import { FeedbackPanel } from '../../view/panels/FeedbackPanel.tsx'
import { LanguageSwitch } from '../../view/panels/LanguageSwitch.tsx'
import { SceneUiToggle } from '../../view/panels/SceneUiToggle.tsx'
import { createPartController } from '../../view/scene/partController.ts'
import { createSceneBridge } from '../../view/scene/sceneBridge.ts'
import { SceneView } from '../../view/scene/SceneView.tsx'
import { ViewBar } from '../../view/scene/ViewBar.tsx'
import { WornTray } from '../../view/scene/WornTray.tsx'
import { useScenarioText } from '../../view/useScenarioText.ts'
import { BackToView } from '../../view/scene/BackToView.tsx'

export interface PackagePlayProps {
  readonly store: AttemptStore
  /** The learner asks for the result of the attempt that has ended. */
  readonly onResult: () => void
}

/** The scene, the clock, and in practice mode the checklist and feedback. */
export function PackagePlay({ store, onResult }: PackagePlayProps) {
  const { t } = useTranslation()
  const { model, mode } = store.getState().setup
  const ui = useMemo(() => createSceneUiStore(), [])
  const bridge = useMemo(() => createSceneBridge(), [])
  const controller = useMemo(() => createPartController(model, store, ui), [model, store, ui])
  const endReason = useStore(store, (s) => s.sim.endReason)
  const runtimeError = useStore(store, (s) => s.runtimeError)

  // the simulation runs live at the scenario's tick
  useEffect(() => {
    const id = setInterval(() => store.getState().advance(), model.tickMs)
    return () => clearInterval(id)
  }, [store, model.tickMs])

  return (
    <main className={`play-screen mode-${mode}`}>
      <PlayHeader store={store} ui={ui} />
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
              <div className="ended" role="alert">
                <p>{t('package.problem.scenario-broken')}</p>
                <p>{runtimeError}</p>
              </div>
            )}
            {endReason && !runtimeError && (
              <div className="ended" role="alert">
                <p>{t(`play.ended.${endReason}`)}</p>
                <button type="button" className="primary" onClick={onResult}>
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
    </main>
  )
}

/** The bar above the scene: title, mode, clock, labels, language, graphics, and "finish". */
function PlayHeader({ store, ui }: { readonly store: AttemptStore; readonly ui: SceneUiStore }) {
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
