// The last line of `npm test` and of `.ci/run`: how many tests passed and failed across the unit
// server and browser runs, read from the JSON reports Vitest wrote, in the plain form CI tools recognise.
// `--stage-failed` says a stage before or after the tests failed (typecheck, lint, a benchmark):
// the line then counts at least one failure, so a red run never reads as a green one. Under CI a
// missing or skipped browser suite is a failure too: the count must include what users run.
import { existsSync, readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'

interface Report {
  numPassedTests: number
  numFailedTests: number
  numPendingTests: number
  numTodoTests: number
}

const { values } = parseArgs({ options: { 'stage-failed': { type: 'boolean', default: false } } })

// written afresh by `npm run test:unit`, `test:server` and `test:browser`, which `npm test` runs first
const REPORTS = ['test-results/unit.json', 'test-results/server.json', 'test-results/browser.json']
const reports = REPORTS.filter((file) => existsSync(file)).map(
  (file) => JSON.parse(readFileSync(file, 'utf8')) as Report,
)
const sum = (key: keyof Report) => reports.reduce((n, r) => n + r[key], 0)
const passed = sum('numPassedTests')
const skipped = sum('numPendingTests') + sum('numTodoTests')
let failed = sum('numFailedTests')
const problems: string[] = []
if (values['stage-failed']) problems.push('a stage of the test run failed (see above)')
if (reports.length < REPORTS.length) problems.push('a test report is missing: not every suite ran')
if (process.env['CI'] && skipped > 0) problems.push(`${skipped} test(s) skipped under CI`)
if (problems.length > 0 && failed === 0) failed = 1
for (const p of problems) console.error(`summary: ${p}`)
console.log(
  `tests: ${passed} passed, ${failed} failed` + (skipped > 0 ? `, ${skipped} skipped` : ''),
)
process.exitCode = failed > 0 ? 1 : 0
