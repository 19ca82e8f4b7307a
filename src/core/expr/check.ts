// Type checking of expressions against the names a scenario defines (spec section 2).
// Reports every error with its column; never evaluates anything.
import type { ProblemCode, ProblemParams } from '../problemCodes.ts'
import { near } from '../problems.ts'
import type { Ast } from './parse.ts'

export type ExprType = 'number' | 'string' | 'boolean'

/** What a name in an expression reads. */
export type NameRef =
  | { readonly ref: 'state'; readonly index: number; readonly type: 'string' }
  | { readonly ref: 'derived'; readonly index: number; readonly type: ExprType | undefined }
  | { readonly ref: 'variable'; readonly index: number; readonly type: 'number' }
  | { readonly ref: 'locked' | 'tagged'; readonly index: number; readonly type: 'boolean' }
  | { readonly ref: 'fault'; readonly index: number; readonly type: 'boolean' }
  | { readonly ref: 'time'; readonly type: 'number' }

/** A name an expression cannot read, and why: no code when it was reported elsewhere. */
export interface Unresolved {
  readonly ref: 'unresolved'
  readonly type: undefined
  readonly code?: ProblemCode
  readonly params?: ProblemParams
}

/** The names an expression may read; built from a scenario by `createScope`. */
export interface Scope {
  /** What a name reads, or why it cannot be read. */
  resolve(name: string, member: string | undefined): NameRef | Unresolved
  /** The state values a stateful component can take, for checking `set` values. */
  statesOf(index: number): readonly string[]
}

/** A type error in an expression, at a 1-based column: a problem code and its params. */
export interface CheckError {
  readonly column: number
  readonly code: ProblemCode
  readonly params: ProblemParams
}

/** The result of checking one expression: its type (undefined when unknown) and every error. */
export interface CheckOutcome {
  readonly type: ExprType | undefined
  readonly errors: CheckError[]
}

const FUNCTIONS = ['min', 'max', 'abs', 'clamp', 'if']

/** Type-checks an AST against a scope. Pure. */
export function checkExpression(ast: Ast, scope: Scope): CheckOutcome {
  const errors: CheckError[] = []
  const type = typeOf(ast, scope, errors)
  return { type, errors }
}

function typeOf(ast: Ast, scope: Scope, errors: CheckError[]): ExprType | undefined {
  const expect = (node: Ast, want: ExprType, op: string): void => {
    const got = typeOf(node, scope, errors)
    if (got !== undefined && got !== want)
      errors.push({ column: node.col, code: 'expr.operand', params: { op, want, got } })
  }
  switch (ast.type) {
    case 'number':
    case 'string':
    case 'boolean':
      return ast.type
    case 'name': {
      const ref = scope.resolve(ast.name, ast.member)
      if (ref.ref === 'unresolved') {
        if (ref.code) errors.push({ column: ast.col, code: ref.code, params: ref.params ?? {} })
        return undefined
      }
      return ref.type
    }
    case 'unary':
      if (ast.op === '!') {
        expect(ast.arg, 'boolean', '"!"')
        return 'boolean'
      }
      expect(ast.arg, 'number', '"-"')
      return 'number'
    case 'binary': {
      const what = `"${ast.op}"`
      switch (ast.op) {
        case '&&':
        case '||':
          expect(ast.left, 'boolean', what)
          expect(ast.right, 'boolean', what)
          return 'boolean'
        case '+':
        case '-':
        case '*':
        case '/':
          expect(ast.left, 'number', what)
          expect(ast.right, 'number', what)
          return 'number'
        default: {
          const left = typeOf(ast.left, scope, errors)
          const right = typeOf(ast.right, scope, errors)
          const ordering = ast.op !== '==' && ast.op !== '!='
          if (ordering && (left === 'boolean' || right === 'boolean')) {
            errors.push({ column: ast.col, code: 'expr.booleanOrder', params: { op: what } })
          } else if (left !== undefined && right !== undefined && left !== right) {
            errors.push({
              column: ast.col,
              code: 'expr.mixedCompare',
              params: { op: what, left, right },
            })
          }
          return 'boolean'
        }
      }
    }
    case 'call':
      return callType(ast, scope, errors, expect)
  }
}

function callType(
  ast: Extract<Ast, { type: 'call' }>,
  scope: Scope,
  errors: CheckError[],
  expect: (node: Ast, want: ExprType, op: string) => void,
): ExprType | undefined {
  const arity = (n: number): boolean => {
    if (ast.args.length === n) return true
    errors.push({
      column: ast.col,
      code: n === 1 ? 'expr.arityOne' : 'expr.arity',
      params: { fn: ast.fn, expected: n, got: ast.args.length },
    })
    return false
  }
  switch (ast.fn) {
    case 'min':
    case 'max':
      if (ast.args.length === 0)
        errors.push({ column: ast.col, code: 'expr.noArguments', params: { fn: ast.fn } })
      for (const a of ast.args) expect(a, 'number', `${ast.fn}()`)
      return 'number'
    case 'abs':
      if (arity(1)) expect(ast.args[0]!, 'number', 'abs()')
      return 'number'
    case 'clamp':
      if (arity(3)) for (const a of ast.args) expect(a, 'number', 'clamp()')
      return 'number'
    case 'if': {
      if (!arity(3)) return undefined
      const [cond, then, otherwise] = ast.args as [Ast, Ast, Ast]
      const c = typeOf(cond, scope, errors)
      if (c !== undefined && c !== 'boolean')
        errors.push({ column: cond.col, code: 'expr.ifCondition', params: { got: c } })
      const a = typeOf(then, scope, errors)
      const b = typeOf(otherwise, scope, errors)
      if (a !== undefined && b !== undefined && a !== b) {
        errors.push({
          column: otherwise.col,
          code: 'expr.ifBranches',
          params: { left: a, right: b },
        })
        return undefined
      }
      return a ?? b
    }
    default:
      for (const a of ast.args) typeOf(a, scope, errors)
      errors.push({
        column: ast.col,
        code: 'expr.unknownFunction',
        params: { fn: ast.fn, near: near(ast.fn, FUNCTIONS), functions: FUNCTIONS.join(', ') },
      })
      return undefined
  }
}

/**
 * The string values an expression can produce, when they can be known statically (literals,
 * component states, if() over those); undefined when they cannot. Given `derived` (the AST of a
 * derived component's expression), it also looks through the displays an expression reads. Pure.
 */
export function possibleStrings(
  ast: Ast,
  scope: Scope,
  derived?: (index: number) => Ast | undefined,
  seen: ReadonlySet<number> = new Set(),
): Set<string> | undefined {
  switch (ast.type) {
    case 'string':
      return new Set([ast.value])
    case 'name': {
      const ref = scope.resolve(ast.name, ast.member)
      if (ref.ref === 'unresolved') return undefined
      if (ref.ref === 'state') return new Set(scope.statesOf(ref.index))
      if (ref.ref !== 'derived' || seen.has(ref.index)) return undefined
      const source = derived?.(ref.index)
      return source && possibleStrings(source, scope, derived, new Set([...seen, ref.index]))
    }
    case 'call': {
      if (ast.fn !== 'if' || ast.args.length !== 3) return undefined
      const a = possibleStrings(ast.args[1]!, scope, derived, seen)
      const b = possibleStrings(ast.args[2]!, scope, derived, seen)
      return a && b ? new Set([...a, ...b]) : undefined
    }
    default:
      return undefined
  }
}
