import { memo } from 'react'
import { useTranslation } from '../i18n/useTranslation.ts'
import { useStore } from 'zustand'
import { getStepStatus, getWaitingFor, type Model } from '../../core/index.ts'
import type { AttemptStore } from '../../state/attemptStore.ts'
import type { SceneUiStore } from '../../state/sceneUiStore.ts'
import { useScenarioText } from '../useScenarioText.ts'
import { SceneUiToggle } from './SceneUiToggle.tsx'

export interface ChecklistPanelProps {
  readonly store: AttemptStore
  readonly ui: SceneUiStore
}

/** Practice mode's checklist: each step's status, hints on request, and the highlight option. */
export function ChecklistPanel({ store, ui }: ChecklistPanelProps) {
  const { t } = useTranslation()
  const model = useStore(store, (s) => s.setup.model)
  return (
    <section className="checklist" aria-labelledby="checklist-title">
      <h2 id="checklist-title">{t('play.checklist')}</h2>
      <SceneUiToggle
        ui={ui}
        flag="highlightNext"
        label={t('play.highlight')}
        className="highlight-toggle"
      />
      <ol>
        {model.steps.map((s, i) => (
          <ChecklistStep key={s.id} store={store} model={model} index={i} />
        ))}
      </ol>
    </section>
  )
}

interface ChecklistStepProps {
  readonly store: AttemptStore
  readonly model: Model
  readonly index: number
}

// one row per step, each subscribed to its own figures (primitives), so an act or a tick
// re-renders only the rows whose status, waiting list or hint count it changed
const ChecklistStep = memo(function ChecklistStep({ store, model, index }: ChecklistStepProps) {
  const { t } = useTranslation()
  const names = useScenarioText(model)
  const step = model.steps[index]!
  const source = model.scenario.steps[index]!
  const status = useStore(store, (s) => getStepStatus(model, s.sim, index))
  // the steps this one still waits for, as one string so the selection compares by value
  const waitingFor = useStore(store, (s) =>
    getWaitingFor(model, s.sim.stepDone, index)
      .map((a) => names.text(model.scenario.steps[a]!.title))
      .join(', '),
  )
  const hints = useStore(store, (s) => s.sim.hints[index] ?? 0)
  const ended = useStore(store, (s) => s.sim.ended)
  return (
    <li className={`step step-${status}`} data-step={step.id} data-status={status}>
      <span className="step-mark" aria-hidden="true">
        {status === 'done' ? '✔' : status === 'outOfOrder' ? '⚠' : status === 'ready' ? '○' : '·'}
      </span>
      <span className="step-title">{names.text(source.title)}</span>
      <span className="step-status">
        {status === 'waiting'
          ? t('play.step.waiting', { steps: waitingFor })
          : t(`play.step.${status}`)}
      </span>
      {!ended && status !== 'done' && status !== 'outOfOrder' && (
        <button
          type="button"
          className="hint-button"
          onClick={() => store.getState().act('hint', step.id)}
          aria-label={`${t('play.hint')}: ${names.text(source.title)}`}
        >
          {t('play.hint')}
          {hints ? ` (${hints})` : ''}
        </button>
      )}
    </li>
  )
})
