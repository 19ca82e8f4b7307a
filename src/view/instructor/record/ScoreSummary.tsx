import { useEffect, useRef } from 'react'
import { useStore } from 'zustand'
import type { EditorStore } from '../../../state/editorStore.ts'
import { recorderStore } from '../../../state/recorder.ts'
import { ResultView } from '../../panels/ResultView.tsx'
import { useTranslation } from '../../i18n/useTranslation.ts'
import { useScenarioText } from '../../useScenarioText.ts'
import type { ScoredRun } from '../../../state/recorder.ts'

const round = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(1))

/** How the recorded run, or the last "Try it", would score: the engine's result in plain words. */
export function ScoreSummary({ store }: { readonly store: EditorStore }) {
  const run = useStore(recorderStore, (s) => s.scored.get(store))
  return run ? <Summary run={run} store={store} /> : null
}

function Summary({ run, store }: { readonly run: ScoredRun; readonly store: EditorStore }) {
  const { t } = useTranslation()
  const { model, result, attempt } = run
  const names = useScenarioText(model)
  const title = (list: readonly { id: string; title?: unknown }[] | undefined, id: string) => {
    const found = list?.find((x) => x.id === id)?.title
    return found === undefined ? id : names.text(found as Parameters<typeof names.text>[0])
  }
  const pass = model.scoring.passPercent
  const criticalMiss =
    result.hazards.some((h) => h.severity === 'critical') ||
    model.steps.some((s, i) => s.critical && !result.steps[i]?.complete)
  const verdict =
    result.status === 'passed'
      ? t('record.passed', { pass })
      : result.status === 'pending'
        ? t('record.pending')
        : criticalMiss
          ? t('record.failedCritical')
          : t('record.failedMark', { pass })
  const missed = result.steps
    .filter((s) => !s.complete)
    .map((s) => title(model.scenario.steps, s.id))
  const late = result.steps
    .filter((s) => s.outOfOrder)
    .map((s) => title(model.scenario.steps, s.id))
  const hit = [...new Set(result.hazards.map((h) => title(model.scenario.hazards, h.id)))]
  // a new score (the steps just put in, or back from a try): the keyboard starts here
  const section = useRef<HTMLElement>(null)
  useEffect(() => section.current?.focus(), [run])
  return (
    <section
      ref={section}
      tabIndex={-1}
      className="score-summary"
      aria-labelledby="score-summary-title"
    >
      <h2 id="score-summary-title">{t(`record.scoreTitle.${run.kind}`)}</h2>
      <p data-testid="score-line">
        {t('record.scoreLine', {
          raw: round(result.score.raw),
          max: round(result.score.max),
          percent: result.score.percent.toFixed(0),
          verdict,
        })}
      </p>
      <ul>
        <li>
          {missed.length > 0
            ? t('record.missed', { steps: missed.join(', ') })
            : t('record.allDone')}
        </li>
        {late.length > 0 && <li>{t('record.outOfOrder', { steps: late.join(', ') })}</li>}
        {hit.length > 0 && <li>{t('record.hazardsHit', { hazards: hit.join(', ') })}</li>}
        {(result.unexpected.length > 0 || result.blocked.length > 0) && (
          <li>
            {t('record.slips', {
              unexpected: result.unexpected.length,
              blocked: result.blocked.length,
            })}
          </li>
        )}
      </ul>
      <details>
        <summary>{t('record.details')}</summary>
        <ResultView model={model} result={result} attempt={attempt} />
      </details>
      <button
        type="button"
        onClick={() => {
          const scored = new Map(recorderStore.getState().scored)
          scored.delete(store)
          recorderStore.setState({ scored })
          // the summary leaves: the keyboard goes on from "Record steps", by "Try it"
          document.querySelector<HTMLElement>('[data-record-button]')?.focus()
        }}
      >
        {t('record.dismiss')}
      </button>
    </section>
  )
}
