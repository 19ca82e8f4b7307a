// The eddsa-rdfc-2022 Data Integrity proof the server signs credentials with (the published
// DataIntegrityProof of @digitalcredentials/data-integrity with the eddsa-rdfc-2022 cryptosuite),
// against the published test vector of W3C "Data Integrity EdDSA Cryptosuites v1.0" (appendix
// B.1: the Alumni Credential, its key pair and creation time, and the proofValue the spec gives),
// signed and verified through @digitalcredentials/vc as the server and the CLI do; and credentials
// a Practica server issued before it used that library still verify, their revocation too.
import { readFileSync } from 'node:fs'
import { DataIntegrityProof } from '@digitalcredentials/data-integrity'
import * as Ed25519Multikey from '@digitalcredentials/ed25519-multikey'
import { cryptosuite } from '@digitalcredentials/eddsa-rdfc-2022-cryptosuite'
import * as vc from '@digitalcredentials/vc'
import { describe, expect, it } from 'vitest'
import { offlineLoader } from '../../src/server/badges/loader.ts'
import { verifyBadge } from '../../src/server/badges/verify.ts'

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

const fixture = (name: string): Record<string, any> =>
  JSON.parse(
    readFileSync(new URL(`fixtures/issued-before-library-${name}.json`, import.meta.url), 'utf8'),
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
      suite: new DataIntegrityProof({
        signer: pair.signer(),
        cryptosuite,
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
    const verifier = () => new DataIntegrityProof({ cryptosuite })
    const vector = await vc.verifyCredential({
      credential: signed,
      suite: verifier(),
      documentLoader,
    })
    expect(vector.error?.errors?.map((e) => e.message)).toEqual([
      'Credential issuer must match the verification method controller.',
    ])
    const own = await vc.issue({
      credential: { ...credential(), issuer: DID },
      suite: new DataIntegrityProof({ signer: pair.signer(), cryptosuite }),
      documentLoader,
    })
    const verify = (c: object) =>
      vc.verifyCredential({ credential: c, suite: verifier(), documentLoader })
    expect((await verify(own)).verified).toBe(true)
    const refused = await verify({ ...own, name: 'Alumni Credential!' })
    expect(refused.error?.errors?.map((e) => e.message)).toEqual(['Invalid signature.'])
  })

  it('refuses a signer of another algorithm', () => {
    const signer = {
      id: `${DID}#${PUBLIC}`,
      algorithm: 'P-256',
      sign: () => Promise.resolve(new Uint8Array()),
    }
    expect(() => new DataIntegrityProof({ signer, cryptosuite })).toThrow('Ed25519')
  })

  it('verifies the credentials a Practica server signed with its own proof code before', async () => {
    // issued on 2026-12-04 by the server as it was then (the scenario's and one competency's
    // credential, the competency's then revoked), as the database gave them back
    const [scenario, competency, list] = [
      fixture('scenario'),
      fixture('competency'),
      fixture('list'),
    ]
    const now = new Date('2026-12-05T00:00:00Z')
    expect(await verifyBadge(scenario, { statusLists: [list], now })).toEqual({
      verified: true,
      signature: true,
      issuer: scenario['issuer'].id,
      status: 'not-revoked',
      problems: [],
    })
    expect(await verifyBadge(competency, { statusLists: [list], now })).toMatchObject({
      verified: false,
      signature: true,
      status: 'revoked',
    })
    // and still fail once changed
    const changed = structuredClone(scenario)
    changed['credentialSubject'].result[0].value = '99'
    const refused = await verifyBadge(changed, { statusLists: [list], now })
    expect([refused.verified, refused.signature]).toEqual([false, false])
    expect(refused.problems.join(' ')).toContain('Invalid signature')
  })
})
