// Problems found in a user's file, and how they read: `json.path: message`.
// Owns path formatting and nearest-name suggestions; knows nothing of any format. A problem
// keeps its path as segments and its code with params; the English text and the path string
// are made for the edge (the CLI, a log), and screens say the code in the learner's language.
// Only the codes met reading a file or a record are made here (fileProblemCodes.ts): the
// validators make theirs with problemCodes.ts, whose texts the playing app does not download.
import { fileProblemMessage, type FileProblemCode } from './fileProblemCodes.ts'
import type { ProblemCode } from './problemCodes.ts'
import type { ProblemParams } from './problemTemplates.ts'

export type { FileProblemCode } from './fileProblemCodes.ts'
export type { ProblemCode } from './problemCodes.ts'
export type { ProblemParams } from './problemTemplates.ts'

export type PathSegment = string | number

/** One thing wrong with an input file, at a JSON path ([] is the whole file). */
export interface Problem {
  readonly path: readonly PathSegment[]
  readonly code: ProblemCode
  readonly params: ProblemParams
  /** The English text, built from the code's template and params. */
  readonly message: string
}

/** The maker of problems of one code table, whose English texts `message` builds. Pure. */
export function problemMaker<C extends ProblemCode>(
  message: (code: C, params: ProblemParams) => string,
): (path: readonly PathSegment[], code: C, params?: ProblemParams) => Problem {
  return (path, code, params = {}) => ({ path, code, params, message: message(code, params) })
}

/** A problem met reading a file or a record at `path`, its English text built. Pure. */
export const problemAt = problemMaker<FileProblemCode>(fileProblemMessage)

/** The refusal of a whole file for one problem. Pure. */
export function refuse(code: FileProblemCode, params: ProblemParams = {}): Outcome<never> {
  return { ok: false, problems: [problemAt([], code, params)] }
}

/** Whether a problem is at `path` or inside it (`['steps', 2]` holds `steps[2].title`). Pure. */
export function isUnder(problem: Problem, path: readonly PathSegment[]): boolean {
  if (problem.path.length < path.length) return false
  return path.every((seg, i) => problem.path[i] === seg)
}

/** Whether a problem is exactly at `path`. Pure. */
export function isAt(problem: Problem, path: readonly PathSegment[]): boolean {
  return problem.path.length === path.length && isUnder(problem, path)
}

/** A result that is either a value or the list of everything wrong with the input. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; problems: Problem[] }

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/

/** Formats a path as `components[3].label.en`; the root is `(file)`. Pure. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = ''
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`
    else if (IDENT.test(seg)) out += out === '' ? seg : `.${seg}`
    else out += `[${JSON.stringify(seg)}]`
  }
  return out === '' ? '(file)' : out
}

/** Renders a problem as one line for a terminal or a list. Pure. */
export function formatProblem(problem: Problem): string {
  return `${formatPath(problem.path)}: ${problem.message}`
}

/** Edit distance counting a swap of neighbours as one edit, capped: cap + 1 means "further". Pure. */
function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1
  let before: number[] = []
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    let rowMin = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, before[j - 2]! + 1)
      cur.push(v)
      if (v < rowMin) rowMin = v
    }
    if (rowMin > cap) return cap + 1
    before = prev
    prev = cur
  }
  return prev[b.length]!
}

function commonPrefix(a: string, b: string): number {
  let n = 0
  while (n < a.length && n < b.length && a[n] === b[n]) n++
  return n
}

/** The closest candidate to `name` when one is close enough to be a likely typo. Pure. */
export function nearestName(name: string, candidates: Iterable<string>): string | undefined {
  const cap = Math.max(1, Math.min(3, Math.floor(name.length / 3)))
  let best: string | undefined
  let bestDistance = cap + 1
  let bestPrefix = -1
  const lower = name.toLowerCase()
  for (const candidate of candidates) {
    if (candidate === name) continue
    const other = candidate.toLowerCase()
    const d = editDistance(lower, other, cap)
    const prefix = commonPrefix(lower, other)
    // on a tie, the candidate that shares the longer start is the likelier meaning ("of" → "off")
    if (d < bestDistance || (d === bestDistance && d <= cap && prefix > bestPrefix)) {
      best = candidate
      bestDistance = d
      bestPrefix = prefix
    }
  }
  return best
}

/** The `near` param of a problem: the likely meant name, or '' when none is close. Pure. */
export function near(name: string, candidates: Iterable<string>): string {
  return nearestName(name, candidates) ?? ''
}

/** ` (did you mean "x"?)` or the empty string. Pure. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const near = nearestName(name, candidates)
  return near === undefined ? '' : ` (did you mean "${near}"?)`
}

/** Builds one problem of the code table `C` at `path` (problemAt, or problemCodes' anyProblemAt). */
export type MakeProblem<C extends ProblemCode> = (
  path: readonly PathSegment[],
  code: C,
  params: ProblemParams,
) => Problem

/**
 * Collects problems of one code table: `new ProblemList(problemAt)` for a record's codes,
 * `new ProblemList(anyProblemAt)` for the scenario checks', whose texts only the validators load.
 */
export class ProblemList<C extends ProblemCode> {
  readonly items: Problem[] = []

  constructor(private readonly make: MakeProblem<C>) {}

  add(path: readonly PathSegment[], code: C, params: ProblemParams = {}): void {
    this.items.push(this.make(path, code, params))
  }

  get empty(): boolean {
    return this.items.length === 0
  }
}
