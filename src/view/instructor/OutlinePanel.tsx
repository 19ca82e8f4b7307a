import { memo, useEffect, useId, useMemo, useRef, useState, type DragEvent } from 'react'
import { useStore } from 'zustand'
import {
  COMPONENT_KINDS,
  findReferences,
  isUnder,
  type Collection,
  type JsonObject,
  type JsonValue,
} from '../../core/index.ts'
import type { EditorStore } from '../../state/editorStore.ts'
import { newElement } from './formSpecs.ts'
import { lookNameKey, looksFor, withLook } from './lookFields.ts'
import { referenceText, sectionName } from './words.ts'
import { useTranslation } from '../i18n/useTranslation.ts'

export interface OutlinePanelProps {
  readonly store: EditorStore
}

const SECTIONS: readonly Collection[] = [
  'components',
  'steps',
  'hazards',
  'variables',
  'judgements',
  'faults',
  'competencies',
]
type Obj = Record<string, JsonValue>
// one empty list for a scenario without rules: a new [] per read would make zustand render forever
const NO_RULES: readonly Obj[] = []

/** The scenario as a list of its parts: select, add (the palette of kinds), delete, and reorder steps. */
export function OutlinePanel({ store }: OutlinePanelProps) {
  const { t } = useTranslation()
  const doc = useStore(store, (s) => s.history.doc)
  const selected = useStore(store, (s) => s.selected)
  const problems = useStore(store, (s) => s.problems)
  const [confirm, setConfirm] = useState<{
    collection: Collection
    index: number
    uses: string[]
  } | null>(null)
  const locales = Array.isArray(doc['locales']) ? (doc['locales'] as string[]) : ['en']
  const run = store.getState().run

  const add = (collection: Collection, kind?: string, look?: string) => {
    const list = Array.isArray(doc[collection]) ? (doc[collection] as JsonValue[]) : []
    const element = newElement(doc, kind ? `component:${kind}` : collection, locales)
    run({
      kind: 'insert',
      path: [collection],
      index: list.length,
      value: look === undefined ? element : withLook(element, look),
    })
    store.getState().select({ collection, index: list.length })
  }
  const remove = (collection: Collection, index: number, force = false) => {
    const id = String(((doc[collection] as Obj[])[index] ?? {})['id'] ?? '')
    const uses = findReferences(doc, collection, id).map((r) => referenceText(t, doc, r, id))
    if (uses.length > 0 && !force) return setConfirm({ collection, index, uses })
    setConfirm(null)
    run({ kind: 'remove', path: [collection], index })
    store.getState().select({ collection: 'scenario', index: 0 })
  }
  const actions = useRowActions(store, remove)
  const hasProblem = (collection: Collection, index: number) =>
    problems.some((p) => isUnder(p, [collection, index]))

  return (
    <nav className="outline" aria-label={t('editor.outline')}>
      <button
        type="button"
        className={selected?.collection === 'scenario' ? 'selected' : ''}
        onClick={() => store.getState().select({ collection: 'scenario', index: 0 })}
      >
        {t('editor.settings')}
      </button>
      {SECTIONS.map((collection) => {
        const list = (Array.isArray(doc[collection]) ? doc[collection] : []) as Obj[]
        return (
          <section key={collection} aria-label={sectionName(t, collection)}>
            <h3>
              {sectionName(t, collection)} <span className="muted">({list.length})</span>
            </h3>
            <ul>
              {list.map((el, index) => (
                <OutlineRow
                  key={`${index}-${String(el['id'])}`}
                  store={store}
                  collection={collection}
                  index={index}
                  element={el}
                  selected={selected?.collection === collection && selected?.index === index}
                  problem={hasProblem(collection, index)}
                  actions={actions}
                />
              ))}
            </ul>
            <AddControl
              collection={collection}
              onAdd={(kind, look) => add(collection, kind, look)}
            />
          </section>
        )
      })}
      <RulesSection
        store={store}
        selected={selected?.collection === 'rules' ? selected.index : -1}
      />
      {confirm && (
        <ConfirmDelete
          uses={confirm.uses}
          onDelete={() => remove(confirm.collection, confirm.index, true)}
          onKeep={() => setConfirm(null)}
        />
      )}
    </nav>
  )
}

