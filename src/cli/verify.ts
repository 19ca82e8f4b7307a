// `verify CREDENTIAL [STATUS-LIST]`: checks an Open Badges 3.0 credential offline (its
// eddsa-rdfc-2022 signature with the bundled contexts, nothing fetched), and, given the status
// list the server publishes (saved from its credentialStatus.statusListCredential address),
// whether it was revoked. Exit status 0: valid (and not revoked); 1: not valid, revoked, or a
// file that cannot be read; 2: wrong arguments.
import { readFileSync } from 'node:fs'
import { statusListUrl, verifyBadge } from '../server/badges/verify.ts'
import type { Io } from './files.ts'

export const VERIFY_USAGE = `verify CREDENTIAL [STATUS-LIST]
                             check an Open Badges credential (JSON) offline: its signature,
                             and with the status list saved from the server, its revocation`

function readJsonFile(io: Io, file: string, what: string): unknown {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    const why =
      code === 'ENOENT'
        ? 'there is no such file'
        : code === 'EISDIR'
          ? 'it is a folder'
          : code === 'EACCES'
            ? 'this user may not read it'
            : (e as Error).message
    io.err(`${file}: cannot read the ${what}: ${why}.`)
    return undefined
  }
  try {
    return JSON.parse(text) as unknown
  } catch {
    io.err(`${file}: the ${what} is not JSON; give the file the server offered for download.`)
    return undefined
  }
}

/** Whether `list` is the status list at `url` (undefined when no list was given). */
function isListFor(list: unknown, url: string | undefined): boolean | undefined {
  if (list === undefined) return undefined
  return typeof list === 'object' && list !== null && (list as { id?: unknown }).id === url
}

export async function verifyCommand(
  args: readonly string[],
  io: Io,
  usage: string,
): Promise<number> {
  if (args.length < 1 || args.length > 2 || args.some((a) => a.startsWith('-'))) {
    io.err(`usage: npm run -s cli -- ${VERIFY_USAGE}\n${usage}`)
    return 2
  }
  const credential = readJsonFile(io, args[0]!, 'credential')
  if (credential === undefined) return 1
  const list = args[1] === undefined ? undefined : readJsonFile(io, args[1], 'status list')
  if (args[1] !== undefined && list === undefined) return 1
  const result = await verifyBadge(credential, { statusLists: list === undefined ? [] : [list] })
  const file = args[0]!
  if (!result.signature) {
    io.out(`${file}: NOT VALID`)
    for (const p of result.problems) io.out(`  ${p}`)
    return 1
  }
  io.out(`${file}: signature valid, issued by ${result.issuer ?? 'an unnamed issuer'}`)
  switch (result.status) {
    case 'revoked':
      io.out(`${file}: REVOKED by its issuer`)
      return 1
    case 'not-revoked':
      io.out(`${file}: not revoked (status list ${statusListUrl(credential)})`)
      break
    case 'no-status':
      io.out(`${file}: the credential has no status list (it cannot be revoked)`)
      break
    case 'unchecked':
      for (const p of result.problems) io.out(`  ${p}`)
      if (isListFor(list, statusListUrl(credential)) === false)
        io.out(`${args[1]}: not the status list this credential names`)
      io.out(
        `${file}: revocation not checked: save ${statusListUrl(credential)} as a file and give it after the credential`,
      )
      break
  }
  if (!result.verified) {
    for (const p of result.problems) io.out(`  ${p}`)
    return 1
  }
  return 0
}
