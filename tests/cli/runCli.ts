// The command line run in-process for the CLI tests, its output kept as text, and a scratch
// folder for the files those tests hand it.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../../src/cli/main.ts'

/** Runs `practica <args>` in-process: its exit status, and what it wrote to stdout and stderr. */
export function cli(...args: string[]): { status: number; out: string; err: string } {
  let out = ''
  let err = ''
  const status = runCli(args, {
    out: (t) => (out += t + '\n'),
    err: (t) => (err += t + '\n'),
    write: (t) => (out += t),
  })
  return { status, out, err }
}

/** A new scratch folder named from `prefix`, and a writer of files into it returning each path. */
export function scratchFolder(prefix: string): {
  dir: string
  file: (name: string, content: string) => string
} {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  const file = (name: string, content: string): string => {
    const path = join(dir, name)
    writeFileSync(path, content)
    return path
  }
  return { dir, file }
}
