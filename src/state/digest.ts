// The SHA-256 of a bundled scenario file, by the browser's own digest: the engine's sha256Hex
// would bring its hashing code into the learner's first download for the same hex string.

/**
 * Hex SHA-256 of the bytes, as `sha256Hex` gives it; undefined where the platform has no
 * SubtleCrypto (outside a secure context, where the service worker does not run either).
 */
export async function digestSha256(bytes: Uint8Array<ArrayBuffer>): Promise<string | undefined> {
  const subtle = globalThis.crypto?.subtle
  if (!subtle) return undefined
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes))
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('')
}
