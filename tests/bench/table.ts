// Prints the README's Benchmarks table from several `npm run bench -- --json FILE` runs: per
// figure, the median of the runs with their spread (lowest–highest), and how many runs met the goal.
//   node --import tsx tests/bench/table.ts run1.json run2.json run3.json
import { readFileSync } from 'node:fs'
import { formatNumber, median, type BenchResult } from './harness.ts'

interface Run {
  readonly quick: boolean
  readonly seconds: number
  readonly results: readonly BenchResult[]
}

/** A number for the table: thousands separated, three significant digits below 100. */
function show(n: number): string {
  if (Math.abs(n) >= 100) return Math.round(n).toLocaleString('en-US')
  return formatNumber(n)
}

/**
 * `median (low–high) unit`, or the one value where every run agrees; in millions ("1.02 MB",
 * "57.0 M evals/s") where the values reach a million, or where `mega` says so (a row's peer
 * beside ours in millions).
 */
function spread(
  values: readonly number[],
  unit: string,
  mega = Math.max(...values.map(Math.abs)) >= 1e6,
): string {
  const f = mega ? (n: number) => (n / 1e6).toPrecision(3) : show
  const u = mega ? (unit === ' B' ? ' MB' : ` M${unit}`) : unit
  const lo = Math.min(...values)
  const hi = Math.max(...values)
  return lo === hi ? `${f(lo)}${u}` : `${f(median(values))}${u} (${f(lo)}–${f(hi)})`
}

function goalText(r: BenchResult): string {
  return r.goals
    .map((g) => `${g.on === 'ours' ? 'ours ' : ''}${g.op === '<=' ? '≤' : '≥'} ${show(g.value)}`)
    .join(', ')
}

/** The markdown table of the runs, one row per figure in the order of the first run. */
export function benchTable(runs: readonly Run[]): string {
  if (runs.some((r) => r.quick)) throw new Error('a quick run has no figures to publish')
  const rows = runs[0]!.results.map((first) => {
    const all = runs.map((run) => {
      const r = run.results.find((x) => x.name === first.name)
      if (!r) throw new Error(`a run has no ${first.name}`)
      return r
    })
    const unit = first.unit.trim() === '' ? '' : ` ${first.unit.trim()}`
    const peers = all.flatMap((r) => (r.peer === undefined ? [] : [r.peer]))
    const ratios = all.flatMap((r) => (r.ratio === undefined ? [] : [r.ratio]))
    const passed = all.filter((r) => r.pass).length
    // ours and the peer in the same scale
    const mega = [...all.map((r) => r.ours), ...peers].some((n) => Math.abs(n) >= 1e6)
    return [
      `\`${first.name}\``,
      spread(
        all.map((r) => r.ours),
        unit,
        mega,
      ),
      peers.length ? spread(peers, unit, mega) : '—',
      ratios.length ? spread(ratios, '') : '—',
      goalText(first),
      `${passed}/${all.length}`,
    ]
  })
  const header = ['benchmark', 'ours', 'peer', 'ratio', 'goal', 'runs met']
  const lines = [header, header.map(() => '---'), ...rows].map(
    (cells) => `| ${cells.join(' | ')} |`,
  )
  const seconds = runs.map((r) => r.seconds)
  return `${lines.join('\n')}\n\n${runs.length} runs of ${spread(seconds, ' s')} each.`
}

const files = process.argv.slice(2)
if (files.length > 0)
  console.log(benchTable(files.map((file) => JSON.parse(readFileSync(file, 'utf8')) as Run)))