/** What a row can do; stable across edits, so rows that did not change are not drawn again. */
function useRowActions(
  store: EditorStore,
  remove: (collection: Collection, index: number) => void,
): RowActions {
  const removeRef = useRef(remove)
  useEffect(() => {
    removeRef.current = remove
  })
  return useMemo<RowActions>(() => {
    let dragging: number | null = null
    const move = (from: number, to: number) => {
      const steps = store.getState().history.doc['steps']
      if (to < 0 || to >= (Array.isArray(steps) ? steps.length : 0) || from === to) return
      store.getState().run({ kind: 'move', path: ['steps'], from, to })
      store.getState().select({ collection: 'steps', index: to })
    }
    return {
      move,
      remove: (collection, index) => removeRef.current(collection, index),
      duplicate: (index) => duplicate(store, store.getState().history.doc, index),
      dragStart: (index) => (dragging = index),
      drop: (index) => dragging !== null && move(dragging, index),
    }
  }, [store])
}

/**
 * Adds an element to a section: a component from the palette (a kind, then one of its looks by
 * its plain name, or the kind's plain shape), others by a button.
 */
function AddControl({
  collection,
  onAdd,
}: {
  readonly collection: Collection
  readonly onAdd: (kind?: string, look?: string) => void
}) {
  const { t } = useTranslation()
  const [kind, setKind] = useState<string>('button')
  const [look, setLook] = useState<string>('')
  const id = useId()
  if (collection !== 'components')
    return (
      <button type="button" onClick={() => onAdd()}>
        {t('editor.addTo', { collection: sectionName(t, collection) })}
      </button>
    )
  const looks = looksFor(kind)
  return (
    <div className="palette" role="group" aria-labelledby={`${id}-title`}>
      <span id={`${id}-title`} className="palette-title">
        {t('editor.addNew')}
      </span>
      <label htmlFor={`${id}-kind`}>{t('editor.addKind')}</label>
      <select
        id={`${id}-kind`}
        value={kind}
        onChange={(e) => {
          setKind(e.target.value)
          setLook('')
        }}
      >
        {COMPONENT_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`editor.kinds.${k}`, { defaultValue: k })}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-look`}>{t('editor.addLook')}</label>
      <select id={`${id}-look`} value={look} onChange={(e) => setLook(e.target.value)}>
        <option value="">{t('editor.addLookDefault')}</option>
        {looks.map((l) => (
          <option key={l} value={l}>
            {t(lookNameKey(l), { defaultValue: l })}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => onAdd(kind, look === '' ? undefined : look)}>
        {t('editor.addThis')}
        <span className="sr-only"> {t('editor.addNew')}</span>
      </button>
    </div>
  )
}

interface ConfirmDeleteProps {
  readonly uses: readonly string[]
  readonly onDelete: () => void
  readonly onKeep: () => void
}

/** Asks before deleting an element that others refer to, listing where. */
function ConfirmDelete({ uses, onDelete, onKeep }: ConfirmDeleteProps) {
  const { t } = useTranslation()
  return (
    <div className="confirm-box" role="alertdialog" aria-label={t('editor.confirmDelete')}>
      <p>{t('editor.breaks')}</p>
      <ul>
        {uses.map((u, i) => (
          <li key={i}>{u}</li>
        ))}
      </ul>
      <button type="button" onClick={onDelete}>
        {t('editor.deleteAnyway')}
      </button>
      <button type="button" onClick={onKeep}>
        {t('editor.keep')}
      </button>
    </div>
  )
}

/** The rules (which have no ids): select, delete, and add one. */
function RulesSection({
  store,
  selected,
}: {
  readonly store: EditorStore
  readonly selected: number
}) {
  const { t } = useTranslation()
  const rules = useStore(store, (s) => (s.history.doc['rules'] as Obj[] | undefined) ?? NO_RULES)
  const problems = useStore(store, (s) => s.problems)
  const run = store.getState().run
  const add = () => {
    run({ kind: 'insert', path: ['rules'], index: rules.length, value: { when: 'false', set: {} } })
    store.getState().select({ collection: 'rules', index: rules.length })
  }
  return (
    <section aria-label={sectionName(t, 'rules')}>
      <h3>
        {sectionName(t, 'rules')} <span className="muted">({rules.length})</span>
      </h3>
      <ul>
        {rules.map((rule, index) => (
          <li key={index} className={selected === index ? 'selected' : ''}>
            <button
              type="button"
              data-outline={`rules:${index}`}
              onClick={() => store.getState().select({ collection: 'rules', index })}
            >
              {problems.some((p) => isUnder(p, ['rules', index])) && (
                <span className="problem-dot" aria-label={t('editor.hasProblems')}>
                  ●
                </span>
              )}
              {t('editor.ruleWhen', { when: String(rule['when'] ?? '') })}
            </button>
            <button
              type="button"
              aria-label={t('editor.deleteRule', { n: index + 1 })}
              onClick={() => run({ kind: 'remove', path: ['rules'], index })}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <button type="button" onClick={add}>
        {t('editor.addTo', { collection: sectionName(t, 'rules') })}
      </button>
    </section>
  )
}

/** Inserts a copy of a component beside it, with a fresh id and a small offset. */
function duplicate(store: EditorStore, doc: JsonObject, index: number): void {
  const list = doc['components'] as Obj[]
  const original = list[index]!
  const taken = new Set(list.map((c) => String(c['id'])))
  let n = 2
  while (taken.has(`${String(original['id'])}_${n}`)) n++
  const position = Array.isArray(original['position'])
    ? (original['position'] as number[])
    : [0, 0, 0]
  const copy = {
    ...original,
    id: `${String(original['id'])}_${n}`,
    position: [position[0]! + 0.2, position[1]!, position[2]!],
  }
  store.getState().run({ kind: 'insert', path: ['components'], index: index + 1, value: copy })
  store.getState().select({ collection: 'components', index: index + 1 })
}

interface RowActions {
  move(from: number, to: number): void
  remove(collection: Collection, index: number): void
  duplicate(index: number): void
  dragStart(index: number): void
  drop(index: number): void
}

interface OutlineRowProps {
  readonly store: EditorStore
  readonly collection: Collection
  readonly index: number
  /** The element as in the document: unchanged elements keep their identity across edits. */
  readonly element: Obj
  readonly selected: boolean
  readonly problem: boolean
  readonly actions: RowActions
}

/** One element in the outline: select it, reorder (steps), duplicate (components), delete. */
const OutlineRow = memo(function OutlineRow({
  store,
  collection,
  index,
  element: el,
  selected,
  problem,
  actions,
}: OutlineRowProps) {
  const { t } = useTranslation()
  const id = String(el['id'] ?? '?')
  return (
    <li
      draggable={collection === 'steps'}
      onDragStart={() => actions.dragStart(index)}
      onDragOver={(e: DragEvent) => collection === 'steps' && e.preventDefault()}
      onDrop={() => actions.drop(index)}
      className={selected ? 'selected' : ''}
    >
      <button
        type="button"
        data-outline={`${collection}:${id}`}
        onClick={() => store.getState().select({ collection, index })}
      >
        {problem && (
          <span className="problem-dot" aria-label={t('editor.hasProblems')}>
            ●
          </span>
        )}
        {id}
        {collection === 'components' && (
          <span className="muted">
            {' '}
            {t(`editor.kinds.${String(el['kind'])}`, { defaultValue: String(el['kind']) })}
          </span>
        )}
      </button>
      {collection === 'steps' && (
        <>
          <button
            type="button"
            aria-label={t('editor.moveUp', { id })}
            onClick={() => actions.move(index, index - 1)}
          >
            ↑
          </button>
          <button
            type="button"
            aria-label={t('editor.moveDown', { id })}
            onClick={() => actions.move(index, index + 1)}
          >
            ↓
          </button>
        </>
      )}
      {collection === 'components' && (
        <button type="button" onClick={() => actions.duplicate(index)}>
          {/* the name starts with the word shown, so speech input can say it (WCAG 2.5.3) */}
          {t('editor.copy')}
          <span className="sr-only"> {id}</span>
        </button>
      )}
      <button
        type="button"
        aria-label={t('editor.deleteOne', { id })}
        onClick={() => actions.remove(collection, index)}
      >
        ×
      </button>
    </li>
  )
})
