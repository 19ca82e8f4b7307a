// Importing a class's attempt files for review: parse, re-score and tabulate a cohort.
import type { Model } from '../../src/core/index.ts'
import { importFiles } from '../../src/state/reviewImport.ts'
import { getRows, getTallies } from '../../src/view/assessor/cohort.ts'
import { generateAttempts } from './generate.ts'
import { makeResult, type BenchOptions, type BenchResult } from './harness.ts'
import { measureCohortInBrowser } from './cohortBrowser.ts'

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

/** `cohort-import` (Node) and `cohort-review` (the review screen in Chromium): 500 attempt files. */
export async function runCohort(model: Model, options: BenchOptions): Promise<BenchResult[]> {
  const count = options.quick ? 20 : 500
  const importMs = measureCohortImport(model, count)
  const reviewMs = await measureCohortInBrowser(model, count)
  const goals = [{ on: 'ours', op: '<=', value: 3000 }] as const
  return [
    makeResult({
      name: 'cohort-import',
      unit: 'ms',
      ours: importMs,
      goals,
      note: `importing ${count} attempt files: parse, re-score, cohort rows and tallies (no rendering)`,
    }),
    makeResult({
      name: 'cohort-review',
      unit: 'ms',
      ours: reviewMs,
      goals,
      note: `the review screen in Chromium: ${count} attempt files imported, re-scored, the table rendered`,
    }),
  ]
}
