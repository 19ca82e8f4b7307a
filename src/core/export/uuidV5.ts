// Name-based UUIDs (RFC 4122 version 5, SHA-1): stable ids for exported records, so exporting
// the same attempt twice names everything the same. Knows nothing of what is being named.
import { v5 } from 'uuid'

/** The DNS namespace of RFC 4122 appendix C. */
export const UUID_NAMESPACE_DNS = '6ba7b810-9dad-11d1-80b4-00c04fd430c8'
/** The URL namespace of RFC 4122 appendix C. */
export const UUID_NAMESPACE_URL = '6ba7b811-9dad-11d1-80b4-00c04fd430c8'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
// what xAPI accepts as a UUID: RFC 4122 versions 1-8 with the RFC 4122 variant
const RFC_4122_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i

/** Whether the text is an RFC 4122 UUID (versions 1-8, variant bits 10), in either case. Pure. */
export function isUuid(text: string): boolean {
  return RFC_4122_UUID.test(text)
}

/** The version 5 UUID of a name (its UTF-8 bytes) in a namespace UUID; throws if the namespace is no UUID. Pure. */
export function uuidV5(name: string, namespace: string): string {
  if (!UUID.test(namespace)) throw new Error(`uuidV5: the namespace "${namespace}" is not a UUID`)
  // the bytes, not the string: uuid reads a string through encodeURIComponent, which throws on a
  // lone surrogate where TextEncoder writes U+FFFD
  return v5(new TextEncoder().encode(name), namespace)
}
