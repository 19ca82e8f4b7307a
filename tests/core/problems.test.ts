// Problems keep their path as segments; the path string and the English text are for the edge.
import { describe, expect, it } from 'vitest'
import {
  anyProblemAt,
  formatProblem,
  isAt,
  isUnder,
  PROBLEM_TEXTS,
  problemAt,
  refuse,
  templateParams,
} from '../../src/core/index.ts'
import { FILE_PROBLEM_TEXTS, type FileProblemCode } from '../../src/core/fileProblemCodes.ts'

describe('problems', () => {
  const p = anyProblemAt(['steps', 10, 'after', 0], 'step.unknown', { id: 'x', near: 'y' })

  it('is under its own path and every parent, compared segment by segment', () => {
    expect(isUnder(p, [])).toBe(true)
    expect(isUnder(p, ['steps', 10])).toBe(true)
    expect(isUnder(p, ['steps', 10, 'after', 0])).toBe(true)
    // the string prefix "steps[1" would have matched steps[10]
    expect(isUnder(p, ['steps', 1])).toBe(false)
    expect(isUnder(p, ['steps', '10'])).toBe(false)
    expect(isUnder(p, ['steps', 10, 'after', 0, 'id'])).toBe(false)
  })

  it('is at exactly its own path only', () => {
    expect(isAt(p, ['steps', 10, 'after', 0])).toBe(true)
    expect(isAt(p, ['steps', 10])).toBe(false)
  })

  it('reads as path and English text built from its code', () => {
    expect(formatProblem(p)).toBe('steps[10].after[0]: unknown step "x" (did you mean "y"?)')
    expect(formatProblem(anyProblemAt(['a b'], 'step.unknown', { id: 'x', near: '' }))).toBe(
      '["a b"]: unknown step "x"',
    )
    const refused = refuse('file.tooLarge', { megabytes: 5 })
    expect(!refused.ok && refused.problems.map(formatProblem)).toEqual([
      '(file): the file is larger than 5 MB; Practica files are far smaller, so this is not one',
    ])
  })

  it('says a file code the same from the small catalogue as from the whole one', () => {
    const codes = Object.keys(FILE_PROBLEM_TEXTS) as FileProblemCode[]
    expect(codes).toContain('file.notUtf8')
    expect(codes).not.toContain('shape.unknownField')
    for (const code of codes) {
      const params = Object.fromEntries(templateParams(PROBLEM_TEXTS[code]).map((n) => [n, 'v']))
      expect(problemAt(['a'], code, params)).toEqual(anyProblemAt(['a'], code, params))
    }
  })
})
