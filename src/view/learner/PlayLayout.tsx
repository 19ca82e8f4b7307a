// The play screen around an attempt's store, for the app's PlayScreen and the LMS package's
// PackagePlay alike: the bar, the scene and its views, what shows when the attempt ends, and the
// side panels. Each adds its own parts through the slots (the way back to the editor, banners,
// what a stopped scenario offers, the live inbox).
import { useEffect, useMemo, useState, type ReactNode } from 'react'
import { useStore } from 'zustand'
import type { AttemptStore } from '../../state/attemptStore.ts'
import { createSceneUiStore, type SceneUiStore } from '../../state/sceneUiStore.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
import { Announcer } from '../panels/Announcer.tsx'
import { AttemptClock } from '../panels/AttemptClock.tsx'
import { ChecklistPanel } from '../panels/ChecklistPanel.tsx'
import { FeedbackPanel } from '../panels/FeedbackPanel.tsx'
import { LanguageSwitch } from '../panels/LanguageSwitch.tsx'
import { SceneUiToggle } from '../panels/SceneUiToggle.tsx'
import { BackToView } from '../scene/BackToView.tsx'
import { createPartController } from '../scene/partController.ts'
import { createSceneBridge } from '../scene/sceneBridge.ts'
import { SceneView } from '../scene/SceneView.tsx'
import { ViewBar } from '../scene/ViewBar.tsx'
import { WornTray } from '../scene/WornTray.tsx'
import { useScenarioText } from '../useScenarioText.ts'
import { GraphicsControl } from './GraphicsControl.tsx'

export interface PlayLayoutProps {
  readonly store: AttemptStore
  /** The learner asks for the result of the attempt that has ended. */
  readonly onResult: () => void
  /** What shows over the scene when the scenario stopped on a mistake of its own. */
  readonly stopped: (message: string) => ReactNode
  /** In the bar, before "finish": e.g. the way back to the editor. */
  readonly barExtra?: ReactNode
  /** Under the bar: what the learner must know about this attempt. */
  readonly banners?: ReactNode
  /** After the side panels and the announcer. */
  readonly children?: ReactNode
}

/** The learner at work: the 3D scene, the clock, and in practice mode the checklist and feedback. */
export function PlayLayout(props: PlayLayoutProps) {
  const { store, onResult, stopped, barExtra, banners, children } = props
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
      <PlayBar store={store} ui={ui} extra={barExtra} />
      {banners}
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
            {runtimeError !== null && stopped(runtimeError)}
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
      {children}
    </main>
  )
}

interface PlayBarProps {
  readonly store: AttemptStore
  readonly ui: SceneUiStore
  readonly extra: ReactNode
}

/** The bar above the scene: title, mode, clock, labels, language, graphics, and "finish". */
function PlayBar({ store, ui, extra }: PlayBarProps) {
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
      {extra}
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
