import { useTranslation } from '../i18n/useTranslation.ts'
import { useStore } from 'zustand'
import type { AttemptStore } from '../../state/attemptStore.ts'
import type { SceneUiStore } from '../../state/sceneUiStore.ts'
import { useScenarioText } from '../useScenarioText.ts'

export interface ChecklistPanelProps {
  readonly store: AttemptStore
  readonly ui: SceneUiStore
}

export type StepStatus = 'done' | 'outOfOrder' | 'ready' | 'waiting'

/** Practice mode's checklist: each step's status, hints on request, and the highlight option. */
export function ChecklistPanel({ store, ui }: ChecklistPanelProps) {
  const { t } = useTranslation()
  const model = useStore(store, (s) => s.setup.model)
  const names = useScenarioText(model)
  const done = useStore(store, (s) => s.sim.stepDone)
  const outOfOrder = useStore(store, (s) => s.sim.stepOutOfOrder)
  const hints = useStore(store, (s) => s.sim.hints)
  const ended = useStore(store, (s) => s.sim.ended)
  const highlight = useStore(ui, (s) => s.highlightNext)
  const statusOf = (i: number): StepStatus =>
    done[i]
      ? outOfOrder[i]
        ? 'outOfOrder'
        : 'done'
      : model.steps[i]!.after.every((a) => done[a])
        ? 'ready'
        : 'waiting'
  return (
    <section className="checklist" aria-labelledby="checklist-title">
      <h2 id="checklist-title">{t('play.checklist')}</h2>
      <label className="highlight-toggle">
        <input
          type="checkbox"
          checked={highlight}
          onChange={(e) => ui.getState().set({ highlightNext: e.target.checked })}
        />
        {t('play.highlight')}
      </label>
      <ol>
        {model.steps.map((s, i) => {
          const status = statusOf(i)
          const source = model.scenario.steps[i]!
          const waitingFor = s.after
            .filter((a) => !done[a])
            .map((a) => names.text(model.scenario.steps[a]!.title))
          return (
            <li key={s.id} className={`step step-${status}`} data-step={s.id} data-status={status}>
              <span className="step-mark" aria-hidden="true">
                {status === 'done'
                  ? '✔'
                  : status === 'outOfOrder'
                    ? '⚠'
                    : status === 'ready'
                      ? '○'
                      : '·'}
              </span>
              <span className="step-title">{names.text(source.title)}</span>
              <span className="step-status">
                {status === 'waiting'
                  ? t('play.step.waiting', { steps: waitingFor.join(', ') })
                  : t(`play.step.${status}`)}
              </span>
              {!ended && status !== 'done' && status !== 'outOfOrder' && (
                <button
                  type="button"
                  className="hint-button"
                  onClick={() => store.getState().act('hint', s.id)}
                  aria-label={`${t('play.hint')}: ${names.text(source.title)}`}
                >
                  {t('play.hint')}
                  {hints[i] ? ` (${hints[i]})` : ''}
                </button>
              )}
            </li>
          )
        })}
      </ol>
    </section>
  )
}
