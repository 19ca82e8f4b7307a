import { useEffect } from 'react'
import { useStore } from 'zustand'
import type { Model } from '../../core/index.ts'
import { goToView, type SceneUiStore } from '../../state/sceneUiStore.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
import { useScenarioText } from '../useScenarioText.ts'
import './ViewBar.css'

export interface ViewBarProps {
  readonly model: Model
  readonly ui: SceneUiStore
}

/** The start view (null) and the scenario's named views, in order. */
export function getViewIds(model: Model): (string | null)[] {
  return [null, ...(model.scenario.scene?.views ?? []).map((v) => v.id)]
}

/** The view `step` places after (1) or before (−1) `current`, going round. */
export function nextView(model: Model, current: string | null, step: 1 | -1): string | null {
  const ids = getViewIds(model)
  const at = Math.max(0, ids.indexOf(current))
  return ids[(at + step + ids.length) % ids.length]!
}

/** Whether a key press is meant for a field (typing a V), not for the page. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)
}

/**
 * The bar of named views above the scene: the start view ("Overview") and each of the scenario's
 * views; V jumps to the next view and Shift+V to the previous one. Shown when the scenario has
 * named views.
 */
export function ViewBar({ model, ui }: ViewBarProps) {
  const { t } = useTranslation()
  const names = useScenarioText(model)
  const current = useStore(ui, (s) => s.view)
  const views = model.scenario.scene?.views ?? []

  useEffect(() => {
    if (views.length === 0) return
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'v' && e.key !== 'V') return
      if (e.defaultPrevented || e.ctrlKey || e.altKey || e.metaKey || isTyping(e.target)) return
      // the part menu keeps its own keys
      if (ui.getState().menu !== null) return
      e.preventDefault()
      goToView(ui, nextView(model, ui.getState().view, e.shiftKey ? -1 : 1))
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [model, ui, views.length])

  if (views.length === 0) return null
  const entries = [
    { id: null, title: t('views.overview') },
    ...views.map((v) => ({ id: v.id, title: names.text(v.title) })),
  ]
  return (
    <div className="view-bar" role="group" aria-label={t('views.bar')}>
      <span className="view-bar-title" aria-hidden="true">
        {t('views.bar')}
      </span>
      {entries.map((v) => (
        <button
          key={v.id ?? ''}
          type="button"
          data-view={v.id ?? ''}
          aria-pressed={current === v.id}
          onClick={() => goToView(ui, v.id)}
        >
          {v.title}
        </button>
      ))}
      <span className="view-bar-keys">{t('views.keys')}</span>
    </div>
  )
}
