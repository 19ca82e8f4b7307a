// The scenario's named views (`scene.views`) in its settings: rename (a title in every language),
// reorder, delete, and go to one (the editor's camera flies there). New ones are saved from the
// camera in the 3D view (SaveView.tsx).
import {
  getLocalText,
  isUnder,
  type JsonObject,
  type JsonValue,
  type Problem,
} from '../../core/index.ts'
import type { EditorStore } from '../../state/editorStore.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
import { FieldProblems } from './fields/FieldProblems.tsx'
import { pathKey } from './fields/fieldProps.ts'
import { TextField } from './fields/TextField.tsx'

type Obj = Record<string, JsonValue>

export interface ViewsFieldProps {
  readonly store: EditorStore
  readonly doc: JsonObject
  readonly problems: readonly Problem[]
  readonly locales: readonly string[]
}

export function ViewsField({ store, doc, problems, locales }: ViewsFieldProps) {
  const { t, i18n } = useTranslation()
  const scene = doc['scene']
  const raw =
    scene && typeof scene === 'object' && !Array.isArray(scene) ? scene['views'] : undefined
  const views = (Array.isArray(raw) ? raw : []) as Obj[]
  const path = ['scene', 'views']
  const run = store.getState().run
  const nameOf = (v: Obj, i: number) => {
    const title = v['title']
    if (typeof title === 'string' || (title && typeof title === 'object' && !Array.isArray(title)))
      return getLocalText(
        title as string | Record<string, string>,
        i18n.language,
        locales[0] ?? 'en',
      )
    return typeof v['id'] === 'string' ? v['id'] : `#${i + 1}`
  }
  const own = problems.filter(
    (p) => isUnder(p, path) && !views.some((_, i) => isUnder(p, [...path, i])),
  )
  return (
    <section className="views-field" aria-labelledby="views-title">
      <h3 id="views-title">{t('editor.views')}</h3>
      <p className="muted field-help">{t('editor.viewsHelp')}</p>
      {views.length === 0 && <p className="muted">{t('editor.noViews')}</p>}
      <ol className="views-list">
        {views.map((view, i) => {
          const name = nameOf(view, i)
          const at = [...path, i]
          return (
            <li key={`${i}-${String(view['id'])}`} data-view={String(view['id'])}>
              <TextField
                label={`${t('editor.place.view', { name: String(view['id'] ?? i + 1) })}`}
                path={[...at, 'title']}
                value={view['title']}
                locales={locales}
                problems={problems.filter((p) => isUnder(p, [...at, 'title']))}
                onChange={(value) =>
                  run({
                    kind: 'set',
                    path: [...at, 'title'],
                    value,
                    mergeKey: pathKey([...at, 'title']),
                  })
                }
              />
              <div className="view-actions">
                <button type="button" onClick={() => store.getState().goToView(String(view['id']))}>
                  {t('editor.goToView', { name })}
                </button>
                <button
                  type="button"
                  disabled={i === 0}
                  aria-label={t('editor.viewUp', { name })}
                  onClick={() => run({ kind: 'move', path, from: i, to: i - 1 })}
                >
                  ↑
                </button>
                <button
                  type="button"
                  disabled={i === views.length - 1}
                  aria-label={t('editor.viewDown', { name })}
                  onClick={() => run({ kind: 'move', path, from: i, to: i + 1 })}
                >
                  ↓
                </button>
                <button
                  type="button"
                  aria-label={t('editor.deleteView', { name })}
                  onClick={() =>
                    run(
                      views.length === 1
                        ? { kind: 'set', path, value: undefined }
                        : { kind: 'remove', path, index: i },
                    )
                  }
                >
                  ×
                </button>
              </div>
              <FieldProblems
                id={`${pathKey(at)}-problems`}
                problems={problems.filter((p) => isUnder(p, at) && !isUnder(p, [...at, 'title']))}
              />
            </li>
          )
        })}
      </ol>
      <FieldProblems id={`${pathKey(path)}-problems`} problems={own} />
    </section>
  )
}
