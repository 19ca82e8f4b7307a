// The machines looks of the catalogue (src/core/looks.ts), one component per look.
import type { LookFamily } from '../types.ts'

export const looks: LookFamily = {}
