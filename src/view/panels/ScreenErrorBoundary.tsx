// What a screen shows instead of a blank page when something goes wrong: a scenario's mistake at
// run time (an outcome of a store), or any error while drawing the screen (caught here). Either
// way the learner reads what happened in their language and can download the attempt so far.
import { Component, useId, type ErrorInfo, type ReactNode } from 'react'
import { ScenarioRuntimeError, type Attempt } from '../../core/index.ts'
import { downloadJson, fileName } from '../download.ts'
import { useTranslation } from '../i18n/useTranslation.ts'

export interface RuntimeErrorNoticeProps {
  /** 'scenario': the scenario's own mistake while running; 'screen': anything else. */
  readonly kind: 'scenario' | 'screen'
  /** The engine's words for the mistake, for the scenario's author (English, as the CLI says it). */
  readonly detail?: string | undefined
  /** One more sentence in the learner's language: where it stopped. */
  readonly note?: string | undefined
  /** The attempt so far, every event kept, offered for download. */
  readonly attempt?: Attempt | undefined
  /** Where the learner goes from here. */
  readonly actions?: ReactNode
  /** 1 when the notice is the whole page, 2 (the default) inside a screen. */
  readonly level?: 1 | 2
}

/** The attempt file's name: scenario, learner and attempt id. */
export function attemptFileName(attempt: Attempt): string {
  return `${fileName(attempt.scenario.id, attempt.learner?.id ?? '', attempt.id)}.attempt.json`
}

/** Says in the learner's language what went wrong, and offers the attempt so far. */
export function RuntimeErrorNotice({
  kind,
  detail,
  note,
  attempt,
  actions,
  level = 2,
}: RuntimeErrorNoticeProps) {
  const { t } = useTranslation()
  const title = useId()
  const Heading = level === 1 ? 'h1' : 'h2'
  return (
    <section className="runtime-error" role="alert" aria-labelledby={title}>
      <Heading id={title}>
        {t(kind === 'scenario' ? 'runtimeError.title' : 'runtimeError.screenTitle')}
      </Heading>
      <p>{t(kind === 'scenario' ? 'runtimeError.explain' : 'runtimeError.screenExplain')}</p>
      {note && <p>{note}</p>}
      {attempt && (
        <p>
          {attempt.events.length === 0
            ? t('runtimeError.keptNone')
            : t('runtimeError.kept', { count: attempt.events.length })}
        </p>
      )}
      <div className="actions">
        {attempt && (
          <button
            type="button"
            className="primary"
            onClick={() => downloadJson(attemptFileName(attempt), attempt)}
          >
            {t('runtimeError.download')}
          </button>
        )}
        {actions}
      </div>
      {detail && (
        <details>
          <summary>
            {t(kind === 'scenario' ? 'runtimeError.details' : 'runtimeError.screenDetails')}
          </summary>
          <p lang="en">
            <code>{detail}</code>
          </p>
        </details>
      )}
    </section>
  )
}

export interface ScreenErrorBoundaryProps {
  readonly children: ReactNode
  /** The attempt so far when the screen fails, if the screen has one. */
  readonly attempt?: () => Attempt | undefined
  /** Where the learner goes from the failed screen. */
  readonly actions?: ReactNode
}

interface BoundaryState {
  readonly error: Error | null
}

/** One per screen: an error while drawing it becomes the notice above, not a blank page. */
export class ScreenErrorBoundary extends Component<ScreenErrorBoundaryProps, BoundaryState> {
  override state: BoundaryState = { error: null }

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // kept in the console for whoever investigates; the learner sees the notice
    console.error(error, info.componentStack)
  }

  override render(): ReactNode {
    const { error } = this.state
    if (!error) return this.props.children
    let attempt: Attempt | undefined
    try {
      attempt = this.props.attempt?.()
    } catch {
      attempt = undefined
    }
    return (
      <main className="error-screen">
        <RuntimeErrorNotice
          level={1}
          kind={error instanceof ScenarioRuntimeError ? 'scenario' : 'screen'}
          detail={error.message}
          attempt={attempt}
          actions={this.props.actions}
        />
      </main>
    )
  }
}
