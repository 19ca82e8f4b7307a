import { memo, useEffect, useMemo, useRef, type KeyboardEvent, type RefObject } from 'react'
import { useTranslation } from '../i18n/useTranslation.ts'
import { useStore } from 'zustand'
import { KINDS, type Model } from '../../core/index.ts'
import type { SceneSource } from '../../state/sceneSource.ts'
import type { SceneUiStore } from '../../state/sceneUiStore.ts'
import { useScenarioText, type ScenarioText } from '../useScenarioText.ts'
import type { PartController } from './partController.ts'
import { getFingerprint, getLayout } from './partFingerprint.ts'
import { follow, placeLabel, type SceneBridge } from './sceneBridge.ts'
import { getNextPart, useStoreEffect } from './hooks.ts'
import { getValueText } from './valueText.ts'

export interface PartOverlayProps {
  readonly model: Model
  readonly store: SceneSource
  readonly ui: SceneUiStore
  readonly bridge: SceneBridge
  readonly controller: PartController
}

/** Keyboard focus targets and labels that follow the parts; the canvas below takes the pointer. */
export function PartOverlay(props: PartOverlayProps) {
  const { t } = useTranslation()
  const showLabels = useStore(props.ui, (s) => s.showLabels)
  const layout = useMemo(() => getLayout(props.model), [props.model])
  useLabelPriority(props)
  return (
    <div
      className={showLabels ? 'part-overlay' : 'part-overlay labels-hidden'}
      role="group"
      aria-label={t('play.keysHelp')}
    >
      {props.model.components.map((c, index) =>
        !KINDS[c.kind].interactive ? null : (
          <PartTarget
            key={c.id}
            {...props}
            index={index}
            fingerprint={getFingerprint(layout, props.model, index)}
          />
        ),
      )}
    </div>
  )
}

const ORBIT_STEP = 0.12

/**
 * Tells the label layout which labels come first and stay shown: the hovered and the focused
 * part, and in practice the part the current step needs; and whether every other label that has
 * room is shown (the Labels toggle).
 */
function useLabelPriority({ model, store, ui, bridge }: PartOverlayProps) {
  useEffect(() => {
    let done: readonly boolean[] | undefined
    let next: number | undefined
    const update = () => {
      const u = ui.getState()
      const sim = store.getState().sim
      if (sim.stepDone !== done) {
        done = sim.stepDone
        next = sim.mode === 'practice' ? getNextPart(model, done) : undefined
      }
      const priority = [u.hovered, u.focused, next ?? null].filter(
        (i, at, all): i is number => i !== null && all.indexOf(i) === at,
      )
      const same =
        priority.length === bridge.priorityLabels.length &&
        priority.every((i, at) => bridge.priorityLabels[at] === i)
      if (same && bridge.showAllLabels === u.showLabels) return
      bridge.priorityLabels = priority
      bridge.showAllLabels = u.showLabels
      bridge.invalidate()
    }
    update()
    const offUi = ui.subscribe(update)
    const offStore = store.subscribe(update)
    return () => {
      offUi()
      offStore()
    }
  }, [bridge, model, store, ui])
}

