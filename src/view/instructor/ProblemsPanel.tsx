import { useStore } from 'zustand'
import { formatPath, type Collection, type PathSegment } from '../../core/index.ts'
import type { EditorStore } from '../../state/editorStore.ts'
import { ELEMENT_LISTS, problemPlace, problemText } from '../i18n/problemText.ts'
import { useProblemTexts } from '../i18n/useProblemTexts.ts'
import { useTranslation } from '../i18n/useTranslation.ts'

export interface ProblemsPanelProps {
  readonly store: EditorStore
}

/**
 * Every validation problem of the engine, where it is in plain words and what is wrong in the
 * interface language; a click selects the element and focuses the field.
 */
export function ProblemsPanel({ store }: ProblemsPanelProps) {
  const { t, i18n } = useTranslation()
  const problems = useStore(store, (s) => s.problems)
  const doc = useStore(store, (s) => s.history.doc)
  // the list waits for the problems' texts (a moment, once) rather than flash English and paths
  const textsReady = useProblemTexts(problems.length > 0)
  const go = (path: readonly PathSegment[]) => {
    const [collection, index] = path
    if (
      typeof collection === 'string' &&
      ELEMENT_LISTS.has(collection) &&
      typeof index === 'number'
    )
      store.getState().select({ collection: collection as Collection | 'rules', index })
    else store.getState().select({ collection: 'scenario', index: 0 })
    // the form renders on the next frame; then the field with this path (or its closest parent) takes focus
    requestAnimationFrame(() => {
      const fields = [...document.querySelectorAll<HTMLElement>('[data-path]')]
      for (let n = path.length; n > 0; n--) {
        const key = formatPath(path.slice(0, n))
        const field = fields.find((f) => f.dataset['path'] === key)
        if (field) return field.focus()
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
      ) : !textsReady ? null : (
        <ul>
          {problems.map((p, i) => (
            <li key={i}>
              <button type="button" onClick={() => go(p.path)}>
                <strong>{problemPlace(t, p.path, doc, i18n.language)}</strong>: {problemText(t, p)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
