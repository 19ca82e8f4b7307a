// `npm run release`: one zip archive that runs with plain Node ≥ 20 on Windows, macOS and Linux,
// with no npm and no internet: the built app, the server and the CLI bundled into one file each,
// and PGlite (JavaScript + WebAssembly, no native add-on) beside them. Written to
// release/practica-<version>.zip (or the folder PRACTICA_RELEASE_OUT names).
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { zipSync, type Zippable } from 'fflate'
import { build } from 'vite'

const ROOT = new URL('..', import.meta.url).pathname
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string
}
const name = `practica-${version}`
const out = process.env['PRACTICA_RELEASE_OUT'] ?? join(ROOT, 'release')
const stage = join(out, name)

const START_CMD = `@echo off
rem Practica: double-click to start the server (needs Node.js 20 or newer: https://nodejs.org)
cd /d "%~dp0"
node server.mjs
pause
`
const START_SH = `#!/bin/sh
# Practica: start the server (needs Node.js 20 or newer)
cd "$(dirname "$0")" && exec node server.mjs
`
const README = `Practica ${version}

Start the server with Node.js 20 or newer (no npm, no internet needed):
  Windows: double-click start.cmd
  macOS / Linux: ./start.sh   (or: node server.mjs)

It prints the addresses learners open, a one-time setup link for the first admin, and how to make
lab machines trust its HTTPS certificate. Its data stays in the "data" folder next to this file.
Settings are environment variables (PORT, PRACTICA_DATA, DATABASE_URL, PRACTICA_HTTPS, ...),
listed in the project's README. Back up with:  node cli.mjs server backup FILE
`

async function bundle(entry: string, file: string): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    build: {
      ssr: join(ROOT, entry),
      outDir: stage,
      emptyOutDir: false,
      target: 'node20',
      minify: false,
      rollupOptions: { output: { format: 'es', entryFileNames: file, codeSplitting: false } },
    },
    // every dependency inside the bundle, except PGlite (shipped whole, with its wasm files) and
    // pg's optional native binding (never installed)
    ssr: { target: 'node', noExternal: true, external: ['@electric-sql/pglite', 'pg-native'] },
  })
}

/** Every file under `dir`, as zip entries under `prefix`. */
function entries(dir: string, prefix: string, into: Zippable): void {
  for (const item of readdirSync(dir)) {
    const path = join(dir, item)
    if (statSync(path).isDirectory()) entries(path, `${prefix}${item}/`, into)
    else
      into[`${prefix}${item}`] = [
        readFileSync(path),
        // Unix file modes (start.sh runs), as unzip reads them from the external attributes
        { os: 3, attrs: (item.endsWith('.sh') ? 0o100755 : 0o100644) << 16 },
      ]
  }
}

async function main(): Promise<void> {
  rmSync(stage, { recursive: true, force: true })
  mkdirSync(stage, { recursive: true })
  // the app, as `npm run build` makes it
  await build({
    root: ROOT,
    logLevel: 'warn',
    build: { outDir: join(stage, 'app'), emptyOutDir: true },
  })
  await bundle('src/server/main.ts', 'server.mjs')
  await bundle('src/cli/main.ts', 'cli.mjs')
  const pglite = join(ROOT, 'node_modules/@electric-sql/pglite')
  const target = join(stage, 'node_modules/@electric-sql/pglite')
  cpSync(join(pglite, 'package.json'), join(target, 'package.json'))
  cpSync(join(pglite, 'dist'), join(target, 'dist'), {
    recursive: true,
    // no source maps, no optional extensions (Practica uses none)
    filter: (src) => !src.endsWith('.map') && !(src.endsWith('.tar.gz') && !src.includes('pglite')),
  })
  await writeFile(join(stage, 'package.json'), JSON.stringify({ type: 'module', private: true }))
  await writeFile(join(stage, 'start.cmd'), START_CMD.replace(/\n/g, '\r\n'))
  await writeFile(join(stage, 'start.sh'), START_SH, { mode: 0o755 })
  await writeFile(join(stage, 'README.txt'), README)
  const files: Zippable = {}
  entries(stage, `${name}/`, files)
  const zip = join(out, `${name}.zip`)
  await writeFile(zip, zipSync(files, { level: 6 }))
  const mb = (statSync(zip).size / 1e6).toFixed(1)
  console.log(
    `Wrote ${relative(process.cwd(), zip) || zip} (${mb} MB): unzip it, then run start.cmd or start.sh.`,
  )
}

if (!existsSync(join(ROOT, 'node_modules/@electric-sql/pglite'))) {
  console.error('release: run npm ci first (PGlite is missing from node_modules).')
  process.exit(1)
}
await main()
