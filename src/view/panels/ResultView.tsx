import { useTranslation } from '../i18n/useTranslation.ts'
import type { Attempt, Model, Result, Text } from '../../core/index.ts'
import { useScenarioText, type ScenarioText } from '../useScenarioText.ts'
import { formatDuration } from './AttemptClock.tsx'

export interface ResultViewProps {
  readonly model: Model
  readonly result: Result
  /** The attempt scored, to name the parts of unexpected and blocked acts. */
  readonly attempt: Attempt
}

/** What each section of the result is given. */
interface SectionProps {
  readonly model: Model
  readonly result: Result
}

function round(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1)
}

/** The title of the scenario's step, hazard, judgement or competency `id`; the id if it has none. */
function titleOf(
  names: ScenarioText,
  list: readonly { id: string; title?: Text }[] | undefined,
  id: string,
): string {
  return names.text(list?.find((x) => x.id === id)?.title ?? id)
}

/** A scored attempt as the learner and the assessor read it: status, steps, hazards, competencies. */
export function ResultView({ model, result, attempt }: ResultViewProps) {
  const { t } = useTranslation()
  const names = useScenarioText(model)
  const act = (ref: { index: number; t: number }): string => {
    const e = attempt.events[ref.index]
    const part = e?.target === undefined ? undefined : model.componentIndex.get(e.target)
    const what =
      part === undefined
        ? (e?.action ?? '')
        : `${names.label(part)}${e?.value === undefined ? '' : ` → ${names.state(e.value, part)}`}`
    return `${what} (${formatDuration(ref.t)})`
  }
  return (
    <div className="result-view">
      <p className={`status status-${result.status}`} data-status={result.status}>
        {t(`result.status.${result.status}`)}
      </p>
      <dl className="summary">
        <dt>{t('result.score')}</dt>
        <dd data-testid="score">
          {round(result.score.raw)} / {round(result.score.max)} ({result.score.percent.toFixed(1)}{' '}
          %)
        </dd>
        <dt>{t('result.passMark')}</dt>
        <dd>{model.scoring.passPercent} %</dd>
        <dt>{t('result.time')}</dt>
        <dd>{formatDuration(result.durationMs)}</dd>
      </dl>

      <StepTable model={model} result={result} />
      <HazardList model={model} result={result} />
      {(['unexpected', 'blocked'] as const).map((kind) => (
        <p key={kind} className={`acts-${kind}`}>
          {t(`result.${kind}`)}: {result[kind].length}
          {result[kind].length > 0 && ` — ${result[kind].map(act).join('; ')}`}
        </p>
      ))}
      <JudgementList model={model} result={result} />
      <CompetencyList model={model} result={result} />
    </div>
  )
}

/** Each step: done (and whether in order), hints taken, points earned of its points. */
function StepTable({ model, result }: SectionProps) {
  const { t } = useTranslation()
  const names = useScenarioText(model)
  return (
    <>
      <h3>{t('result.steps')}</h3>
      <table className="steps-table">
        <thead>
          <tr>
            <th>{t('result.step')}</th>
            <th>{t('result.complete')}</th>
            <th>{t('result.hints')}</th>
            <th>{t('result.points')}</th>
          </tr>
        </thead>
        <tbody>
          {result.steps.map((s) => (
            <tr key={s.id} data-step={s.id}>
              <td>{titleOf(names, model.scenario.steps, s.id)}</td>
              <td>
                {s.complete
                  ? `${t('result.complete')}${s.outOfOrder ? ` (${t('result.outOfOrder')})` : ''}`
                  : t('result.incomplete')}
              </td>
              <td>{s.hints}</td>
              <td>
                {round(s.earned)} / {round(s.points)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}

/** The hazards that arose, with their time. */
function HazardList({ model, result }: SectionProps) {
  const { t } = useTranslation()
  const names = useScenarioText(model)
  return (
    <>
      <h3>{t('result.hazards')}</h3>
      {result.hazards.length === 0 ? (
        <p>{t('result.noHazards')}</p>
      ) : (
        <ul className="hazard-list">
          {result.hazards.map((h, i) => (
            <li key={i} className={`severity-${h.severity}`}>
              {titleOf(names, model.scenario.hazards, h.id)} —{' '}
              {t('result.at', { time: formatDuration(h.t) })}
            </li>
          ))}
        </ul>
      )}
    </>
  )
}

/** The assessor's marks, when the scenario asks for any. */
function JudgementList({ model, result }: SectionProps) {
  const { t } = useTranslation()
  const names = useScenarioText(model)
  if (result.judgements.length === 0) return null
  return (
    <>
      <h3>{t('result.judgements')}</h3>
      <ul>
        {result.judgements.map((j) => (
          <li key={j.id}>
            {titleOf(names, model.scenario.judgements, j.id)}:{' '}
            {j.mark === null ? t('result.notMarked') : `${j.mark} / ${j.maxMark}`}
          </li>
        ))}
      </ul>
    </>
  )
}

/** Each competency as a meter with its level. */
function CompetencyList({ model, result }: SectionProps) {
  const { t } = useTranslation()
  const names = useScenarioText(model)
  return (
    <>
      <h3>{t('result.competencies')}</h3>
      <ul className="competencies">
        {result.competencies.map((c) => (
          <li key={c.id} data-level={c.level}>
            <span className="competency-name">
              {titleOf(names, model.scenario.competencies, c.id)}
            </span>
            <span
              className="meter"
              role="meter"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round(c.ratio * 100)}
              aria-label={titleOf(names, model.scenario.competencies, c.id)}
            >
              <span style={{ width: `${Math.round(c.ratio * 100)}%` }} />
            </span>
            <span className="level">
              {Math.round(c.ratio * 100)} % · {t(`result.level.${c.level}`)}
            </span>
          </li>
        ))}
      </ul>
    </>
  )
}
