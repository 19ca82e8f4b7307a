import { useRef } from 'react'
import { useStore } from 'zustand'
import type { Model } from '../../core/index.ts'
import type { SceneSource } from '../../state/sceneSource.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
import { useScenarioText } from '../useScenarioText.ts'
import type { PartController } from './partController.ts'
import './WornTray.css'

export interface WornTrayProps {
  readonly model: Model
  readonly store: SceneSource
  readonly controller: PartController
}

/** The component indexes of the items worn now, in scenario order. Pure. */
export function getWornItems(model: Model, comps: readonly (string | undefined)[]): number[] {
  return model.components.flatMap((c, i) => (c.kind === 'item' && comps[i] === 'worn' ? [i] : []))
}

/**
 * What the learner wears, by name, each with "Take off" (the same `remove` as the part's menu):
 * a worn item stays within reach of mouse and keyboard wherever the camera looks. Hidden when
 * nothing is worn; without buttons when the attempt is only shown (read-only).
 */
export function WornTray({ model, store, controller }: WornTrayProps) {
  const { t } = useTranslation()
  const names = useScenarioText(model)
  // a string, so that a tick that changes nothing worn renders nothing
  const worn = useStore(store, (s) => getWornItems(model, s.sim.comps).join(','))
  const readOnly = useStore(store, (s) => s.readOnly || s.sim.ended)
  const list = useRef<HTMLUListElement>(null)
  if (worn === '') return null
  const items = worn.split(',').map(Number)

  const takeOff = (index: number, at: number) => {
    controller.perform({ action: 'remove', target: model.components[index]!.id })
    // keep the keyboard in the tray: the next item's button, or the one before
    requestAnimationFrame(() => {
      const buttons = list.current?.querySelectorAll('button')
      if (buttons?.length) buttons[Math.min(at, buttons.length - 1)]!.focus()
    })
  }

  return (
    <section className="worn-tray" aria-labelledby="worn-tray-title">
      <h2 id="worn-tray-title">{t('worn.title')}</h2>
      <ul ref={list}>
        {items.map((index, at) => {
          const name = names.label(index)
          return (
            <li key={index} data-worn={model.components[index]!.id}>
              <span>{name}</span>
              {!readOnly && (
                <button
                  type="button"
                  aria-label={t('worn.takeOffItem', { item: name })}
                  onClick={() => takeOff(index, at)}
                >
                  {t('worn.takeOff')}
                </button>
              )}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
