// Reading a batch of files for the assessor: scenarios, attempts and result files in any order.
// Every attempt is re-scored by the engine against its scenario; nothing a file says is trusted.
import {
  checkAttemptShape,
  checkShape,
  detectFormat,
  loadScenarioJson,
  problemAt,
  readJsonFile,
  ResultSchema,
  wrongFormat,
  scoreAttempt,
  type Attempt,
  type Model,
  type Problem,
  type Result,
} from '../core/index.ts'

export interface InputFile {
  readonly name: string
  readonly bytes: Uint8Array
}

/** One attempt under review, or a file that could not be used. */
export interface ReviewItem {
  readonly key: string
  readonly file: string
  readonly attempt: Attempt | undefined
  readonly model: Model | undefined
  /** The engine's result of re-scoring the attempt's own log. */
  readonly result: Result | undefined
  readonly problems: readonly Problem[]
  /** A result file was imported for this attempt and its numbers differ from re-scoring. */
  readonly mismatch: boolean
}

function numbersClose(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => numbersClose(x, b[i]))
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a)
    return (
      ka.length === Object.keys(b).length &&
      ka.every((k) =>
        numbersClose((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
      )
    )
  }
  return a === b
}

/** Whether a result file says what re-scoring says, allowing 1e-9 on numbers (spec section 6). Pure. */
export function isSameResult(a: Result, b: Result): boolean {
  return numbersClose(a, b)
}

type Parsed =
  | { kind: 'scenario'; file: string; model: Model }
  | { kind: 'attempt'; file: string; attempt: Attempt }
  | { kind: 'result'; file: string; result: Result }
  | { kind: 'broken'; file: string; problems: readonly Problem[] }

function parseFile(f: InputFile): Parsed {
  const broken = (problems: readonly Problem[]): Parsed => ({
    kind: 'broken',
    file: f.name,
    problems,
  })
  const json = readJsonFile(f.bytes)
  if (!json.ok) return broken(json.problems)
  const format = detectFormat(json.value)
  if (format === 'scenario') {
    // re-scoring only needs the rules: a look this app cannot draw is replayed as the kind's
    // default shape, so any look name of the right form is accepted (spec amendment 1)
    const loaded = loadScenarioJson(json.value, f.bytes, { looks: 'form' })
    return loaded.ok
      ? { kind: 'scenario', file: f.name, model: loaded.value }
      : broken(loaded.problems)
  }
  if (format === 'attempt') {
    const attempt = checkAttemptShape(json.value)
    return attempt.ok
      ? { kind: 'attempt', file: f.name, attempt: attempt.value }
      : broken(attempt.problems)
  }
  if (format === 'result') {
    const result = checkShape(ResultSchema, json.value)
    return result.ok
      ? { kind: 'result', file: f.name, result: result.value }
      : broken(result.problems)
  }
  return broken(wrongFormat().problems)
}

/** The scenario an attempt was recorded on: the same id and version if loaded, else the same id. */
function scenarioFor(attempt: Attempt, scenarios: readonly Model[]): Model | undefined {
  const same = scenarios.filter((m) => m.scenario.id === attempt.scenario.id)
  return same.find((m) => m.scenario.version === attempt.scenario.version) ?? same[same.length - 1]
}

/** Scores an attempt again (after a new judgement mark, say). Pure. */
export function rescore(item: ReviewItem, attempt: Attempt): ReviewItem {
  if (!item.model) return item
  const scored = scoreAttempt(item.model, attempt)
  return scored.ok
    ? { ...item, attempt, result: scored.value, problems: [] }
    : { ...item, attempt, result: undefined, problems: scored.problems }
}

/** Reads files (with scenarios known already, e.g. the bundled ones) into review items. Pure. */
export function importFiles(
  files: readonly InputFile[],
  known: readonly Model[],
): { items: ReviewItem[]; scenarios: Model[] } {
  const parsed = files.map(parseFile)
  const scenarios = [...known, ...parsed.flatMap((p) => (p.kind === 'scenario' ? [p.model] : []))]
  const results = parsed.flatMap((p) => (p.kind === 'result' ? [p] : []))
  const items: ReviewItem[] = []
  for (const p of parsed) {
    if (p.kind === 'broken')
      items.push({
        key: `file:${p.file}`,
        file: p.file,
        attempt: undefined,
        model: undefined,
        result: undefined,
        problems: p.problems,
        mismatch: false,
      })
    if (p.kind !== 'attempt') continue
    const model = scenarioFor(p.attempt, scenarios)
    const base: ReviewItem = {
      key: p.attempt.id,
      file: p.file,
      attempt: p.attempt,
      model,
      result: undefined,
      problems: [],
      mismatch: false,
    }
    if (!model) {
      items.push({
        ...base,
        problems: [
          problemAt(['scenario', 'id'], 'import.scenarioMissing', { id: p.attempt.scenario.id }),
        ],
      })
      continue
    }
    const item = rescore(base, p.attempt)
    const claimed = results.find((r) => r.result.attempt === p.attempt.id)
    items.push(
      claimed && item.result
        ? { ...item, mismatch: !isSameResult(claimed.result, item.result) }
        : item,
    )
  }
  // a result file whose attempt is missing cannot be checked
  for (const r of results) {
    if (!items.some((i) => i.attempt?.id === r.result.attempt)) {
      items.push({
        key: `file:${r.file}`,
        file: r.file,
        attempt: undefined,
        model: undefined,
        result: undefined,
        mismatch: false,
        problems: [problemAt(['attempt'], 'import.attemptMissing', { id: r.result.attempt })],
      })
    }
  }
  // the same attempt (or file) twice in one import is one item: the later file, as a later import
  // replaces an earlier one in the review
  const byKey = new Map(items.map((i) => [i.key, i]))
  return { items: [...byKey.values()], scenarios: scenarios.slice(known.length) }
}
