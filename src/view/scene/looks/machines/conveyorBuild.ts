// What a belt conveyor's parts (Conveyor.tsx) are sized and finished from, and the sizes they share.
import type { Finish } from '../../resources.ts'
import type { Detail } from '../types.ts'

export const ROLLER = '#b7bdc2'
/** The pulleys' radius. */
export const PULLEY = 0.1
/** The belt's thickness. */
export const BELT_T = 0.012

/** Everything a conveyor's parts are sized and finished from. */
export interface Build {
  readonly detail: Detail
  readonly frame: string
  readonly painted: Finish
  readonly rubber: Finish
  readonly steel: Finish
  readonly length: number
  readonly width: number
  /** Height of the belt's top. */
  readonly height: number
  /** Distance between the pulleys' centres. */
  readonly run: number
  /** The belt's turning radius round a pulley, and the pulleys' centre height. */
  readonly radius: number
  readonly centre: number
  /** The belt loop's length. */
  readonly loop: number
  /** Distance from the middle to each side channel. */
  readonly side: number
  /** The legs' places along x. */
  readonly legs: readonly number[]
}
