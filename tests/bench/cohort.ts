// Importing a class's attempt files for review: parse, re-score and tabulate a cohort.
import type { Model } from '../../src/core/index.ts'
import { importFiles } from '../../src/state/reviewImport.ts'
import { getRows, getTallies } from '../../src/view/assessor/cohort.ts'
import { generateAttempts } from './generate.ts'

/** Milliseconds to import `count` generated attempt files of the model and build the cohort table's rows. */
export function measureCohortImport(model: Model, count: number): number {
  const encoder = new TextEncoder()
  const files = generateAttempts(model, count, 60, 180_000, 7).map((a, i) => ({
    name: `attempt-${i}.json`,
    bytes: encoder.encode(
      JSON.stringify({ ...a, learner: { id: `s-${i}`, name: `Learner ${i}` } }),
    ),
  }))
  const start = process.hrtime.bigint()
  const { items } = importFiles(files, [model])
  if (items.some((i) => !i.result)) throw new Error('a generated attempt was refused')
  getRows(items)
  getTallies(items)
  return Number(process.hrtime.bigint() - start) / 1e6
}
