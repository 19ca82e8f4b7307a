// The reading of a derived part as its label shows it: lit, running, or a number with its unit.
import type { ComponentModel } from '../../core/index.ts'
import { formatDisplay } from './parts/DisplayPart.tsx'

/** The current reading of a derived component as text, in the interface language. Pure. */
export function getValueText(
  c: ComponentModel,
  value: number | string | boolean | undefined,
  t: (key: string) => string,
): string {
  if (c.kind === 'lamp') return t(value ? 'play.lit' : 'play.unlit')
  if (c.kind === 'machine') return t(value ? 'play.running' : 'play.stopped')
  const source = c.source
  const decimals =
    source.kind === 'display'
      ? source.decimals
      : typeof value === 'number' && Math.abs(value) < 10
        ? 1
        : 0
  const unit = source.kind === 'display' || source.kind === 'gauge' ? source.unit : undefined
  return formatDisplay(value, decimals, unit)
}
