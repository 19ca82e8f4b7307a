import { useEffect, useRef, type KeyboardEvent } from 'react'
import { useTranslation } from '../i18n/useTranslation.ts'
import { useStore } from 'zustand'
import type { Model } from '../../core/index.ts'
import type { SceneSource } from '../../state/sceneSource.ts'
import type { SceneUiStore } from '../../state/sceneUiStore.ts'
import { useScenarioText } from '../useScenarioText.ts'
import { menuEntries, type MenuEntry } from './interaction.ts'
import type { PartController } from './partController.ts'
import type { SceneBridge } from './sceneBridge.ts'

export interface PartMenuProps {
  readonly model: Model
  readonly store: SceneSource
  readonly ui: SceneUiStore
  readonly bridge: SceneBridge
  readonly controller: PartController
}

/** The small menu at a part: its states (numbered), lock and tag, and "look closer". */
export function PartMenu({ model, store, ui, bridge, controller }: PartMenuProps) {
  const index = useStore(ui, (s) => s.menu)
  // re-read the entries when the part's state or flags change while the menu is open
  const revision = useStore(store, (s) =>
    index === null ? '' : `${s.sim.comps[index]}|${s.sim.locked[index]}|${s.sim.tagged[index]}`,
  )
  if (index === null) return null
  const point = bridge.project(index)
  const entries = menuEntries(model.components[index]!, index, store.getState().sim)
  return (
    <MenuBox
      key={`${index}|${revision}`}
      model={model}
      ui={ui}
      controller={controller}
      index={index}
      entries={entries}
      x={point?.x ?? 40}
      y={point?.y ?? 40}
    />
  )
}

interface MenuBoxProps {
  readonly model: Model
  readonly ui: SceneUiStore
  readonly controller: PartController
  readonly index: number
  readonly entries: readonly MenuEntry[]
  readonly x: number
  readonly y: number
}

function MenuBox({ model, ui, controller, index, entries, x, y }: MenuBoxProps) {
  const { t } = useTranslation()
  const names = useScenarioText(model)
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    box.current?.querySelector<HTMLButtonElement>('button')?.focus()
  }, [])
  const close = () => ui.getState().set({ menu: null })
  const items = () => [...(box.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])]
  const onKeyDown = (e: KeyboardEvent) => {
    const list = items()
    const at = list.indexOf(document.activeElement as HTMLButtonElement)
    if (e.key === 'Escape') close()
    else if (e.key === 'ArrowDown') list[(at + 1) % list.length]?.focus()
    else if (e.key === 'ArrowUp') list[(at - 1 + list.length) % list.length]?.focus()
    else if (/^[1-9]$/.test(e.key)) controller.stateKey(index, Number(e.key))
    else return
    e.preventDefault()
    e.stopPropagation()
  }
  const text = (entry: MenuEntry): string => {
    if (entry.kind === 'state')
      return `${entry.key}  ${t('play.setTo', { state: names.state(entry.state, index) })}${entry.current ? ` (${t('play.stateNow', { state: names.state(entry.state, index) })})` : ''}`
    if (entry.kind === 'inspect') return t('play.lookCloser')
    return t(`play.${entry.label}`)
  }
  return (
    <div
      ref={box}
      className="part-menu"
      role="menu"
      aria-label={t('play.menuFor', { part: names.label(index) })}
      style={{ left: x, top: y }}
      onKeyDown={onKeyDown}
    >
      <div className="part-menu-title">{names.label(index)}</div>
      {entries.map((entry, i) => (
        <button
          key={i}
          type="button"
          role="menuitem"
          aria-current={entry.kind === 'state' && entry.current ? 'true' : undefined}
          onClick={() => controller.perform(entry.act)}
        >
          {text(entry)}
        </button>
      ))}
      <button type="button" role="menuitem" onClick={close}>
        {t('play.cancel')}
      </button>
    </div>
  )
}
