import { useStore } from 'zustand'
import {
  formatPath,
  type Collection,
  type JsonObject,
  type PathSegment,
  type TrivialSteps as TrivialStepsFound,
} from '../../core/index.ts'
import type { EditorStore } from '../../state/editorStore.ts'
import { ELEMENT_LISTS, problemPlace, problemText } from '../i18n/problemText.ts'
import { useProblemTexts } from '../i18n/useProblemTexts.ts'
import type { Translate } from '../i18n/translator.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
import { whyUnsolved } from './SolvePanel.tsx'
import { elementTitle } from './words.ts'

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
  const missing = useStore(store, (s) => s.missingTexts)
  const solver = useStore(store, (s) => s.solver)
  // the list waits for the problems' texts (a moment, once) rather than flash English and paths
  const textsReady = useProblemTexts(problems.length > 0 || missing.length > 0)
  const reply = solver.state === 'done' ? solver.reply : undefined
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
      {reply?.ok === false && problems.length === 0 && (
        <div role="alert">
          <h3>{t('editor.blocks')}</h3>
          <ul className="plain-list bad">
            {whyUnsolved(t, doc, reply, i18n.language).map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      {reply?.trivial && <TrivialSteps doc={doc} trivial={reply.trivial} onGo={go} />}
      {missing.length > 0 && textsReady && (
        <div>
          <h3>{t('editor.missingTitle')}</h3>
          <p className="muted">{t('editor.missingHelp')}</p>
          <ul>
            {missing.map((m, i) => (
              <li key={i}>
                <button type="button" onClick={() => go(m.path)}>
                  {t('editor.missingIn', {
                    place: problemPlace(t, m.path, doc, i18n.language),
                    languages: m.missing.map((l) => languageName(t, l)).join(', '),
                  })}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  )
}

/** A language tag by its name in the interface language, where the editor knows it. */
function languageName(t: Translate, tag: string): string {
  return t(`editor.languageNames.${tag}`, { defaultValue: tag })
}

interface TrivialStepsProps {
  readonly doc: JsonObject
  readonly trivial: TrivialStepsFound
  readonly onGo: (path: readonly PathSegment[]) => void
}

/** Steps that test nothing: done at the start, or whose order the equipment already forces. */
function TrivialSteps({ doc, trivial, onGo }: TrivialStepsProps) {
  const { t, i18n } = useTranslation()
  const steps = (Array.isArray(doc['steps']) ? doc['steps'] : []) as { id?: unknown }[]
  const at = (id: string) => steps.findIndex((s) => s.id === id)
  const lines = [
    ...trivial.trueAtStart.map((id) => ({ id, key: 'editor.trueAtStart' })),
    ...trivial.orderForced.map((id) => ({ id, key: 'editor.orderForced' })),
  ].filter((l) => at(l.id) >= 0)
  if (lines.length === 0) return null
  return (
    <div>
      <h3>{t('editor.trivialTitle')}</h3>
      <ul>
        {lines.map((l) => (
          <li key={`${l.key}-${l.id}`}>
            <button type="button" onClick={() => onGo(['steps', at(l.id)])}>
              {t(l.key, { step: elementTitle(doc, 'steps', l.id, i18n.language) })}
            </button>
          </li>
        ))}
      </ul>
    </div>
  )
}
