// "Save the current camera as a view": a title in every language of the scenario, an id proposed
// from it, and the camera's place, target and field of view added to `scene.views` as one edit.
import { useId, useState } from 'react'
import { useStore } from 'zustand'
import type { JsonValue } from '../../core/index.ts'
import type { EditorStore } from '../../state/editorStore.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
import type { CameraProbeHandle } from './CameraProbe.tsx'
import { proposeViewId } from './lookFields.ts'

type Obj = Record<string, JsonValue>

/** The ids of the draft's views. */
export function viewIds(doc: Obj): string[] {
  const scene = doc['scene']
  const views =
    scene && typeof scene === 'object' && !Array.isArray(scene) ? scene['views'] : undefined
  return Array.isArray(views)
    ? views.flatMap((v) =>
        v && typeof v === 'object' && !Array.isArray(v) && typeof v['id'] === 'string'
          ? [v['id']]
          : [],
      )
    : []
}

export function SaveView({
  store,
  probe,
}: {
  readonly store: EditorStore
  readonly probe: CameraProbeHandle
}) {
  const { t } = useTranslation()
  const id = useId()
  const [open, setOpen] = useState(false)
  const [titles, setTitles] = useState<Record<string, string>>({})
  const [ownId, setOwnId] = useState<string | null>(null)
  const [saved, setSaved] = useState('')
  const doc = useStore(store, (s) => s.history.doc)
  const locales = Array.isArray(doc['locales']) ? (doc['locales'] as string[]) : ['en']
  const first = locales[0] ?? 'en'
  const viewId = ownId ?? proposeViewId(titles[first] ?? '', viewIds(doc))
  const save = () => {
    const pose = probe.read()
    if (!pose) return
    const now = store.getState().history.doc
    const given = Object.fromEntries(locales.flatMap((l) => (titles[l] ? [[l, titles[l]]] : [])))
    const title: JsonValue = locales.length === 1 ? titles[first]! : given
    const count = viewIds(now).length
    store.getState().run({
      kind: 'insert',
      path: ['scene', 'views'],
      index: count,
      value: { id: viewId, title, position: pose.position, target: pose.target, fov: pose.fov },
    })
    setSaved(t('editor.viewSaved', { name: titles[first] ?? viewId }))
    setOpen(false)
    setTitles({})
    setOwnId(null)
  }
  return (
    <div className="save-view">
      {!open ? (
        <button type="button" onClick={() => (setOpen(true), setSaved(''))}>
          {t('editor.saveView')}
        </button>
      ) : (
        <form
          className="save-view-form"
          aria-label={t('editor.saveView')}
          onSubmit={(e) => {
            e.preventDefault()
            save()
          }}
        >
          {locales.map((locale, i) => (
            <label key={locale}>
              {t('editor.viewTitleIn', { locale })}
              <input
                required={i === 0}
                // the form opens to be typed into
                autoFocus={i === 0}
                value={titles[locale] ?? ''}
                onChange={(e) => setTitles({ ...titles, [locale]: e.target.value })}
              />
            </label>
          ))}
          <label htmlFor={`${id}-id`}>{t('editor.viewId')}</label>
          <input
            id={`${id}-id`}
            value={viewId}
            pattern="[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}"
            onChange={(e) => setOwnId(e.target.value)}
          />
          <button type="submit" disabled={!titles[first]}>
            {t('editor.saveViewDo')}
          </button>
          <button type="button" onClick={() => setOpen(false)}>
            {t('editor.cancel')}
          </button>
        </form>
      )}
      <p role="status" className="muted">
        {saved}
      </p>
    </div>
  )
}
