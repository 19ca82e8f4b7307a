// The expression language of spec section 2: text → AST, with 1-based columns on every node
// and on every syntax error. Knows nothing of scenarios or types.

export type BinaryOp = '||' | '&&' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/'

export type Ast =
  | { readonly type: 'number'; readonly value: number; readonly col: number }
  | { readonly type: 'string'; readonly value: string; readonly col: number }
  | { readonly type: 'boolean'; readonly value: boolean; readonly col: number }
  | {
      readonly type: 'name'
      readonly name: string
      readonly member: string | undefined
      readonly col: number
    }
  | { readonly type: 'unary'; readonly op: '!' | '-'; readonly arg: Ast; readonly col: number }
  | {
      readonly type: 'binary'
      readonly op: BinaryOp
      readonly left: Ast
      readonly right: Ast
      readonly col: number
    }
  | {
      readonly type: 'call'
      readonly fn: string
      readonly args: readonly Ast[]
      readonly col: number
    }

/** A mistake in an expression, at a 1-based column. */
export interface ExprError {
  readonly column: number
  readonly message: string
}

export type ParseOutcome = { ok: true; ast: Ast } | { ok: false; error: ExprError }

export const MAX_EXPRESSION_LENGTH = 2000
const MAX_NESTING = 64

type Token =
  | { kind: 'num'; value: number; col: number }
  | { kind: 'str'; value: string; col: number }
  | { kind: 'ident'; value: string; col: number }
  | { kind: 'op'; value: string; col: number }
  | { kind: 'eof'; col: number }

class SyntaxFailure extends Error {
  constructor(readonly error: ExprError) {
    super(error.message)
  }
}

function fail(column: number, message: string): never {
  throw new SyntaxFailure({ column, message })
}

const NUMBER = /(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y
const IDENT = /[A-Za-z_][A-Za-z0-9_]*/y
const OPERATORS = [
  '&&',
  '||',
  '==',
  '!=',
  '<=',
  '>=',
  '<',
  '>',
  '!',
  '+',
  '-',
  '*',
  '/',
  '(',
  ')',
  ',',
  '.',
]

function tokenize(src: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < src.length) {
    const c = src[i]!
    const col = i + 1
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++
      continue
    }
    if (c >= '0' && c <= '9') {
      NUMBER.lastIndex = i
      const m = NUMBER.exec(src)!
      const value = Number(m[0])
      if (!Number.isFinite(value)) fail(col, `the number ${m[0]} is too large`)
      i += m[0].length
      if (/[A-Za-z0-9_.]/.test(src[i] ?? '')) fail(i + 1, `malformed number after ${m[0]}`)
      tokens.push({ kind: 'num', value, col })
      continue
    }
    if (c === "'" || c === '"') {
      let value = ''
      i++
      for (;;) {
        if (i >= src.length) fail(col, 'this string is never closed; add the closing quote')
        const d = src[i]!
        if (d === c) break
        if (d === '\\') {
          if (i + 1 >= src.length) fail(col, 'this string is never closed; add the closing quote')
          value += src[i + 1]
          i += 2
        } else {
          value += d
          i++
        }
      }
      i++
      tokens.push({ kind: 'str', value, col })
      continue
    }
    IDENT.lastIndex = i
    const word = IDENT.exec(src)
    if (word !== null) {
      tokens.push({ kind: 'ident', value: word[0], col })
      i += word[0].length
      continue
    }
    const op = OPERATORS.find((o) => src.startsWith(o, i))
    if (op === undefined) {
      if (c === '=') fail(col, 'use == to compare two values')
      if (c === '&') fail(col, 'use && for "and"')
      if (c === '|') fail(col, 'use || for "or"')
      fail(col, `unexpected character ${JSON.stringify(c)}`)
    }
    tokens.push({ kind: 'op', value: op, col })
    i += op.length
  }
  tokens.push({ kind: 'eof', col: src.length + 1 })
  return tokens
}

const LEVELS: readonly (readonly BinaryOp[])[] = [
  ['||'],
  ['&&'],
  ['==', '!='],
  ['<', '<=', '>', '>='],
  ['+', '-'],
  ['*', '/'],
]

