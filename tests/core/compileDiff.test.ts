// Differential test of the expression compiler: its fast paths (a variable against a literal, a
// state against a literal, a folded negative literal, two-argument min and max) give exactly the
// value the general path gives, on random well-typed expressions and random states.
//
// The general path is reached without a switch in the product: every operand is wrapped in
// `if(true, e, e)`, which the compiler cannot fold, so no node keeps the shape a fast path looks
// for; and min/max get a repeated argument, which changes no result but takes the n-ary loop.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  checkExpression,
  ExpressionCache,
  parseExpression,
  type Ast,
  type Model,
} from '../../src/core/index.ts'
import { compileExpression, type Compiled, type Frame } from '../../src/core/expr/compile.ts'
import { createScope } from '../../src/core/scope.ts'
import { bundledScenarioFiles, loadScenarioFile } from '../helpers.ts'

const show = (v: unknown): string => (Object.is(v, -0) ? '-0' : String(v))

const TRUE: Ast = { type: 'boolean', value: true, col: 0 }
const opaque = (e: Ast): Ast => ({ type: 'call', fn: 'if', args: [TRUE, e, e], col: 0 })

/** The same expression, shaped so that the compiler takes its general path everywhere. */
function general(ast: Ast): Ast {
  switch (ast.type) {
    case 'unary':
      return { ...ast, arg: opaque(general(ast.arg)) }
    case 'binary':
      return { ...ast, left: opaque(general(ast.left)), right: opaque(general(ast.right)) }
    case 'call': {
      const args = ast.args.map(general)
      if (ast.fn === 'min' || ast.fn === 'max') while (args.length < 3) args.push(args[0]!)
      return { ...ast, args }
    }
    default:
      return ast
  }
}

/** Whether the expression has a node of a shape a fast path takes. */
function hasFastShape(ast: Ast): boolean {
  switch (ast.type) {
    case 'unary':
      return ast.arg.type === 'number' || hasFastShape(ast.arg)
    case 'binary': {
      const leaf = (a: Ast) =>
        a.type === 'name' || a.type === 'number' || a.type === 'string' || a.type === 'unary'
      return (
        (leaf(ast.left) && leaf(ast.right)) || hasFastShape(ast.left) || hasFastShape(ast.right)
      )
    }
    case 'call':
      return ast.fn === 'min' || ast.fn === 'max' || ast.args.some(hasFastShape)
    default:
      return false
  }
}

/** Well-typed expression texts over the scenario's names. */
function expressionArb(model: Model): fc.Arbitrary<string> {
  const comps = model.components
  const stateful = comps.filter((c) => c.states.length > 0 && c.value === undefined)
  const ofType = (type: string) => comps.filter((c) => c.valueType === type).map((c) => c.id)
  const pick = (names: string[], fallback: string) =>
    names.length > 0 ? fc.constantFrom(...names) : fc.constant(fallback)
  const numberLit = fc.oneof(
    fc.integer({ min: -20, max: 20 }).map(String),
    fc.double({ min: -100, max: 100, noNaN: true }).map((x) => String(Math.round(x * 100) / 100)),
    fc.constantFrom('0', '-0', '0.5', '1000'),
  )
  const variables = model.variables.map((v) => v.id)
  const stateLit = fc
    .oneof(fc.constantFrom(...new Set(stateful.flatMap((c) => c.states)), 'zz', ''))
    .map((s) => `'${s}'`)
  const booleans = [
    ...ofType('boolean'),
    ...comps.filter((c) => c.lockable).map((c) => `${c.id}.locked`),
    ...comps.filter((c) => c.taggable).map((c) => `${c.id}.tagged`),
    ...model.faults.map((f) => `fault.${f.id}`),
  ]
  const cmp = fc.constantFrom('==', '!=', '<', '<=', '>', '>=')
  const arith = fc.constantFrom('+', '-', '*', '/')
  const { num, bool, str } = fc.letrec<{ num: string; bool: string; str: string }>((tie) => ({
    num: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      numberLit,
      pick(variables, '1'),
      pick(ofType('number'), 'time'),
      fc.constant('time'),
      fc.tuple(tie('num'), arith, tie('num')).map(([a, op, b]) => `(${a} ${op} ${b})`),
      fc.tuple(pick(variables, '2'), arith, numberLit).map(([a, op, b]) => `${a} ${op} ${b}`),
      fc.tuple(numberLit, arith, pick(variables, '3')).map(([a, op, b]) => `${a} ${op} ${b}`),
      tie('num').map((a) => `-(${a})`),
      tie('num').map((a) => `abs(${a})`),
      fc
        .tuple(fc.constantFrom('min', 'max'), fc.array(tie('num'), { minLength: 1, maxLength: 4 }))
        .map(([fn, args]) => `${fn}(${args.join(', ')})`),
      fc.tuple(tie('num'), tie('num'), tie('num')).map(([a, b, c]) => `clamp(${a}, ${b}, ${c})`),
      fc.tuple(tie('bool'), tie('num'), tie('num')).map(([c, a, b]) => `if(${c}, ${a}, ${b})`),
    ),
    bool: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom('true', 'false'),
      pick(booleans, 'true'),
      fc
        .tuple(
          pick(
            stateful.map((c) => c.id),
            "'a'",
          ),
          cmp,
          stateLit,
        )
        .map(([a, op, b]) => `${a} ${op} ${b}`),
      fc
        .tuple(
          stateLit,
          cmp,
          pick(
            stateful.map((c) => c.id),
            "'a'",
          ),
        )
        .map(([a, op, b]) => `${a} ${op} ${b}`),
      fc.tuple(pick(variables, '4'), cmp, numberLit).map(([a, op, b]) => `${a} ${op} ${b}`),
      fc.tuple(numberLit, cmp, pick(variables, '5')).map(([a, op, b]) => `${a} ${op} ${b}`),
      fc.tuple(tie('num'), cmp, tie('num')).map(([a, op, b]) => `(${a} ${op} ${b})`),
      fc
        .tuple(tie('str'), fc.constantFrom('==', '!='), tie('str'))
        .map(([a, op, b]) => `(${a} ${op} ${b})`),
      fc
        .tuple(tie('bool'), fc.constantFrom('==', '!='), tie('bool'))
        .map(([a, op, b]) => `(${a} ${op} ${b})`),
      tie('bool').map((a) => `!(${a})`),
      fc
        .tuple(tie('bool'), fc.constantFrom('&&', '||'), tie('bool'))
        .map(([a, op, b]) => `(${a} ${op} ${b})`),
      fc.tuple(tie('bool'), tie('bool'), tie('bool')).map(([c, a, b]) => `if(${c}, ${a}, ${b})`),
    ),
    str: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      stateLit,
      pick(
        stateful.map((c) => c.id),
        "'b'",
      ),
      pick(ofType('string'), "'c'"),
      fc.tuple(tie('bool'), tie('str'), tie('str')).map(([c, a, b]) => `if(${c}, ${a}, ${b})`),
    ),
  }))
  return fc.oneof(num, bool, str)
}

