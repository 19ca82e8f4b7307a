// Hashing passwords and PINs with Node's own scrypt (no native add-on, so the release runs on any
// Node ≥ 20): a random salt per hash, and the parameters stored with it so that they can be raised
// later (a hash made with older ones is redone at the next good sign-in). Compared in constant time.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

/** The parameters new hashes use: 2^15 × 8 × 128 bytes = 32 MiB of memory, about 0.1 s. */
const CURRENT = { ln: 15, r: 8, p: 1 } as const
const KEY_BYTES = 32
const SALT_BYTES = 16

interface Parameters {
  readonly ln: number
  readonly r: number
  readonly p: number
}

function derive(secret: string, salt: Buffer, params: Parameters): Promise<Buffer> {
  const N = 2 ** params.ln
  const options: ScryptOptions = { N, r: params.r, p: params.p, maxmem: 256 * N * params.r }
  return new Promise((resolve, reject) =>
    scrypt(secret.normalize('NFC'), salt, KEY_BYTES, options, (e, key) =>
      e ? reject(e) : resolve(key),
    ),
  )
}

const encode = (params: Parameters, salt: Buffer, key: Buffer) =>
  `scrypt$ln=${params.ln},r=${params.r},p=${params.p}$${salt.toString('base64url')}$${key.toString('base64url')}`

/** Parses a stored hash; undefined when it is not one this module wrote. */
function parse(stored: string): { params: Parameters; salt: Buffer; key: Buffer } | undefined {
  const match = /^scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([\w-]+)\$([\w-]+)$/.exec(stored)
  if (!match) return undefined
  const [ln, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])]
  // refuse parameters that would make one check cost more than a few hundred MiB
  if (ln < 10 || ln > 20 || r < 1 || p < 1 || 128 * 2 ** ln * r > 512 * 2 ** 20) return undefined
  return {
    params: { ln, r, p },
    salt: Buffer.from(match[4]!, 'base64url'),
    key: Buffer.from(match[5]!, 'base64url'),
  }
}

/** A new hash of `secret` with a fresh random salt, as a self-describing string. */
export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES)
  return encode(CURRENT, salt, await derive(secret, salt, CURRENT))
}

/** Whether `secret` matches `stored` (false for a missing or unreadable hash). */
export async function verifySecret(secret: string, stored: string | null): Promise<boolean> {
  const parsed = stored ? parse(stored) : undefined
  if (!parsed) {
    // the same work as a real check, so that the answer's timing does not tell which it was
    await derive(secret, DUMMY_SALT, CURRENT)
    return false
  }
  const key = await derive(secret, parsed.salt, parsed.params)
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key)
}

const DUMMY_SALT = randomBytes(SALT_BYTES)

/** Whether `stored` was made with other parameters than new hashes use (redo it at sign-in). */
export function needsRehash(stored: string): boolean {
  const parsed = parse(stored)
  return (
    !parsed ||
    parsed.params.ln !== CURRENT.ln ||
    parsed.params.r !== CURRENT.r ||
    parsed.params.p !== CURRENT.p
  )
}