class Parser {
  private pos = 0
  private depth = 0
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.pos]!
  }

  private isOp(value: string): boolean {
    const t = this.peek()
    return t.kind === 'op' && t.value === value
  }

  private expectOp(value: string, what: string): void {
    if (!this.isOp(value)) fail(this.peek().col, `expected ${what} here`)
    this.pos++
  }

  parseAll(): Ast {
    const ast = this.binary(0)
    const t = this.peek()
    if (t.kind !== 'eof') fail(t.col, `unexpected ${describe(t)}; is an operator missing?`)
    return ast
  }

  private binary(level: number): Ast {
    const ops = LEVELS[level]
    if (ops === undefined) return this.unary()
    let left = this.binary(level + 1)
    for (;;) {
      const t = this.peek()
      if (t.kind !== 'op' || !(ops as readonly string[]).includes(t.value)) return left
      this.pos++
      const right = this.binary(level + 1)
      left = { type: 'binary', op: t.value as BinaryOp, left, right, col: t.col }
    }
  }

  private nest<T>(col: number, inner: () => T): T {
    if (++this.depth > MAX_NESTING)
      fail(col, `the expression is nested more than ${MAX_NESTING} levels deep`)
    const out = inner()
    this.depth--
    return out
  }

  private unary(): Ast {
    const t = this.peek()
    if (t.kind === 'op' && (t.value === '!' || t.value === '-')) {
      this.pos++
      return this.nest(t.col, () => ({
        type: 'unary',
        op: t.value as '!' | '-',
        arg: this.unary(),
        col: t.col,
      }))
    }
    return this.primary()
  }

  private primary(): Ast {
    const t = this.peek()
    this.pos++
    switch (t.kind) {
      case 'num':
        return { type: 'number', value: t.value, col: t.col }
      case 'str':
        return { type: 'string', value: t.value, col: t.col }
      case 'ident':
        return this.identifier(t.value, t.col)
      case 'op':
        if (t.value === '(') {
          return this.nest(t.col, () => {
            const inner = this.binary(0)
            this.expectOp(')', "')' to close the '(' at column " + t.col)
            return inner
          })
        }
        return fail(t.col, `unexpected ${describe(t)} where a value was expected`)
      case 'eof':
        return fail(
          t.col,
          t.col === 1
            ? 'the expression is empty'
            : 'the expression ends where a value was expected',
        )
    }
  }

  private identifier(name: string, col: number): Ast {
    if (name === 'true' || name === 'false') return { type: 'boolean', value: name === 'true', col }
    if (this.isOp('(')) {
      this.pos++
      return this.nest(col, () => {
        const args: Ast[] = []
        if (!this.isOp(')')) {
          for (;;) {
            args.push(this.binary(0))
            if (this.isOp(')')) break
            this.expectOp(',', `',' or ')' in the call of ${name}`)
          }
        }
        this.pos++
        return { type: 'call', fn: name, args, col }
      })
    }
    let member: string | undefined
    if (this.isOp('.')) {
      this.pos++
      const m = this.peek()
      if (m.kind !== 'ident') fail(m.col, `expected a name after "${name}."`)
      this.pos++
      member = m.value
    }
    return { type: 'name', name, member, col }
  }
}

function describe(t: Token): string {
  switch (t.kind) {
    case 'num':
      return `number ${t.value}`
    case 'str':
      return `string ${JSON.stringify(t.value)}`
    case 'ident':
      return `name "${t.value}"`
    case 'op':
      return `"${t.value}"`
    case 'eof':
      return 'end of expression'
  }
}

/** Parses an expression to an AST, or the first syntax error with its column. Pure; never throws. */
export function parseExpression(src: string): ParseOutcome {
  if (src.length > MAX_EXPRESSION_LENGTH) {
    return {
      ok: false,
      error: {
        column: 1,
        message: `the expression is longer than ${MAX_EXPRESSION_LENGTH} characters`,
      },
    }
  }
  try {
    return { ok: true, ast: new Parser(tokenize(src)).parseAll() }
  } catch (e) {
    if (e instanceof SyntaxFailure) return { ok: false, error: e.error }
    throw e
  }
}

/** Every name an expression reads (with member, e.g. `fault.jam`), in order of appearance. Pure. */
export function namesIn(ast: Ast, out: Ast[] = []): Ast[] {
  switch (ast.type) {
    case 'name':
      out.push(ast)
      break
    case 'unary':
      namesIn(ast.arg, out)
      break
    case 'binary':
      namesIn(ast.left, out)
      namesIn(ast.right, out)
      break
    case 'call':
      for (const a of ast.args) namesIn(a, out)
      break
    default:
  }
  return out
}
