import { useStore } from 'zustand'
import { COLLECTIONS, type Collection } from '../../core/index.ts'
import type { EditorStore } from '../../state/editorStore.ts'
import { useTranslation } from '../i18n/useTranslation.ts'

export interface ProblemsPanelProps {
  readonly store: EditorStore
}

// the elements a problem path can lead to: those with ids, and the rules
const SELECTABLE = new Set<string>([...COLLECTIONS, 'rules'])

/** Every validation problem of the engine; a click selects the element and focuses the field. */
export function ProblemsPanel({ store }: ProblemsPanelProps) {
  const { t } = useTranslation()
  const problems = useStore(store, (s) => s.problems)
  const go = (path: string) => {
    const m = /^([a-z]+)\[(\d+)\]/.exec(path)
    if (m && SELECTABLE.has(m[1]!))
      store.getState().select({ collection: m[1] as Collection | 'rules', index: Number(m[2]) })
    else store.getState().select({ collection: 'scenario', index: 0 })
    // the form renders on the next frame; then the field with this path (or its closest parent) takes focus
    requestAnimationFrame(() => {
      for (let p = path; p; p = p.replace(/(\.[^.[\]]+|\[[^\]]+\])$/, '')) {
        const el = document.querySelector<HTMLElement>(`[data-path="${CSS.escape(p)}"]`)
        if (el) return el.focus()
        if (!/[.[]/.test(p)) return
      }
    })
  }
  return (
    <section className="problems-panel" aria-labelledby="problems-title">
      <h2 id="problems-title">
        {t('editor.problems')}{' '}
        <span className={problems.length ? 'count bad' : 'count good'}>{problems.length}</span>
      </h2>
      {problems.length === 0 ? (
        <p className="good">{t('editor.valid')}</p>
      ) : (
        <ul>
          {problems.map((p, i) => (
            <li key={i}>
              <button type="button" onClick={() => go(p.path)}>
                <code>{p.path}</code>: {p.message}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
