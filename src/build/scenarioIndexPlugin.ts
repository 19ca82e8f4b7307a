// Vite plugin: the module `virtual:practica-scenario-index`, what the library shows of each bundled
// scenario (its card, file and hash), written from scenarios/ when the app is built or served.
// The library lists the scenarios from it and fetches a scenario's file only when the learner
// starts it; the files are still emitted into the build, so the service worker caches them all.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Plugin } from 'vite'
import { loadScenario } from '../core/index.ts'
import { cardOf, type IndexedScenario } from '../state/scenarioCard.ts'
import { bundledScenarioNames } from './checkScenariosPlugin.ts'

const ID = 'virtual:practica-scenario-index'
const RESOLVED = `\0${ID}`

/** An index entry less its URL: the card and hash of a valid file, else its problems. */
export type ScenarioIndexEntry = IndexedScenario extends infer E
  ? E extends IndexedScenario
    ? Omit<E, 'url'>
    : never
  : never

/** The index entry of one scenario file's bytes. */
export function indexEntry(file: string, bytes: Uint8Array): ScenarioIndexEntry {
  const loaded = loadScenario(bytes)
  if (!loaded.ok) return { file, problems: loaded.problems }
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  return { file, sha256, card: cardOf(loaded.value) }
}

/** The index entries of the bundled scenarios of the project at `root`, in file-name order. */
export function buildScenarioIndex(root: string): ScenarioIndexEntry[] {
  return bundledScenarioNames(root).map((file) =>
    indexEntry(file, readFileSync(join(root, 'scenarios', file))),
  )
}

/** Stands for a built file's name in the index's code until the file's name is known. */
const PLACEHOLDER = /__PRACTICA_SCENARIO_FILE_(\w+)__/g

export function scenarioIndexPlugin(): Plugin {
  let root = process.cwd()
  let base = '/'
  let building = false
  return {
    name: 'practica-scenario-index',
    configResolved(config) {
      root = config.root
      // a relative base: the files are fetched relative to the page, which is at the base
      base = config.base === './' ? '' : config.base
      building = config.command === 'build'
    },
    resolveId(id) {
      return id === ID ? RESOLVED : undefined
    },
    load(id) {
      if (id !== RESOLVED) return undefined
      const entries = bundledScenarioNames(root).map((file) => {
        const path = join(root, 'scenarios', file)
        this.addWatchFile(path)
        const bytes = readFileSync(path)
        const entry = indexEntry(file, bytes)
        // built: a file of the build, which the service worker precaches; its URL is no asset
        // import, so the file is no part of the chunk that holds the index (it is fetched on start)
        let url = `${base}scenarios/${file}`
        if (building) {
          const ref = this.emitFile({
            type: 'asset',
            name: file,
            originalFileName: `scenarios/${file}`,
            source: bytes,
          })
          url = `${base}__PRACTICA_SCENARIO_FILE_${ref}__`
        }
        return { ...entry, url }
      })
      return `export const scenarioIndex = ${JSON.stringify(entries)}\n`
    },
    renderChunk(code) {
      if (!building || !code.includes('__PRACTICA_SCENARIO_FILE_')) return null
      // only inside one string literal: the chunk's mappings stay as they are
      return {
        code: code.replace(PLACEHOLDER, (_, ref: string) => this.getFileName(ref)),
        map: null,
      }
    },
  }
}
