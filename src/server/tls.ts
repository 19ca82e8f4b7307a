// HTTPS on a lab's LAN: a local certificate authority made on first start (kept in the data
// folder) signs a server certificate for this machine's names and LAN addresses. Once lab
// browsers trust the CA, https://<LAN address> is a secure context: offline copies, Web Locks
// and every other secure-context API work there. The server certificate is made again when the
// machine's names or addresses change, or a month before it expires.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { hostname, networkInterfaces } from 'node:os'
import { join } from 'node:path'
import { generate } from 'selfsigned'

export interface Tls {
  readonly key: string
  readonly cert: string
  /** where the CA certificate lies, to copy onto lab machines */
  readonly caFile: string
}

/** This machine's IPv4 addresses on its networks (not loopback). */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((list) => list ?? [])
    .filter((a) => a.family === 'IPv4' && !a.internal)
    .map((a) => a.address)
}

const DAY = 86_400_000

/** The names and addresses the server certificate covers. */
function serverNames(): { dns: string[]; ips: string[] } {
  const host = hostname().toLowerCase()
  const dns = [...new Set(['localhost', host, `${host}.local`])]
  return { dns, ips: ['127.0.0.1', '::1', ...lanAddresses()] }
}

async function makeCa(dir: string, now: Date): Promise<{ key: string; cert: string }> {
  const ca = await generate([{ name: 'commonName', value: `Practica local CA (${hostname()})` }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - DAY),
    notAfterDate: new Date(now.getTime() + 10 * 365 * DAY),
    extensions: [
      { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  })
  writeFileSync(join(dir, 'ca.key'), ca.private, { mode: 0o600 })
  writeFileSync(join(dir, 'ca.crt'), ca.cert)
  return { key: ca.private, cert: ca.cert }
}

/** Loads the certificates from `dataDir/tls`, making what is missing or out of date. */
export async function loadTls(dataDir: string, now = new Date()): Promise<Tls> {
  const dir = join(dataDir, 'tls')
  mkdirSync(dir, { recursive: true })
  const file = (name: string) => join(dir, name)
  const ca = existsSync(file('ca.crt'))
    ? { key: readFileSync(file('ca.key'), 'utf8'), cert: readFileSync(file('ca.crt'), 'utf8') }
    : await makeCa(dir, now)
  const names = serverNames()
  const wanted = JSON.stringify(names)
  const meta = existsSync(file('server.json'))
    ? (JSON.parse(readFileSync(file('server.json'), 'utf8')) as { names: string; until: number })
    : undefined
  if (
    !meta ||
    meta.names !== wanted ||
    meta.until - now.getTime() < 30 * DAY ||
    !existsSync(file('server.crt'))
  ) {
    const until = new Date(now.getTime() + 365 * DAY)
    const server = await generate([{ name: 'commonName', value: names.dns[1] ?? 'localhost' }], {
      keyType: 'ec',
      algorithm: 'sha256',
      notBeforeDate: new Date(now.getTime() - DAY),
      notAfterDate: until,
      ca,
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: [
            ...names.dns.map((value) => ({ type: 2 as const, value })),
            ...names.ips.map((ip) => ({ type: 7 as const, ip })),
          ],
        },
      ],
    })
    writeFileSync(file('server.key'), server.private, { mode: 0o600 })
    // the chain: browsers that trust the CA accept it
    writeFileSync(file('server.crt'), server.cert)
    writeFileSync(file('server.json'), JSON.stringify({ names: wanted, until: until.getTime() }))
  }
  return {
    key: readFileSync(file('server.key'), 'utf8'),
    cert: readFileSync(file('server.crt'), 'utf8'),
    caFile: file('ca.crt'),
  }
}

/** How to make lab machines trust the CA, printed at start. */
export function trustInstructions(caFile: string): string {
  return [
    `To let lab browsers trust this server, install its certificate authority on each machine:`,
    `  file: ${caFile} (copy it with a USB stick, or download it from /ca.crt on this server)`,
    `  Windows: double-click ca.crt → Install Certificate → Local Machine → "Trusted Root Certification Authorities"`,
    `  macOS:   sudo security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain ca.crt`,
    `  Linux:   sudo cp ca.crt /usr/local/share/ca-certificates/practica.crt && sudo update-ca-certificates`,
    `  Chromium/Chrome on Linux also reads its own store: Settings → Privacy and security → Security →`,
    `  Manage certificates → Authorities → Import.`,
  ].join('\n')
}
