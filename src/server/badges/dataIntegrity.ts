// The Data Integrity proof of the `eddsa-rdfc-2022` cryptosuite (W3C "Data Integrity EdDSA
// Cryptosuites v1.0", §3.2: RDFC-1.0 canonical form, SHA-256 of the proof options and of the
// document, Ed25519 over the two hashes), as a suite for jsonld-signatures (which
// @digitalcredentials/vc drives). The canonicalization and the key handling are the published
// cryptosuite's (@digitalcredentials/eddsa-rdfc-2022-cryptosuite, ed25519-multikey); this class
// only assembles what it hashes and signs, as the spec's proof algorithms say.
import { createHash } from 'node:crypto'
import { cryptosuite } from '@digitalcredentials/eddsa-rdfc-2022-cryptosuite'
import type { DocumentLoader } from '@digitalcredentials/vc'

/** The VC Data Model 2.0 context: it defines the Data Integrity terms itself. */
export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2'

export interface Signer {
  /** the verification method (a did:key URL with the key as its fragment) */
  readonly id: string
  readonly algorithm: string
  sign(o: { data: Uint8Array }): Promise<Uint8Array>
}

type Json = Record<string, unknown>

interface ProofPurpose {
  update(proof: Json, o: { document: Json; suite: unknown; documentLoader: unknown }): Promise<Json>
}

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'

/** Base58 (the Bitcoin alphabet) of `bytes`: the `z` multibase of signatures. */
export function base58btc(bytes: Uint8Array): string {
  let zeros = 0
  while (zeros < bytes.length && bytes[zeros] === 0) zeros++
  let n = 0n
  for (const b of bytes) n = n * 256n + BigInt(b)
  let out = ''
  while (n > 0n) {
    out = ALPHABET[Number(n % 58n)]! + out
    n /= 58n
  }
  return '1'.repeat(zeros) + out
}

/** The bytes of a base58 (Bitcoin alphabet) string; throws on a character outside it. */
export function fromBase58btc(text: string): Uint8Array {
  let zeros = 0
  while (zeros < text.length && text[zeros] === '1') zeros++
  let n = 0n
  for (const ch of text) {
    const digit = ALPHABET.indexOf(ch)
    if (digit < 0) throw new Error(`"${ch}" is not a base58 character.`)
    n = n * 58n + BigInt(digit)
  }
  const body: number[] = []
  while (n > 0n) {
    body.unshift(Number(n % 256n))
    n /= 256n
  }
  return Uint8Array.from([...new Array<number>(zeros).fill(0), ...body])
}

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest()

/** An XML Schema dateTime without fractions of a second, as Data Integrity proofs write it. */
export const w3cDate = (date: Date): string => `${date.toISOString().slice(0, 19)}Z`

/** A `DataIntegrityProof` suite of cryptosuite `eddsa-rdfc-2022`, to sign (with a signer) or verify. */
export class EddsaRdfc2022Proof {
  readonly type = 'DataIntegrityProof'
  readonly cryptosuite = cryptosuite.name
  readonly verificationMethod: string | undefined
  private readonly signer: Signer | undefined
  private readonly date: Date | undefined

  constructor(options: { signer?: Signer; date?: Date } = {}) {
    if (options.signer && options.signer.algorithm !== cryptosuite.requiredAlgorithm)
      throw new TypeError(`The signer's algorithm must be ${cryptosuite.requiredAlgorithm}.`)
    this.signer = options.signer
    this.verificationMethod = options.signer?.id
    this.date = options.date
  }

  /** The document must carry the VC 2.0 context, which defines the proof's terms. */
  ensureSuiteContext({ document }: { document: Json }): void {
    const context = document['@context']
    const has = Array.isArray(context) ? context.includes(VC_V2_CONTEXT) : context === VC_V2_CONTEXT
    if (!has) throw new TypeError(`The document must use the context "${VC_V2_CONTEXT}".`)
  }

  /** What is signed: SHA-256 of the canonical proof options, then of the canonical document. */
  private async hashData(document: Json, proof: Json, documentLoader: DocumentLoader) {
    const options: Json = { '@context': document['@context'], ...proof }
    delete options['proofValue']
    const [proofHash, docHash] = await Promise.all([
      cryptosuite.canonize(options, { documentLoader }).then(sha256),
      cryptosuite.canonize(document, { documentLoader }).then(sha256),
    ])
    return new Uint8Array(Buffer.concat([proofHash, docHash]))
  }

  async createProof(o: {
    document: Json
    purpose: ProofPurpose
    documentLoader: DocumentLoader
  }): Promise<Json> {
    if (!this.signer) throw new Error('A proof can only be created with a signer.')
    let proof: Json = {
      type: this.type,
      cryptosuite: this.cryptosuite,
      created: w3cDate(this.date ?? new Date()),
      verificationMethod: this.verificationMethod,
    }
    proof = await o.purpose.update(proof, {
      document: o.document,
      suite: this,
      documentLoader: o.documentLoader,
    })
    const data = await this.hashData(o.document, proof, o.documentLoader)
    proof['proofValue'] = `z${base58btc(await this.signer.sign({ data }))}`
    return proof
  }

  async verifyProof(o: {
    proof: Json
    document: Json
    documentLoader: DocumentLoader
  }): Promise<{ verified: boolean; verificationMethod?: object; error?: Error }> {
    try {
      const { proofValue, verificationMethod: vm } = o.proof
      if (typeof proofValue !== 'string' || !proofValue.startsWith('z'))
        throw new Error('The proof has no base58 "proofValue".')
      if (typeof vm !== 'string') throw new Error('The proof names no verification method.')
      const data = await this.hashData(o.document, o.proof, o.documentLoader)
      const { document: method } = await o.documentLoader(vm)
      const verificationMethod = (
        typeof method === 'string' ? JSON.parse(method) : method
      ) as object
      const verifier = await cryptosuite.createVerifier({ verificationMethod })
      if (verifier.algorithm !== cryptosuite.requiredAlgorithm)
        throw new Error(`The key is not an ${cryptosuite.requiredAlgorithm} key.`)
      const signature = fromBase58btc(proofValue.slice(1))
      if (!(await verifier.verify({ data, signature }))) throw new Error('Invalid signature.')
      return { verified: true, verificationMethod }
    } catch (e) {
      return { verified: false, error: e instanceof Error ? e : new Error(String(e)) }
    }
  }

  matchProof({ proof }: { proof: Json }): Promise<boolean> {
    return Promise.resolve(proof['type'] === this.type && proof['cryptosuite'] === this.cryptosuite)
  }
}
