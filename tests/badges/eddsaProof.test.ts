// The eddsa-rdfc-2022 Data Integrity proof the server signs credentials with, against the
// published test vector of W3C "Data Integrity EdDSA Cryptosuites v1.0" (appendix B.1: the
// Alumni Credential, its key pair and creation time, and the proofValue the spec gives), signed
// and verified through @digitalcredentials/vc as the server and the CLI do.
import * as Ed25519Multikey from '@digitalcredentials/ed25519-multikey'
import * as vc from '@digitalcredentials/vc'
import { describe, expect, it } from 'vitest'
import {
  base58btc,
  EddsaRdfc2022Proof,
  fromBase58btc,
} from '../../src/server/badges/dataIntegrity.ts'
import { offlineLoader } from '../../src/server/badges/loader.ts'

const EXAMPLES_V2 = 'https://www.w3.org/ns/credentials/examples/v2'
const PUBLIC = 'z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2'
const SECRET = 'z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq'
const DID = `did:key:${PUBLIC}`
const EXPECTED =
  'z2YwC8z3ap7yx1nZYCg4L3j3ApHsF8kgPdSb5xoS1VR7vPG3F561B52hYnQF9iseabecm3ijx4K1FBTQsCZahKZme'

const credential = () => ({
  '@context': ['https://www.w3.org/ns/credentials/v2', EXAMPLES_V2],
  id: 'urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33',
  type: ['VerifiableCredential', 'AlumniCredential'],
  name: 'Alumni Credential',
  description: 'A minimum viable example of an Alumni Credential.',
  issuer: 'https://vc.example/issuers/5678',
  validFrom: '2023-01-01T00:00:00Z',
  credentialSubject: { id: 'did:example:abcdefgh', alumniOf: 'The School of Examples' },
})

// the examples context of the spec: every term under its @vocab
const documentLoader = offlineLoader(
  new Map([
    [EXAMPLES_V2, { '@context': { '@vocab': 'https://www.w3.org/ns/credentials/examples#' } }],
  ]),
)

describe('the eddsa-rdfc-2022 proof', () => {
  it('signs the spec’s test vector to the spec’s proofValue, and verifies it', async () => {
    const pair = await Ed25519Multikey.from({
      type: 'Multikey',
      id: `${DID}#${PUBLIC}`,
      controller: DID,
      publicKeyMultibase: PUBLIC,
      secretKeyMultibase: SECRET,
    })
    const signed = await vc.issue({
      credential: credential(),
      suite: new EddsaRdfc2022Proof({
        signer: pair.signer(),
        date: new Date('2023-02-24T23:36:38Z'),
      }),
      documentLoader,
    })
    expect(signed['proof']).toEqual({
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-rdfc-2022',
      created: '2023-02-24T23:36:38Z',
      verificationMethod: `${DID}#${PUBLIC}`,
      proofPurpose: 'assertionMethod',
      proofValue: EXPECTED,
    })
    // the signature holds: verification gets as far as the issuer, which the vector does not
    // make the key's controller (a real credential's issuer is its did:key)
    const vector = await vc.verifyCredential({
      credential: signed,
      suite: new EddsaRdfc2022Proof(),
      documentLoader,
    })
    expect(vector.error?.errors?.map((e) => e.message)).toEqual([
      'Credential issuer must match the verification method controller.',
    ])
    const own = await vc.issue({
      credential: { ...credential(), issuer: DID },
      suite: new EddsaRdfc2022Proof({ signer: pair.signer() }),
      documentLoader,
    })
    const verify = (c: object) =>
      vc.verifyCredential({ credential: c, suite: new EddsaRdfc2022Proof(), documentLoader })
    expect((await verify(own)).verified).toBe(true)
    const refused = await verify({ ...own, name: 'Alumni Credential!' })
    expect(refused.error?.errors?.map((e) => e.message)).toEqual(['Invalid signature.'])
  })

  it('writes and reads base58 (the Bitcoin alphabet), leading zero bytes too', () => {
    const bytes = Uint8Array.from([0, 0, 1, 2, 255, 254, 58, 0])
    expect(fromBase58btc(base58btc(bytes))).toEqual(bytes)
    expect(base58btc(Uint8Array.from([0, 0, 0]))).toBe('111')
    // the multibase of the spec's public key decodes to the ed25519-pub multicodec header
    expect([...fromBase58btc(PUBLIC.slice(1)).subarray(0, 2)]).toEqual([0xed, 0x01])
    expect(() => fromBase58btc('0OIl')).toThrow('not a base58 character')
  })
})
