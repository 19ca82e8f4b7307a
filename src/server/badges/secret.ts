// The secret half of the school's signing key is kept in the database sealed with AES-256-GCM
// under a key derived (HKDF-SHA-256) from the server's secret: 32 random bytes in the file
// `credentials.secret` of the data folder (PRACTICA_DATA), made on first use, readable by the
// server's user only. The database (and so its backups) alone cannot sign; the data folder alone
// holds no key. A server moved to another machine needs the file copied along (README).
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const SECRET_FILE = 'credentials.secret'

/** The sealed key cannot be opened with this server's secret (another server's, or altered). */
export class SealError extends Error {}

/** The server's secret from `dataDir`, made (32 random bytes, hex) the first time. */
export function serverSecret(dataDir: string): Buffer {
  const file = join(dataDir, SECRET_FILE)
  try {
    return parseSecret(readFileSync(file, 'utf8'), file)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e
  }
  mkdirSync(dataDir, { recursive: true })
  try {
    // 'wx': two processes starting at once do not overwrite each other's
    writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { flag: 'wx', mode: 0o600 })
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
  }
  return parseSecret(readFileSync(file, 'utf8'), file)
}

function parseSecret(text: string, file: string): Buffer {
  const hex = text.trim()
  if (!/^[0-9a-f]{64}$/i.test(hex))
    throw new SealError(`${file} must hold 64 hexadecimal digits (the server's secret).`)
  return Buffer.from(hex, 'hex')
}

const keyOf = (secret: Buffer): Buffer =>
  Buffer.from(hkdfSync('sha256', secret, 'practica', 'open-badges signing key v1', 32))

/** `plain` sealed for the row named `label` (bound to it: a sealed value moved to another row fails). */
export function seal(plain: string, secret: Buffer, label: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', keyOf(secret), iv)
  cipher.setAAD(Buffer.from(label, 'utf8'))
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()])
  return `v1.${iv.toString('base64url')}.${body.toString('base64url')}`
}

/** What `seal` sealed; throws SealError when the secret or the label is not the one it was sealed with. */
export function unseal(sealed: string, secret: Buffer, label: string): string {
  const [version, iv, body] = sealed.split('.')
  if (version !== 'v1' || !iv || !body)
    throw new SealError('The sealed key is not in a known form.')
  const bytes = Buffer.from(body, 'base64url')
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(secret), Buffer.from(iv, 'base64url'))
    decipher.setAAD(Buffer.from(label, 'utf8'))
    decipher.setAuthTag(bytes.subarray(bytes.length - 16))
    return Buffer.concat([
      decipher.update(bytes.subarray(0, bytes.length - 16)),
      decipher.final(),
    ]).toString('utf8')
  } catch {
    throw new SealError("The signing key cannot be opened with this server's secret.")
  }
}