/** Any state of the scenario, numbers including -0, NaN and the infinities. */
function frameArb(model: Model): fc.Arbitrary<Frame> {
  const n = model.components.length
  return fc.record({
    comps: fc.tuple(
      ...model.components.map((c) =>
        c.states.length > 0 ? fc.constantFrom(...c.states, 'zz') : fc.constant(''),
      ),
    ),
    vars: fc.tuple(
      ...model.variables.map(() =>
        fc.oneof(fc.double(), fc.integer({ min: -20, max: 20 }), fc.constantFrom(0, -0, 0.5)),
      ),
    ),
    locked: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    tagged: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    faults: fc.array(fc.boolean(), {
      minLength: model.faults.length,
      maxLength: model.faults.length,
    }),
    now: fc.nat({ max: 3_600_000 }),
  })
}

describe.each(bundledScenarioFiles())('compiled expressions of %s', (file) => {
  const model = loadScenarioFile(file)
  const scenario = model.scenario
  const scope = createScope(
    {
      components: scenario.components,
      variables: scenario.variables ?? [],
      faults: scenario.faults ?? [],
      brokenIds: new Set(),
    },
    new ExpressionCache(),
  )
  const derived = model.components.map((c) => c.value) as Compiled[]
  const compile = (ast: Ast) => compileExpression(ast, scope, derived)

  it('give the general path value through every fast path, on any state', () => {
    let fastShapes = 0
    fc.assert(
      fc.property(
        expressionArb(model),
        fc.array(frameArb(model), { minLength: 1, maxLength: 5 }),
        (src, frames) => {
          const parsed = parseExpression(src)
          if (!parsed.ok) throw new Error(`generated unparsable "${src}"`)
          fc.pre(checkExpression(parsed.ast, scope).errors.length === 0)
          if (hasFastShape(parsed.ast)) fastShapes++
          const fast = compile(parsed.ast)
          const slow = compile(general(parsed.ast))
          for (const frame of frames) {
            const [a, b] = [fast(frame), slow(frame)]
            expect(Object.is(a, b), `${src} gave ${show(a)}, the general path ${show(b)}`).toBe(
              true,
            )
          }
        },
      ),
      { numRuns: 300 },
    )
    // the test means something only if the fast shapes came up often
    expect(fastShapes).toBeGreaterThan(100)
  })
})

describe('the general path of the differential test', () => {
  it('keeps no node in a fast shape', () => {
    const parsed = parseExpression("x < 5 && -3 * y > 0 && min(a, b) == max(c) && s == 'on'")
    if (!parsed.ok) throw new Error('unparsable')
    const walk = (a: Ast): boolean =>
      a.type === 'binary'
        ? a.left.type === 'call' && a.right.type === 'call' && walk(a.left) && walk(a.right)
        : a.type === 'unary'
          ? a.arg.type === 'call' && walk(a.arg)
          : a.type === 'call'
            ? (!['min', 'max'].includes(a.fn) || a.args.length > 2) && a.args.every(walk)
            : true
    expect(walk(general(parsed.ast))).toBe(true)
  })
})
