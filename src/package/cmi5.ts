import type { Model } from '../core/index.ts'
import type { LmsSession } from './lmsSession.ts'
import type { PackageProblem } from './packageStore.ts'

export function openCmi5(_model: Model, _url: URL): Promise<LmsSession | PackageProblem> {
  return Promise.resolve('no-launch')
}
