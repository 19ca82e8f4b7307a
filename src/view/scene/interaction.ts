// What a learner can do to a part, as plain data: the primary act of a click or Enter, the
// entries of the part's menu, and the act for a number key. Screens turn these into events.
import { KINDS, type ComponentModel, type SimState } from '../../core/index.ts'

export interface Act {
  readonly action: string
  readonly target: string
  readonly value?: string
}

export type MenuEntry =
  | {
      readonly kind: 'state'
      readonly act: Act
      readonly state: string
      readonly current: boolean
      readonly key: number
    }
  | {
      readonly kind: 'act'
      readonly act: Act
      readonly label: 'press' | 'wear' | 'remove' | 'lock' | 'unlock' | 'tag' | 'untag'
    }
  | { readonly kind: 'inspect'; readonly act: Act }

/** Whether a part is operated by the learner (else it is only looked at). */
export function isOperable(c: ComponentModel): boolean {
  return KINDS[c.kind].operate.length > 0
}

/** The act of a click or Enter: press, toggle a two-state part, wear/remove, look at a display; 'menu' for more states. */
export function primaryAct(
  c: ComponentModel,
  index: number,
  st: SimState,
): Act | 'menu' | undefined {
  if (!KINDS[c.kind].interactive) return undefined
  if (c.actions.has('press')) return { action: 'press', target: c.id }
  if (c.actions.has('wear'))
    return { action: st.comps[index] === 'worn' ? 'remove' : 'wear', target: c.id }
  if (c.actions.has('set')) {
    if (c.states.length !== 2) return 'menu'
    return { action: 'set', target: c.id, value: c.states.find((s) => s !== st.comps[index])! }
  }
  return { action: 'inspect', target: c.id }
}

/** The act of number key n (1-based) on a part with states; undefined if there is none. */
export function stateKeyAct(c: ComponentModel, n: number): Act | undefined {
  const value = c.actions.has('set') ? c.states[n - 1] : undefined
  return value === undefined ? undefined : { action: 'set', target: c.id, value }
}

/** Every entry of a part's menu, in the order shown. */
export function menuEntries(c: ComponentModel, index: number, st: SimState): MenuEntry[] {
  const entries: MenuEntry[] = []
  const target = c.id
  if (c.actions.has('set')) {
    c.states.forEach((state, i) =>
      entries.push({
        kind: 'state',
        act: { action: 'set', target, value: state },
        state,
        current: st.comps[index] === state,
        key: i + 1,
      }),
    )
  }
  if (c.actions.has('press'))
    entries.push({ kind: 'act', act: { action: 'press', target }, label: 'press' })
  if (c.actions.has('wear')) {
    const label = st.comps[index] === 'worn' ? 'remove' : 'wear'
    entries.push({ kind: 'act', act: { action: label, target }, label })
  }
  if (c.lockable) {
    const label = st.locked[index] ? 'unlock' : 'lock'
    entries.push({ kind: 'act', act: { action: label, target }, label })
  }
  if (c.taggable) {
    const label = st.tagged[index] ? 'untag' : 'tag'
    entries.push({ kind: 'act', act: { action: label, target }, label })
  }
  entries.push({ kind: 'inspect', act: { action: 'inspect', target } })
  return entries
}
