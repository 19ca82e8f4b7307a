import { useState } from 'react'
import type { EditorStore } from '../../state/editorStore.ts'
import type { SolveReply } from '../../state/solveDraft.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
import { RuntimeErrorNotice } from '../panels/ScreenErrorBoundary.tsx'

export interface SolvePanelProps {
  readonly store: EditorStore
}

/** "Check solvable": runs the engine's solver in a Web Worker and shows the reference run or why there is none. */
export function SolvePanel({ store }: SolvePanelProps) {
  const { t } = useTranslation()
  const [state, setState] = useState<{ running: boolean; reply?: SolveReply }>({ running: false })
  const check = () => {
    setState({ running: true })
    const worker = new Worker(new URL('./solve.worker.ts', import.meta.url), { type: 'module' })
    worker.onmessage = (e: MessageEvent<SolveReply>) => {
      setState({ running: false, reply: e.data })
      worker.terminate()
    }
    worker.onerror = (e) => {
      setState({ running: false, reply: { ok: false, reason: e.message } })
      worker.terminate()
    }
    worker.postMessage(store.getState().history.doc)
  }
  const reply = state.reply
  return (
    <section className="solve-panel" aria-labelledby="solve-title" aria-busy={state.running}>
      <h2 id="solve-title">{t('editor.referenceRun')}</h2>
      <button type="button" onClick={check} disabled={state.running}>
        {t(state.running ? 'editor.checking' : 'editor.checkSolvable')}
      </button>
      {reply?.ok === true && (
        <div className="solved" role="status">
          <p className="good">{t('editor.solvable')}</p>
          <ol>
            {reply.events.map((e, i) => (
              <li key={i}>
                {(e.t / 1000).toFixed(1)} s — {e.action} {e.target ?? ''} {e.value ?? ''}
              </li>
            ))}
          </ol>
        </div>
      )}
      {reply?.ok === false && reply.mistake && (
        <RuntimeErrorNotice
          kind="scenario"
          note={t('runtimeError.solver')}
          detail={reply.mistake.message}
          attempt={reply.mistake.attempt}
        />
      )}
      {reply?.ok === false && !reply.mistake && (
        <p className="bad" role="alert">
          {t('editor.unsolvable', { reason: reply.reason })}
        </p>
      )}
    </section>
  )
}
