import { useTranslation } from '../i18n/useTranslation.ts'
import { useStore } from 'zustand'
import type { AttemptStore, Feedback } from '../../state/attemptStore.ts'
import { useScenarioText } from '../useScenarioText.ts'

export interface FeedbackPanelProps {
  readonly store: AttemptStore
}

/** Short feedback after acts (practice only) and hazard alerts, newest last. */
export function FeedbackPanel({ store }: FeedbackPanelProps) {
  const { t } = useTranslation()
  const model = useStore(store, (s) => s.setup.model)
  const mode = useStore(store, (s) => s.setup.mode)
  const feedback = useStore(store, (s) => s.feedback)
  const names = useScenarioText(model)
  const message = (f: Feedback): string => {
    switch (f.kind) {
      case 'unexpected':
      case 'blocked': {
        const i = model.componentIndex.get(f.target)
        return t(`play.feedback.${f.kind}`, { part: i === undefined ? f.target : names.label(i) })
      }
      case 'out-of-order':
        return t('play.feedback.outOfOrder', {
          step: names.text(model.scenario.steps[f.step]!.title),
        })
      case 'hazard':
        return t('play.feedback.hazard', {
          hazard: names.text(model.scenario.hazards![f.hazard]!.title),
        })
      case 'hint': {
        const step = model.scenario.steps[f.step]!
        return step.hint === undefined
          ? t('play.feedback.noHint', { step: names.text(step.title) })
          : t('play.feedback.hint', { step: names.text(step.title), hint: names.text(step.hint) })
      }
    }
  }
  // assessment mode gives no feedback on acts; hazards are still shown, as they are on a real site
  const shown = mode === 'practice' ? feedback : feedback.filter((f) => f.kind === 'hazard')
  return (
    <div className="feedback">
      {shown.map((f) => (
        <p
          key={f.id}
          className={`feedback-${f.kind}`}
          role={f.kind === 'hazard' ? 'alert' : 'status'}
        >
          {message(f)}
        </p>
      ))}
    </div>
  )
}
