// The last line of `npm test`: how many tests passed and failed across the unit and browser runs,
// read from the JSON reports Vitest wrote, in the plain form CI tools recognise.
import { readFileSync } from 'node:fs'

interface Report {
  numPassedTests: number
  numFailedTests: number
  numPendingTests: number
  numTodoTests: number
}

// written afresh by `npm run test:unit` and `npm run test:browser`, which `npm test` runs first
const REPORTS = ['test-results/unit.json', 'test-results/browser.json']
const reports = REPORTS.map((file) => JSON.parse(readFileSync(file, 'utf8')) as Report)
const sum = (key: keyof Report) => reports.reduce((n, r) => n + r[key], 0)
const skipped = sum('numPendingTests') + sum('numTodoTests')
console.log(
  `tests: ${sum('numPassedTests')} passed, ${sum('numFailedTests')} failed` +
    (skipped > 0 ? `, ${skipped} skipped` : ''),
)
