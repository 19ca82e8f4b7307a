// A strict RFC 4180 reader for the tests, so exported CSV can be read back cell by cell.

/** The rows of a CSV text (after an optional BOM); throws on anything RFC 4180 forbids. */
export function parseCsv(text: string): string[][] {
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text
  const rows: string[][] = []
  let row: string[] = []
  let i = 0
  while (i < src.length) {
    let field = ''
    if (src[i] === '"') {
      i++
      for (;;) {
        if (i >= src.length) throw new Error('unterminated quoted field')
        if (src[i] === '"') {
          if (src[i + 1] === '"') {
            field += '"'
            i += 2
          } else {
            i++
            break
          }
        } else field += src[i++]
      }
    } else {
      while (i < src.length && src[i] !== ',' && src[i] !== '\r' && src[i] !== '\n') {
        if (src[i] === '"') throw new Error(`quote inside an unquoted field at ${i}`)
        field += src[i++]
      }
    }
    row.push(field)
    if (src[i] === ',') i++
    else if (src.startsWith('\r\n', i)) {
      rows.push(row)
      row = []
      i += 2
    } else throw new Error(`expected , or CRLF at ${i}, found ${JSON.stringify(src[i] ?? 'end')}`)
  }
  if (row.length > 0) throw new Error('the last row does not end with CRLF')
  return rows
}
