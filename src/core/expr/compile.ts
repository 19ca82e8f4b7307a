// Compiles a type-checked AST to plain closures over the simulation's state. No eval: each node
// becomes a small function; names read arrays by index, so nothing can reach a prototype.
import type { Scope } from './check.ts'
import type { Ast, BinaryOp } from './parse.ts'

/** The parts of the simulation state an expression can read. */
export interface Frame {
  /** State value of each component, by index ('' for components without state). */
  readonly comps: readonly string[]
  readonly vars: readonly number[]
  readonly locked: readonly boolean[]
  readonly tagged: readonly boolean[]
  readonly faults: readonly boolean[]
  /** Milliseconds of the start, tick or event being processed. */
  readonly now: number
}

export type Value = number | string | boolean
export type Compiled<T extends Value = Value> = (frame: Frame) => T

/**
 * Compiles an AST that `checkExpression` accepted. `derived` is read lazily, so derived
 * components may be compiled in any order. Pure.
 */
export function compileExpression(ast: Ast, scope: Scope, derived: readonly Compiled[]): Compiled {
  const c = (node: Ast): Compiled => compileExpression(node, scope, derived)
  switch (ast.type) {
    case 'number':
    case 'string':
    case 'boolean': {
      const value = ast.value
      return () => value
    }
    case 'name':
      return compileName(ast, scope, derived)
    case 'unary': {
      if (ast.op === '-' && ast.arg.type === 'number') {
        const value = -ast.arg.value
        return () => value
      }
      const arg = c(ast.arg)
      return ast.op === '!' ? (f) => !arg(f) : (f) => -(arg(f) as number)
    }
    case 'binary':
      return (
        compileArithmeticOnVariable(ast, scope) ??
        compileComparisonWithLiteral(ast, scope) ??
        compileBinary(ast.op, c(ast.left), c(ast.right))
      )
    case 'call':
      return compileCall(ast, c)
  }
}

/** A literal number, also a negative one, or undefined. */
function numberLiteral(ast: Ast): number | undefined {
  if (ast.type === 'number') return ast.value
  if (ast.type === 'unary' && ast.op === '-' && ast.arg.type === 'number') return -ast.arg.value
  return undefined
}

// `k * pressure`, `pressure - k` and friends are most of a scenario's rates. As one closure with
// no inner calls they return their double without boxing it, so a tick allocates nothing.
function compileArithmeticOnVariable(
  ast: Extract<Ast, { type: 'binary' }>,
  scope: Scope,
): Compiled | undefined {
  if (ast.op !== '+' && ast.op !== '-' && ast.op !== '*' && ast.op !== '/') return undefined
  const variable = (node: Ast): number | undefined => {
    if (node.type !== 'name') return undefined
    const ref = scope.resolve(node.name, node.member)
    return typeof ref === 'object' && ref.ref === 'variable' ? ref.index : undefined
  }
  const lv = variable(ast.left)
  const rk = numberLiteral(ast.right)
  if (lv !== undefined && rk !== undefined) {
    switch (ast.op) {
      case '+':
        return (f) => f.vars[lv]! + rk
      case '-':
        return (f) => f.vars[lv]! - rk
      case '*':
        return (f) => f.vars[lv]! * rk
      case '/':
        return (f) => f.vars[lv]! / rk
    }
  }
  const lk = numberLiteral(ast.left)
  const rv = variable(ast.right)
  if (lk !== undefined && rv !== undefined) {
    switch (ast.op) {
      case '+':
        return (f) => lk + f.vars[rv]!
      case '-':
        return (f) => lk - f.vars[rv]!
      case '*':
        return (f) => lk * f.vars[rv]!
      case '/':
        return (f) => lk / f.vars[rv]!
    }
  }
  return undefined
}

type Comparison = '==' | '!=' | '<' | '<=' | '>' | '>='

/** The same comparison with its operands swapped: `k < x` is `x > k`. */
const SWAPPED: Readonly<Record<Comparison, Comparison>> = {
  '==': '==',
  '!=': '!=',
  '<': '>',
  '<=': '>=',
  '>': '<',
  '>=': '<=',
}

function isComparison(op: BinaryOp): op is Comparison {
  return op in SWAPPED
}

/** A literal string or number (also a negative one), or undefined. */
function literal(ast: Ast): string | number | undefined {
  return ast.type === 'string' ? ast.value : numberLiteral(ast)
}

