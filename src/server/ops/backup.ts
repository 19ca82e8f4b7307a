// Backups of the whole database, in each database's own format: PostgreSQL's custom pg_dump
// format (pg_dump / pg_restore must be installed), and PGlite's dump of its data folder (a
// gzipped tar). Restoring the embedded database keeps the folder it replaces, renamed, so a wrong
// restore loses nothing.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { lockFolder } from '../db/lock.ts'
import { openDatabase, type DatabaseTarget } from '../db/open.ts'

export class OpsError extends Error {}

function runTool(tool: string, args: string[]): void {
  const run = spawnSync(tool, args, { encoding: 'utf8' })
  if (run.error && (run.error as NodeJS.ErrnoException).code === 'ENOENT')
    throw new OpsError(
      `${tool} is not installed. Install the PostgreSQL client tools (Debian: apt-get install postgresql-client).`,
    )
  if (run.status !== 0) throw new OpsError(`${tool} failed: ${(run.stderr || run.stdout).trim()}`)
}

/** What kind of backup a file holds, from its first bytes. */
export function backupKind(bytes: Uint8Array): 'postgres' | 'pglite' | undefined {
  if (new TextDecoder().decode(bytes.subarray(0, 5)) === 'PGDMP') return 'postgres'
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return 'pglite'
  return undefined
}

/** Writes a backup of the database to `file`. The embedded one must not be in use by a server. */
export async function backup(target: DatabaseTarget, file: string): Promise<void> {
  if (target.url) return runTool('pg_dump', ['--format=custom', `--file=${file}`, target.url])
  if (!target.dir) throw new OpsError('No database: set DATABASE_URL or PRACTICA_DATA.')
  const release = lockFolder(target.dir)
  try {
    const pglite = new PGlite(join(target.dir, 'pglite'))
    try {
      await pglite.waitReady
      const dump = await pglite.dumpDataDir('gzip')
      writeFileSync(file, new Uint8Array(await dump.arrayBuffer()))
    } finally {
      await pglite.close()
    }
  } finally {
    release()
  }
}

/**
 * Restores a backup made by `backup` into the database. PostgreSQL: its objects are replaced.
 * PGlite: the current folder is kept as `pglite.before-restore-<time>`. Returns what was kept.
 */
export async function restore(
  target: DatabaseTarget,
  file: string,
  now = new Date(),
): Promise<string | undefined> {
  if (!existsSync(file)) throw new OpsError(`There is no file "${file}".`)
  const bytes = new Uint8Array(readFileSync(file))
  const kind = backupKind(bytes)
  if (!kind) throw new OpsError(`"${file}" is not a Practica backup (neither pg_dump nor PGlite).`)
  const wanted = target.url ? 'postgres' : 'pglite'
  if (kind !== wanted)
    throw new OpsError(
      `"${file}" is a backup of ${kind === 'postgres' ? 'a PostgreSQL' : 'an embedded (PGlite)'} database, ` +
        `and this is ${wanted === 'postgres' ? 'a PostgreSQL' : 'an embedded'} one. ` +
        'To move a school between them, use "server export" and "server import".',
    )
  if (target.url) {
    runTool('pg_restore', ['--clean', '--if-exists', '--no-owner', `--dbname=${target.url}`, file])
    return undefined
  }
  if (!target.dir) throw new OpsError('No database: set DATABASE_URL or PRACTICA_DATA.')
  const release = lockFolder(target.dir)
  const folder = join(target.dir, 'pglite')
  const kept = `${folder}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`
  try {
    if (existsSync(folder)) renameSync(folder, kept)
    const pglite = new PGlite(folder, { loadDataDir: new Blob([bytes]) })
    await pglite.waitReady
    await pglite.close()
  } catch (e) {
    // put the folder back as it was
    rmSync(folder, { recursive: true, force: true })
    if (existsSync(kept)) renameSync(kept, folder)
    release()
    throw new OpsError(`The backup "${file}" could not be restored: ${(e as Error).message}`)
  }
  release()
  // an older backup gets the migrations it lacks
  await (await openDatabase({ dir: target.dir })).close()
  return existsSync(kept) ? kept : undefined
}
