// The common forms of an expression as a builder shows them: a part in a state, a part locked or
// tagged, a value compared with a number, and several of these joined by "and" or "or". Read off
// the engine's own parser (no second grammar): an expression of another shape has no form and is
// edited as text. Pure.
import { parseExpression, type Ast } from './expr/parse.ts'

export type Comparison = '==' | '!=' | '<' | '<=' | '>' | '>='

export type ExprTerm =
  /** `name == 'state'` or `name != 'state'`: a part in (or not in) one of its states. */
  | { readonly kind: 'state'; readonly name: string; readonly state: string; readonly not: boolean }
  /** `name.locked`, `!name.tagged`: a part's lock or tag on or off. */
  | {
      readonly kind: 'flag'
      readonly name: string
      readonly flag: 'locked' | 'tagged'
      readonly not: boolean
    }
  /** `name < 0.5`: a value (a variable, a gauge) compared with a number. */
  | {
      readonly kind: 'compare'
      readonly name: string
      readonly op: Comparison
      readonly number: number
    }

export interface ExprForm {
  readonly join: '&&' | '||'
  readonly terms: readonly ExprTerm[]
}

const COMPARISONS: readonly string[] = ['==', '!=', '<', '<=', '>', '>=']

function numberOf(ast: Ast): number | undefined {
  if (ast.type === 'number') return ast.value
  if (ast.type === 'unary' && ast.op === '-' && ast.arg.type === 'number') return -ast.arg.value
  return undefined
}

function termOf(ast: Ast): ExprTerm | undefined {
  if (ast.type === 'name' && (ast.member === 'locked' || ast.member === 'tagged'))
    return { kind: 'flag', name: ast.name, flag: ast.member, not: false }
  if (ast.type === 'unary' && ast.op === '!') {
    const inner = termOf(ast.arg)
    return inner?.kind === 'flag' ? { ...inner, not: !inner.not } : undefined
  }
  if (ast.type !== 'binary' || !COMPARISONS.includes(ast.op)) return undefined
  if (ast.left.type !== 'name' || ast.left.member !== undefined) return undefined
  const name = ast.left.name
  if (ast.right.type === 'string' && (ast.op === '==' || ast.op === '!='))
    return { kind: 'state', name, state: ast.right.value, not: ast.op === '!=' }
  const number = numberOf(ast.right)
  return number === undefined
    ? undefined
    : { kind: 'compare', name, op: ast.op as Comparison, number }
}

/** The terms of a chain of one operator (`a && b && c`), left to right. */
function chain(ast: Ast, op: '&&' | '||', out: Ast[]): Ast[] {
  if (ast.type === 'binary' && ast.op === op) {
    chain(ast.left, op, out)
    chain(ast.right, op, out)
  } else out.push(ast)
  return out
}

/** The builder's form of an expression, or undefined when it has another shape. Pure. */
export function readExprForm(text: string): ExprForm | undefined {
  const parsed = parseExpression(text)
  if (!parsed.ok) return undefined
  const ast = parsed.ast
  // no condition: `true` when all of none must hold, `false` when any of none
  if (ast.type === 'boolean') return { join: ast.value ? '&&' : '||', terms: [] }
  const join = ast.type === 'binary' && ast.op === '||' ? '||' : '&&'
  const terms: ExprTerm[] = []
  for (const part of chain(ast, join, [])) {
    const term = termOf(part)
    if (term === undefined) return undefined
    terms.push(term)
  }
  return { join, terms }
}

function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`
}

function writeTerm(term: ExprTerm): string {
  switch (term.kind) {
    case 'state':
      return `${term.name} ${term.not ? '!=' : '=='} ${quote(term.state)}`
    case 'flag':
      return `${term.not ? '!' : ''}${term.name}.${term.flag}`
    case 'compare':
      return `${term.name} ${term.op} ${String(term.number)}`
  }
}

/** The expression text of a builder form; an empty form is `true` (all) or `false` (any). Pure. */
export function writeExprForm(form: ExprForm): string {
  if (form.terms.length === 0) return form.join === '&&' ? 'true' : 'false'
  return form.terms.map(writeTerm).join(` ${form.join} `)
}
