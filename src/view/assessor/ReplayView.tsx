import { useEffect, useMemo, useState } from 'react'
import { getResult, type Attempt, type Model, type Result } from '../../core/index.ts'
import { createReplayStore, stateAt } from '../../state/replay.ts'
import { isSameResult } from '../../state/reviewImport.ts'
import { createSceneUiStore } from '../../state/sceneUiStore.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
import { formatDuration } from '../panels/AttemptClock.tsx'
import type { PartController } from '../scene/partController.ts'
import { createSceneBridge } from '../scene/sceneBridge.ts'
import { SceneView } from '../scene/SceneView.tsx'

export interface ReplayViewProps {
  readonly model: Model
  readonly attempt: Attempt
  readonly result: Result
  /** Moves the replay to this event when it changes (a click in the timeline). */
  readonly jumpTo: { readonly t: number } | null
}

const SPEEDS = [1, 2, 4, 8] as const
const NO_ACTS: PartController = {
  primary: () => undefined,
  openMenu: () => undefined,
  stateKey: () => undefined,
  perform: () => undefined,
}

/** The attempt replayed in the learner's scene from its log: play, pause, speed, scrubber. */
export function ReplayView({ model, attempt, result, jumpTo }: ReplayViewProps) {
  const { t } = useTranslation()
  const store = useMemo(() => createReplayStore(model, attempt), [model, attempt])
  const ui = useMemo(() => createSceneUiStore(), [])
  const bridge = useMemo(() => createSceneBridge(), [])
  const end = result.durationMs
  const [ms, setMs] = useState(0)
  const [playing, setPlaying] = useState(false)
  const [speed, setSpeed] = useState<(typeof SPEEDS)[number]>(1)

  useEffect(() => {
    if (jumpTo) {
      setMs(jumpTo.t)
      setPlaying(false)
    }
  }, [jumpTo])
  useEffect(() => {
    if (!playing) return
    let last = performance.now()
    const id = setInterval(() => {
      const now = performance.now()
      setMs((m) => {
        const next = Math.min(end, m + (now - last) * speed)
        if (next >= end) setPlaying(false)
        return next
      })
      last = now
    }, 50)
    return () => clearInterval(id)
  }, [playing, speed, end])
  const sim = useMemo(() => stateAt(model, attempt, Math.round(ms), end), [model, attempt, ms, end])
  useEffect(() => store.setState({ sim }), [store, sim])
  const atEnd = ms >= end
  const matches = atEnd && isSameResult(getResult(model, sim, attempt), result)

  return (
    <section className="replay" aria-label={t('review.replay')}>
      <div className="replay-scene">
        <SceneView model={model} store={store} ui={ui} bridge={bridge} controller={NO_ACTS} />
      </div>
      <div className="replay-controls">
        <button
          type="button"
          onClick={() => (atEnd ? (setMs(0), setPlaying(true)) : setPlaying(!playing))}
        >
          {playing ? t('review.pause') : t('review.play')}
        </button>
        <label>
          {t('review.speed')}{' '}
          <select
            value={speed}
            onChange={(e) => setSpeed(Number(e.target.value) as (typeof SPEEDS)[number])}
          >
            {SPEEDS.map((s) => (
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
          onChange={(e) => (setPlaying(false), setMs(Number(e.target.value)))}
        />
        <span className="replay-time">
          {formatDuration(ms)} / {formatDuration(end)}
        </span>
        {atEnd && (
          <span role="status" className={matches ? 'good' : 'bad'}>
            {t(matches ? 'review.replayMatches' : 'review.replayDiffers')}
          </span>
        )}
      </div>
    </section>
  )
}
