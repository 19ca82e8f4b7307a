// One server process per data folder: PGlite corrupts a folder that two processes open. The lock
// is a file created exclusively, holding the owner's process id; a lock left by a process that no
// longer runs (a crash, a power cut) is taken over.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export class FolderLockedError extends Error {}

/** Folders this process holds: a second open from the same process is refused too. */
const held = new Set<string>()

function running(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    // EPERM: it runs, under another user
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Takes the lock of `dir` (created if missing); returns its release. */
export function lockFolder(dir: string): () => void {
  mkdirSync(dir, { recursive: true })
  const file = join(dir, 'practica.lock')
  const refuse = (pid: number) =>
    new FolderLockedError(
      `Another Practica server (process ${pid}) is already using the data folder "${dir}". ` +
        'Stop it first, or give this one its own folder with PRACTICA_DATA.',
    )
  if (held.has(file)) throw refuse(process.pid)
  for (let tries = 0; tries < 2; tries++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' })
      held.add(file)
      return () => {
        held.delete(file)
        rmSync(file, { force: true })
      }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
      const owner = Number(readFileSync(file, 'utf8').trim())
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && running(owner))
        throw refuse(owner)
      // the owner is gone: its lock is stale
      rmSync(file, { force: true })
    }
  }
  throw new FolderLockedError(`Could not lock the data folder "${dir}".`)
}
