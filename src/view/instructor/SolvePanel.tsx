import { useStore } from 'zustand'
import type { AttemptEvent, JsonObject } from '../../core/index.ts'
import type { EditorStore } from '../../state/editorStore.ts'
import type { SolveReply } from '../../state/solveDraft.ts'
import type { Translate } from '../i18n/translator.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
import { RuntimeErrorNotice } from '../panels/ScreenErrorBoundary.tsx'
import { elementTitle, partName, stateWords } from './words.ts'

export interface SolvePanelProps {
  readonly store: EditorStore
}

/** One act of the reference run in the instructor's words ("set Main isolator to off"). */
export function runActWords(
  t: Translate,
  doc: JsonObject,
  e: AttemptEvent,
  language: string,
): string {
  const target = e.target ?? ''
  return t(`editor.runAct.${e.action}`, {
    part: partName(doc, target, language),
    state: e.value === undefined ? '' : stateWords(t, doc, target, e.value, language),
    defaultValue: e.action,
  })
}

/** Why the draft has no reference run, in plain words, one sentence a line. */
export function whyUnsolved(
  t: Translate,
  doc: JsonObject,
  reply: Extract<SolveReply, { ok: false }>,
  language: string,
): string[] {
  const step = (id: string) => elementTitle(doc, 'steps', id, language)
  const hazard = (id: string) => elementTitle(doc, 'hazards', id, language)
  const block = reply.block
  if (reply.mistake) return [t('editor.why.mistake')]
  if (!block) return [t('editor.why.other', { reason: reply.reason })]
  if (block.kind === 'invalid') return [t('editor.why.invalid', { count: block.problems })]
  if (block.kind === 'hazardAtStart')
    return [t('editor.why.hazardAtStart', { hazard: hazard(block.hazard) })]
  const lines: string[] = []
  if (block.step !== undefined)
    lines.push(
      block.waitsFor.length > 0
        ? t('editor.why.waits', {
            step: step(block.step),
            waits: block.waitsFor.map((w) => `“${step(w)}”`).join(', '),
          })
        : t(block.stepIsState ? 'editor.why.neverTrue' : 'editor.why.neverClean', {
            step: step(block.step),
          }),
    )
  if (block.hazard)
    lines.push(
      t('editor.why.hazard', { hazard: hazard(block.hazard.id), count: block.hazard.paths }),
    )
  if (block.outOfOrderPaths > 0)
    lines.push(t('editor.why.outOfOrder', { count: block.outOfOrderPaths }))
  lines.push(t('editor.why.furthest', { furthest: block.furthest, steps: block.steps }))
  if (block.gaveUp) lines.push(t('editor.why.gaveUp'))
  return lines
}

/**
 * The reference run: the solver works in the background after every change (solveRunner.ts) and
 * this shows its newest answer, the run in plain words, or why there is none.
 */
export function SolvePanel({ store }: SolvePanelProps) {
  const { t, i18n } = useTranslation()
  const solver = useStore(store, (s) => s.solver)
  const doc = useStore(store, (s) => s.history.doc)
  const reply = solver.state === 'done' ? solver.reply : undefined
  return (
    <section
      className="solve-panel"
      aria-labelledby="solve-title"
      aria-busy={solver.state === 'running'}
    >
      <h2 id="solve-title">{t('editor.referenceRun')}</h2>
      {solver.state !== 'done' && (
        <p className="muted" role="status">
          {t(
            solver.state === 'off'
              ? 'editor.solverOff'
              : solver.state === 'running'
                ? 'editor.solverRunning'
                : 'editor.solverWaiting',
          )}
        </p>
      )}
      {reply?.ok === true && (
        <div className="solved" role="status">
          <p className="good">{t('editor.solvable')}</p>
          <ol>
            {reply.events.map((e, i) => (
              <li key={i}>
                {t('editor.runStep', {
                  time: (e.t / 1000).toFixed(1),
                  act: runActWords(t, doc, e, i18n.language),
                })}
              </li>
            ))}
          </ol>
        </div>
      )}
      {reply?.ok === false && (
        <p className="bad" role="alert">
          {t('editor.noRun')}
        </p>
      )}
      {reply?.ok === false && reply.mistake && (
        <RuntimeErrorNotice
          kind="scenario"
          note={t('runtimeError.solver')}
          detail={reply.mistake.message}
          attempt={reply.mistake.attempt}
        />
      )}
    </section>
  )
}
