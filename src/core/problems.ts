// Problems found in a user's file, and how they read: `json.path: message`.
// Owns path formatting and nearest-name suggestions; knows nothing of any format.

/** One thing wrong with an input file, at a JSON path. */
export interface Problem {
  readonly path: string
  readonly message: string
}

export type PathSegment = string | number

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
  return `${problem.path}: ${problem.message}`
}

/** Levenshtein distance, capped: returns cap + 1 as soon as the distance must exceed cap. Pure. */
function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    let rowMin = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost)
      cur.push(v)
      if (v < rowMin) rowMin = v
    }
    if (rowMin > cap) return cap + 1
    prev = cur
  }
  return prev[b.length] ?? cap + 1
}

/** The closest candidate to `name` when one is close enough to be a likely typo. Pure. */
export function nearestName(name: string, candidates: Iterable<string>): string | undefined {
  const cap = Math.max(1, Math.min(3, Math.floor(name.length / 3)))
  let best: string | undefined
  let bestDistance = cap + 1
  const lower = name.toLowerCase()
  for (const candidate of candidates) {
    if (candidate === name) continue
    const d =
      candidate.toLowerCase() === lower ? 0 : editDistance(lower, candidate.toLowerCase(), cap)
    if (d < bestDistance) {
      best = candidate
      bestDistance = d
    }
  }
  return best
}

/** ` (did you mean "x"?)` or the empty string. Pure. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const near = nearestName(name, candidates)
  return near === undefined ? '' : ` (did you mean "${near}"?)`
}

/** Collects problems under a base path; used by every validator. */
export class ProblemList {
  readonly items: Problem[] = []

  add(path: readonly PathSegment[], message: string): void {
    this.items.push({ path: formatPath(path), message })
  }

  get empty(): boolean {
    return this.items.length === 0
  }
}
