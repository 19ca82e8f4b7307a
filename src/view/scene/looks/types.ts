// What every look of the catalogue (src/core/looks.ts) is given, and how it reads its parameters.
// A look draws one component in its own frame (the part's group places it), from Pieces and
// shared geometries, and shows the component's state plainly, as the kinds' default parts do.
import type { ReactNode } from 'react'
import { getLookParam, type LookName } from '../../../core/index.ts'
import type { PartProps } from '../parts/types.ts'

/** How much a look draws: all its detail, or the cheap shapes for old hardware. */
export type Detail = 'detailed' | 'simple'

export interface LookProps extends PartProps {
  readonly look: LookName
  readonly detail: Detail
}

export type LookComponent = (props: LookProps) => ReactNode

/** The looks one family module draws. */
export type LookFamily = Partial<Record<LookName, LookComponent>>

/** A number parameter of the part's look, or its catalogue default. */
export function numberParam(props: LookProps, key: string): number {
  const v = getLookParam(props.look, props.model.components[props.index]!.source.params, key)
  return typeof v === 'number' ? v : 0
}

/** A boolean parameter of the part's look, or its catalogue default. */
export function booleanParam(props: LookProps, key: string): boolean {
  return getLookParam(props.look, props.model.components[props.index]!.source.params, key) === true
}

/** A string parameter (a choice, a component id) of the part's look, or its default. */
export function stringParam(props: LookProps, key: string): string | undefined {
  const v = getLookParam(props.look, props.model.components[props.index]!.source.params, key)
  return typeof v === 'string' ? v : undefined
}

/** A points parameter of the part's look ([] when it has none). */
export function pointsParam(props: LookProps, key: string): [number, number, number][] {
  const v = getLookParam(props.look, props.model.components[props.index]!.source.params, key)
  return Array.isArray(v) ? (v as [number, number, number][]) : []
}
