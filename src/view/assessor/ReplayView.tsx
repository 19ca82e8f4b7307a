import { useEffect, useMemo } from 'react'
import { useStore } from 'zustand'
import type { Attempt, Model } from '../../core/index.ts'
import {
  createReplayStoreOf,
  getReplay,
  REPLAY_SPEEDS,
  type ReplaySpeed,
} from '../../state/replay.ts'
import { createSceneUiStore } from '../../state/sceneUiStore.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
import { formatDuration } from '../panels/AttemptClock.tsx'
import { RuntimeErrorNotice } from '../panels/ScreenErrorBoundary.tsx'
import type { PartController } from '../scene/partController.ts'
import { createSceneBridge } from '../scene/sceneBridge.ts'
import { SceneView } from '../scene/SceneView.tsx'
import { ViewBar } from '../scene/ViewBar.tsx'

export interface ReplayViewProps {
  readonly model: Model
  readonly attempt: Attempt
  /** Moves the replay to this event when it changes (a click in the timeline). */
  readonly jumpTo: { readonly t: number } | null
}

const NO_ACTS: PartController = {
  primary: () => undefined,
  openMenu: () => undefined,
  stateKey: () => undefined,
  perform: () => undefined,
}

/** The attempt replayed in the learner's scene from its log: play, pause, speed, scrubber. */
export function ReplayView({ model, attempt, jumpTo }: ReplayViewProps) {
  const { t } = useTranslation()
  // one store per replay: an assessor's mark (a new attempt, the same events) keeps the moment shown
  const replay = getReplay(model, attempt)
  const store = useMemo(() => createReplayStoreOf(model, replay), [model, replay])
  const ui = useMemo(() => createSceneUiStore(), [])
  const bridge = useMemo(() => createSceneBridge(), [])
  const ms = useStore(store, (s) => s.ms)
  const end = useStore(store, (s) => s.durationMs)
  const playing = useStore(store, (s) => s.playing)
  const speed = useStore(store, (s) => s.speed)
  const error = useStore(store, (s) => s.error)

  useEffect(() => {
    if (jumpTo) store.getState().seek(jumpTo.t)
  }, [store, jumpTo])
  useEffect(() => {
    if (!playing) return
    let last = performance.now()
    const id = setInterval(() => {
      const now = performance.now()
      store.getState().forward(now - last)
      last = now
    }, 50)
    return () => clearInterval(id)
  }, [store, playing])

  return (
    <section className="replay" aria-label={t('review.replay')}>
      <ViewBar model={model} ui={ui} />
      <div className="replay-scene">
        <SceneView model={model} store={store} ui={ui} bridge={bridge} controller={NO_ACTS} />
      </div>
      <div className="replay-controls">
        <button type="button" onClick={() => store.getState().toggle()}>
          {playing ? t('review.pause') : t('review.play')}
        </button>
        <label>
          {t('review.speed')}{' '}
          <select
            value={speed}
            onChange={(e) => store.getState().setSpeed(Number(e.target.value) as ReplaySpeed)}
          >
            {REPLAY_SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
        <input
          type="range"
          min={0}
          max={end}
          step={100}
          value={ms}
          aria-label={t('review.scrubber')}
          onChange={(e) => store.getState().seek(Number(e.target.value))}
        />
        <span className="replay-time">
          {formatDuration(ms)} / {formatDuration(end)}
        </span>
      </div>
      {error && (
        <RuntimeErrorNotice
          kind="scenario"
          note={t('runtimeError.replay', { time: formatDuration(error.t) })}
          detail={error.message}
          attempt={attempt}
        />
      )}
    </section>
  )
}