// `isolator == 'off'`, `pressure < 0.5` and friends are most of a scenario's conditions, and a
// tick evaluates each of them: as one closure that reads the state directly they make no inner
// calls. Same operators on the same values as compileBinary, so the same results.
function compileComparisonWithLiteral(
  ast: Extract<Ast, { type: 'binary' }>,
  scope: Scope,
): Compiled | undefined {
  if (!isComparison(ast.op)) return undefined
  const right = literal(ast.right)
  const left = right === undefined ? literal(ast.left) : undefined
  const name = right === undefined ? ast.right : ast.left
  const k = right ?? left
  if (k === undefined || name.type !== 'name') return undefined
  const ref = scope.resolve(name.name, name.member)
  if (typeof ref !== 'object' || (ref.ref !== 'state' && ref.ref !== 'variable')) return undefined
  const op = right === undefined ? SWAPPED[ast.op] : ast.op
  const i = ref.index
  // the checker has made both sides the same type: a state is a string, a variable a number
  if (ref.ref === 'state') {
    const ks = k as string
    switch (op) {
      case '==':
        return (f) => f.comps[i] === ks
      case '!=':
        return (f) => f.comps[i] !== ks
      case '<':
        return (f) => f.comps[i]! < ks
      case '<=':
        return (f) => f.comps[i]! <= ks
      case '>':
        return (f) => f.comps[i]! > ks
      case '>=':
        return (f) => f.comps[i]! >= ks
    }
  }
  const kn = k as number
  switch (op) {
    case '==':
      return (f) => f.vars[i] === kn
    case '!=':
      return (f) => f.vars[i] !== kn
    case '<':
      return (f) => f.vars[i]! < kn
    case '<=':
      return (f) => f.vars[i]! <= kn
    case '>':
      return (f) => f.vars[i]! > kn
    case '>=':
      return (f) => f.vars[i]! >= kn
  }
}

function compileBinary(op: BinaryOp, l: Compiled, r: Compiled): Compiled {
  switch (op) {
    case '||':
      return (f) => (l(f) as boolean) || (r(f) as boolean)
    case '&&':
      return (f) => (l(f) as boolean) && (r(f) as boolean)
    case '==':
      return (f) => l(f) === r(f)
    case '!=':
      return (f) => l(f) !== r(f)
    case '<':
      return (f) => l(f) < r(f)
    case '<=':
      return (f) => l(f) <= r(f)
    case '>':
      return (f) => l(f) > r(f)
    case '>=':
      return (f) => l(f) >= r(f)
    case '+':
      return (f) => (l(f) as number) + (r(f) as number)
    case '-':
      return (f) => (l(f) as number) - (r(f) as number)
    case '*':
      return (f) => (l(f) as number) * (r(f) as number)
    case '/':
      return (f) => (l(f) as number) / (r(f) as number)
  }
}

function compileName(
  ast: Extract<Ast, { type: 'name' }>,
  scope: Scope,
  derived: readonly Compiled[],
): Compiled {
  const ref = scope.resolve(ast.name, ast.member)
  if (ref.ref === 'unresolved') throw new Error(`compileExpression: unchecked name ${ast.name}`)
  switch (ref.ref) {
    case 'state': {
      const i = ref.index
      return (f) => f.comps[i]!
    }
    case 'variable': {
      const i = ref.index
      return (f) => f.vars[i]!
    }
    case 'locked': {
      const i = ref.index
      return (f) => f.locked[i]!
    }
    case 'tagged': {
      const i = ref.index
      return (f) => f.tagged[i]!
    }
    case 'fault': {
      const i = ref.index
      return (f) => f.faults[i]!
    }
    case 'derived': {
      const i = ref.index
      return (f) => derived[i]!(f)
    }
    case 'time':
      return (f) => f.now / 1000
  }
}

function compileCall(ast: Extract<Ast, { type: 'call' }>, c: (node: Ast) => Compiled): Compiled {
  const args = ast.args.map(c) as Compiled<number>[]
  switch (ast.fn) {
    case 'abs': {
      const [x] = args as [Compiled<number>]
      return (f) => Math.abs(x(f))
    }
    case 'clamp': {
      const [x, lo, hi] = args as [Compiled<number>, Compiled<number>, Compiled<number>]
      return (f) => Math.min(Math.max(x(f), lo(f)), hi(f))
    }
    case 'if': {
      const [cond, then, otherwise] = ast.args.map(c) as [Compiled, Compiled, Compiled]
      return (f) => (cond(f) ? then(f) : otherwise(f))
    }
    case 'min':
    case 'max': {
      const pick = ast.fn === 'min' ? Math.min : Math.max
      if (args.length === 1) return args[0]!
      if (args.length === 2) {
        const [a, b] = args as [Compiled<number>, Compiled<number>]
        return (f) => pick(a(f), b(f))
      }
      return (f) => {
        let acc = args[0]!(f)
        for (let i = 1; i < args.length; i++) acc = pick(acc, args[i]!(f))
        return acc
      }
    }
    default:
      throw new Error(`compileExpression: unchecked function ${ast.fn}`)
  }
}