// like the parts in 3D, a recompiled scenario redraws only the targets whose part changed
const PartTarget = memo(
  function PartTarget({
    model,
    store,
    ui,
    bridge,
    controller,
    index,
  }: PartOverlayProps & { readonly index: number; readonly fingerprint: string }) {
    const names = useScenarioText(model)
    const c = model.components[index]!
    const button = useRef<HTMLButtonElement>(null)
    const label = useRef<HTMLDivElement>(null)
    const leader = useRef<HTMLDivElement>(null)
    const reading = useRef<HTMLElement>(null)
    useEffect(() => {
      const offs = [
        follow(bridge, index, button.current!),
        placeLabel(bridge, index, label.current!, leader.current!),
      ]
      return () => offs.forEach((off) => off())
    }, [bridge, index])
    // the menu hands focus back to its part when it closes
    useEffect(
      () =>
        ui.subscribe(
          (s, prev) => prev.menu === index && s.menu === null && button.current?.focus(),
        ),
      [ui, index],
    )
    usePartReading(model, store, index, names, { button, reading })
    useStoreEffect(
      ui,
      (s) => s.hovered === index || s.focused === index,
      (pointed) => label.current!.classList.toggle('emphasis', pointed),
    )

    return (
      <>
        <button
          ref={button}
          type="button"
          className="part-target"
          data-part={c.id}
          aria-haspopup="menu"
          onFocus={() => {
            // a part out of sight (after looking closer at another) brings the full view back
            const offscreen = bridge.project(index)?.visible === false
            ui.getState().set(offscreen ? { focused: index, closer: null } : { focused: index })
          }}
          onBlur={() => ui.getState().focused === index && ui.getState().set({ focused: null })}
          onKeyDown={(e) => onPartKey(e, index, c.id, controller, bridge)}
          // the pointer acts on the canvas; a click here comes from assistive technology
          onClick={(e) => {
            if (e.detail === 0) controller.primary(index)
          }}
        />
        <div ref={leader} className="label-leader" data-leader-for={c.id} aria-hidden="true" />
        <div ref={label} className="part-label" data-label-for={c.id} aria-hidden="true">
          <span>{names.label(index)}</span>
          <em ref={reading} />
        </div>
      </>
    )
  },
  (a, b) =>
    a.fingerprint === b.fingerprint &&
    a.store === b.store &&
    a.ui === b.ui &&
    a.bridge === b.bridge &&
    a.controller === b.controller,
)

/**
 * Writes a part's state, lock and tag, and a derived part's reading, into its target's name and
 * its label in place: an act re-renders no target (the attempt changes many times a second while
 * it runs).
 */
function usePartReading(
  model: Model,
  store: SceneSource,
  index: number,
  names: ScenarioText,
  {
    button,
    reading,
  }: { button: RefObject<HTMLButtonElement | null>; reading: RefObject<HTMLElement | null> },
) {
  const { t } = useTranslation()
  const c = model.components[index]!
  useStoreEffect(
    store,
    (s) =>
      `${s.sim.comps[index] ?? ''}|${s.sim.locked[index] ? 1 : 0}|${s.sim.tagged[index] ? 1 : 0}|` +
      (c.value ? String(c.value(s.sim)) : ''),
    () => {
      const s = store.getState().sim
      const state = s.comps[index] ?? ''
      const status = [
        state && names.state(state, index),
        s.locked[index] && t('play.locked'),
        s.tagged[index] && t('play.tagged'),
      ]
        .filter(Boolean)
        .join(', ')
      const name = names.label(index)
      button.current!.setAttribute('aria-label', status ? `${name}: ${status}` : name)
      const text = c.value ? getValueText(c, c.value(s), t) : status
      reading.current!.textContent = text
      // the stylesheet makes the reading inline, which outranks the hidden attribute
      reading.current!.style.display = text ? '' : 'none'
    },
  )
}

/** The keys of a focused part: act on it (Enter, space, 1–9, M, I) or turn and zoom the view. */
function onPartKey(
  e: KeyboardEvent,
  index: number,
  id: string,
  controller: PartController,
  bridge: SceneBridge,
) {
  const key = e.key
  if (key === 'Enter' || key === ' ') controller.primary(index)
  else if (/^[1-9]$/.test(key)) controller.stateKey(index, Number(key))
  else if (key === 'm' || key === 'M' || key === 'ContextMenu' || (key === 'F10' && e.shiftKey))
    controller.openMenu(index)
  else if (key === 'i' || key === 'I') controller.perform({ action: 'inspect', target: id })
  else if (key === 'ArrowLeft') bridge.orbit(ORBIT_STEP, 0)
  else if (key === 'ArrowRight') bridge.orbit(-ORBIT_STEP, 0)
  else if (key === 'ArrowUp') bridge.orbit(0, ORBIT_STEP)
  else if (key === 'ArrowDown') bridge.orbit(0, -ORBIT_STEP)
  else if (key === '+' || key === '=') bridge.orbit(0, 0, 1 / 1.15)
  else if (key === '-') bridge.orbit(0, 0, 1.15)
  else return
  e.preventDefault()
}
