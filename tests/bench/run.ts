// npm run bench: scores generated ten-minute attempts on the conveyor scenario and measures the
// cost of one simulation tick. Not part of npm test; timing goals belong here.
import { readFileSync } from 'node:fs'
import {
  applyInput,
  createStart,
  loadScenario,
  scoreAttempt,
  type Model,
} from '../../src/core/index.ts'
import { generateAttempts } from './generate.ts'
import { measureCohortImport } from './cohort.ts'
import { measureCohortInBrowser } from './cohortBrowser.ts'
import { measureRevalidation } from './validate.ts'

const quick = process.argv.includes('--quick')
const loaded = loadScenario(
  new Uint8Array(readFileSync(new URL('../../scenarios/conveyor-loto.json', import.meta.url))),
)
if (!loaded.ok) throw new Error('conveyor-loto.json does not load')
const model: Model = loaded.value
const ATTEMPTS = quick ? 20 : 1000
const TEN_MINUTES = 600_000

function seconds(run: () => void): number {
  const start = process.hrtime.bigint()
  run()
  return Number(process.hrtime.bigint() - start) / 1e9
}

function scoreAll(attempts: ReturnType<typeof generateAttempts>): void {
  for (const a of attempts)
    if (!scoreAttempt(model, a).ok) throw new Error(`attempt ${a.id} was refused`)
}

// Attempts: 200 events each over ten minutes, scored from the log, median of 5 rounds.
const attempts = generateAttempts(model, ATTEMPTS, 200, TEN_MINUTES)
scoreAll(attempts) // warm-up
const rounds = Array.from({ length: quick ? 1 : 5 }, () => seconds(() => scoreAll(attempts))).sort(
  (a, b) => a - b,
)
const perSecond = ATTEMPTS / rounds[Math.floor(rounds.length / 2)]!

// One evaluated tick: the air dump open, so the pressure changes on every tick and none is skipped.
// One input object is moved along, so allocation figures are the engine's own.
const TICKS = 3000
const input = { type: 'advance' as const, t: 0 }
function tickRun(ticks: number): void {
  const st = createStart(model, 'assessment', [])
  applyInput(model, st, {
    type: 'event',
    index: 0,
    event: { t: 0, action: 'set', target: 'air_dump', value: 'open' },
  })
  for (let k = 1; k <= ticks; k++) {
    input.t = k * model.tickMs
    applyInput(model, st, input)
  }
}
const tickRounds = quick ? 5 : 200
for (let i = 0; i < tickRounds; i++) tickRun(TICKS)
const nsPerTick =
  (seconds(() => {
    for (let i = 0; i < tickRounds; i++) tickRun(TICKS)
  }) *
    1e9) /
  (tickRounds * TICKS)

// Allocation per tick, where the runtime lets us see it (node --expose-gc): runs with and
// without ticks, so the start's own allocation cancels out.
const gc = (globalThis as { gc?: () => void }).gc
function heapGrowth(ticks: number): number {
  gc!()
  const before = process.memoryUsage().heapUsed
  for (let i = 0; i < 30; i++) tickRun(ticks)
  return (process.memoryUsage().heapUsed - before) / 30
}
const bytesPerTick = gc ? Math.max(0, (heapGrowth(TICKS) - heapGrowth(0)) / TICKS) : undefined

const revalidation = measureRevalidation(quick ? 30 : 300, quick ? 3 : 30)
if (!revalidation.valid) throw new Error('the generated 300-component scenario is not valid')

const cohortMs = measureCohortImport(model, quick ? 20 : 500)
const cohortBrowserMs = quick ? undefined : await measureCohortInBrowser(model, 500)

const pass = perSecond >= 1000
console.log(
  `BENCH score-attempts ours=${perSecond.toFixed(0)}attempts/s goal=>=1000 ${pass ? 'PASS' : 'MISS'}`,
)
console.log(
  `  ${ATTEMPTS} attempts × 200 events over 10 min (${TEN_MINUTES / model.tickMs} ticks each), median of ${rounds.length} rounds`,
)
console.log(
  `BENCH tick ours=${nsPerTick.toFixed(0)}ns/tick (every tick evaluated)${bytesPerTick === undefined ? '' : ` alloc=${bytesPerTick.toFixed(1)}B/tick`}`,
)
console.log(
  `BENCH revalidate ours=${revalidation.ms.toFixed(1)}ms goal=<50 ${revalidation.ms < 50 ? 'PASS' : 'MISS'}`,
)
console.log(
  `  validating a ${quick ? 30 : 300}-component scenario again after one property change, median`,
)
console.log(
  `BENCH cohort-import ours=${cohortMs.toFixed(0)}ms goal=<3000 ${cohortMs < 3000 ? 'PASS' : 'MISS'}`,
)
console.log(
  `  importing ${quick ? 20 : 500} attempt files: parse, re-score, cohort rows and tallies (the table's render is not in this figure)`,
)
if (cohortBrowserMs === undefined) {
  if (!quick) console.log('BENCH cohort-review skipped: no Chromium (apt-get install chromium)')
} else {
  console.log(
    `BENCH cohort-review ours=${cohortBrowserMs.toFixed(0)}ms goal=<3000 ${cohortBrowserMs < 3000 ? 'PASS' : 'MISS'}`,
  )
  console.log(
    '  the review screen in Chromium: 500 attempt files imported, re-scored, the table rendered',
  )
}
const missed = !pass || revalidation.ms >= 50 || cohortMs >= 3000 || (cohortBrowserMs ?? 0) >= 3000
if (!quick && missed) process.exitCode = 1
