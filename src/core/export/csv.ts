// RFC 4180 CSV text for the exporters: quoting, CRLF line ends, a UTF-8 byte-order mark.
// Owns only the file syntax; what goes in the cells is the caller's.

/** The byte-order mark that tells spreadsheet programs the file is UTF-8. */
export const BOM = '\uFEFF'

/** One field, quoted when it holds a comma, quote, CR or LF, with quotes doubled. Pure. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/** A whole file: BOM, then each row's fields joined by commas, each row ended by CRLF. Pure. */
export function csvFile(rows: readonly (readonly string[])[]): string {
  return BOM + rows.map((row) => row.map(csvField).join(',') + '\r\n').join('')
}

/**
 * A text cell that a spreadsheet will not run as a formula: text from a user's file that starts
 * with =, +, -, @, tab or CR gets a leading apostrophe (OWASP's advice on CSV injection). Pure.
 */
export function safeText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}
