import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createStart, loadScenario, parseExpression, type Model } from '../../src/core/index.ts'

function modelWith(expr: string): Model {
  const loaded = loadScenario(
    JSON.stringify({
      format: 'practica.scenario/1',
      id: 'expr',
      version: '1.0.0',
      title: 'Expr',
      competencies: [],
      components: [
        { id: 'sw', kind: 'switch', label: 'Switch', lockable: true },
        { id: 'd', kind: 'display', label: 'Display', value: expr },
      ],
      variables: [
        { id: 'x', initial: 3 },
        { id: 'y', initial: -2 },
      ],
      faults: [{ id: 'jam', title: 'Jam', chance: 0.5, set: {} }],
      steps: [{ id: 's', title: 'S', action: { action: 'set', target: 'sw', value: 'on' } }],
    }),
  )
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => `${p.path}: ${p.message}`).join('\n'))
  return loaded.value
}

function evaluate(expr: string, faults: string[] = []): unknown {
  const m = modelWith(expr)
  return m.components[1]!.value!(createStart(m, 'practice', faults))
}

describe('expressions', () => {
  it('follows the precedence of the spec, lowest first || && == < + * unary', () => {
    expect(evaluate('1 + 2 * 3')).toBe(7)
    expect(evaluate('(1 + 2) * 3')).toBe(9)
    expect(evaluate('10 - 4 - 3')).toBe(3)
    expect(evaluate('12 / 3 / 2')).toBe(2)
    expect(evaluate('-x * 2')).toBe(-6)
    expect(evaluate('if(1 < 2 == 2 < 3, 1, 0)')).toBe(1)
    expect(evaluate('if(true || false && false, 1, 0)')).toBe(1)
    expect(evaluate('if(!false && x > 2, 1, 0)')).toBe(1)
  })

  it('computes IEEE doubles left to right, as JavaScript does', () => {
    expect(evaluate('0.1 + 0.2')).toBe(0.1 + 0.2)
    expect(evaluate('1 / 0')).toBe(Infinity)
  })

  it('has min, max, abs, clamp and if', () => {
    expect(evaluate('min(x, y, 7)')).toBe(-2)
    expect(evaluate('max(x)')).toBe(3)
    expect(evaluate('abs(y)')).toBe(2)
    expect(evaluate('clamp(x, 0, 1)')).toBe(1)
    expect(evaluate('clamp(y, 0, 1)')).toBe(0)
    expect(evaluate("if(sw == 'off', 'cold', 'hot')")).toBe('cold')
  })

  it('reads states, lock flags, faults and time', () => {
    expect(evaluate('sw')).toBe('off')
    expect(evaluate('if(sw.locked, 1, 2)')).toBe(2)
    expect(evaluate('if(fault.jam, 1, 2)', ['jam'])).toBe(1)
    expect(evaluate('time')).toBe(0)
  })

  it('evaluates only what && || and if need', () => {
    // the right side would divide by zero into a NaN comparison; short-circuit never reaches it
    expect(evaluate('if(false && 1 / 0 > 0, 1, 2)')).toBe(2)
    expect(evaluate('if(true || 1 / 0 > 0, 1, 2)')).toBe(1)
  })

  it('takes JSON numbers and both quote styles with backslash escapes', () => {
    expect(evaluate('1.5e2')).toBe(150)
    expect(evaluate("'it\\'s'")).toBe("it's")
    expect(evaluate('"say \\"hi\\""')).toBe('say "hi"')
  })

  it('reports syntax errors with their column', () => {
    const cases: [string, number, RegExp][] = [
      ['1 +', 4, /ends where a value was expected/],
      ['(1 + 2', 7, /'\)' to close the '\(' at column 1/],
      ["'open", 1, /never closed/],
      ['a = b', 3, /use ==/],
      ['a & b', 3, /use &&/],
      ['1 2', 3, /unexpected number 2; is an operator missing/],
      ['01', 2, /malformed number/],
      ['', 1, /empty/],
      ['a.', 3, /expected a name after "a\."/],
    ]
    for (const [src, column, message] of cases) {
      const parsed = parseExpression(src)
      expect(parsed.ok, src).toBe(false)
      if (!parsed.ok) {
        expect(parsed.error.column, src).toBe(column)
        expect(parsed.error.message, src).toMatch(message)
      }
    }
  })

  it('refuses an expression nested too deeply instead of overflowing the stack', () => {
    const parsed = parseExpression('('.repeat(500) + '1' + ')'.repeat(500))
    expect(parsed.ok).toBe(false)
    expect(!parsed.ok && parsed.error.message).toMatch(/nested more than 64 levels/)
  })

  it('turns any string into an AST or a syntax error, never another exception', () => {
    const alphabet = fc.constantFrom(
      ...'ab_.1209eE+-*/!=<>&|()\'", \\x'.split(''),
      'if',
      'min',
      'true',
      'constructor',
      '__proto__',
    )
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(alphabet, { maxLength: 40 }).map((a) => a.join('')),
        ),
        (src) => {
          const parsed = parseExpression(src)
          if (!parsed.ok) {
            expect(parsed.error.column).toBeGreaterThanOrEqual(1)
            expect(parsed.error.column).toBeLessThanOrEqual(src.length + 1)
          }
        },
      ),
      { numRuns: 5000 },
    )
  })
})
