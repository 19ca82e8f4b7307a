// The SHA-256 of a bundled scenario file, by the browser's own digest: the engine's sha256Hex
// would bring its hashing code into the learner's first download for the same hex string. Outside
// a secure context (the app on http://192.168.…) the browser has no SubtleCrypto: there the same
// hash comes from the engine's sha256Hex (@noble/hashes, pure JS), downloaded only then.

/** Hex SHA-256 of the bytes, as `sha256Hex` gives it, in a secure context or not. */
export async function digestSha256(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const subtle = globalThis.crypto?.subtle
  if (!subtle) {
    const { sha256Hex } = await import('../core/sha256.ts')
    return sha256Hex(bytes)
  }
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes))
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('')
}
