// SHA-256 of a file's bytes, to tie an attempt to its scenario file. @noble/hashes is pure
// TypeScript, so the engine needs neither Node's crypto nor the browser's async SubtleCrypto.
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex } from '@noble/hashes/utils.js'

/** Hex SHA-256 of the bytes given. Pure. */
export function sha256Hex(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes))
}
