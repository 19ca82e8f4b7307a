import { useTranslation } from '../i18n/useTranslation.ts'
import { useStore } from 'zustand'
import type { Model } from '../../core/index.ts'
import type { AttemptStore } from '../../state/attemptStore.ts'
import { formatDisplay } from './parts/DisplayPart.tsx'

export interface DisplayValueProps {
  readonly model: Model
  readonly store: AttemptStore
  readonly index: number
}

/** The current reading of a derived part as text, for its label: a number, lit, running. */
export function DisplayValue({ model, store, index }: DisplayValueProps) {
  const c = model.components[index]!
  const source = c.source
  const { t } = useTranslation()
  const value = useStore(store, (s) => c.value?.(s.sim))
  if (c.kind === 'lamp') return <em>{t(value ? 'play.lit' : 'play.unlit')}</em>
  if (c.kind === 'machine') return <em>{t(value ? 'play.running' : 'play.stopped')}</em>
  const decimals =
    source.kind === 'display'
      ? source.decimals
      : typeof value === 'number' && Math.abs(value) < 10
        ? 1
        : 0
  const unit = source.kind === 'display' || source.kind === 'gauge' ? source.unit : undefined
  return <em>{formatDisplay(value, decimals, unit)}</em>
}
