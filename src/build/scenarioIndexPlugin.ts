// Vite plugin: the module `virtual:practica-scenario-index`, what the library shows of each bundled
// scenario (its card, file and hash), written from scenarios/ when the app is built or served.
// The library lists the scenarios from it and fetches a scenario's file only when the learner
// starts it; the files are still emitted into the build, so the service worker caches them all.
// The cards' texts are in English there (or the scenario's default language where it has no
// English); another interface language's are downloaded when the library first shows a card in
// it (the section locales/scenarioCards/<tag>.json, empty in the sources and filled here), so
// neither an English visit nor a resumed attempt downloads any card's words in another language.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Plugin } from 'vite'
import { getLocalText, loadScenario, type Text } from '../core/index.ts'
import { cardOf, type IndexedScenario, type ScenarioCardInfo } from '../state/scenarioCard.ts'
import { bundledScenarioNames } from './checkScenariosPlugin.ts'

const ID = 'virtual:practica-scenario-index'
const RESOLVED = `\0${ID}`

/** An index entry less its URL: the card and hash of a valid file, else its problems. */
export type ScenarioIndexEntry = IndexedScenario extends infer E
  ? E extends IndexedScenario
    ? Omit<E, 'url'>
    : never
  : never

/** A card with its texts in one language: the scenario's own, else its default language's. */
export function cardIn(card: ScenarioCardInfo, language: string): ScenarioCardInfo {
  const say = (text: Text) => getLocalText(text, language, card.locales[0] ?? 'en')
  return {
    ...card,
    title: say(card.title),
    description: card.description === undefined ? undefined : say(card.description),
    competencies: card.competencies.map(say),
  }
}

/** The index entry of one scenario file's bytes, its card in English. */
export function indexEntry(file: string, bytes: Uint8Array): ScenarioIndexEntry {
  const loaded = loadScenario(bytes)
  if (!loaded.ok) return { file, problems: loaded.problems }
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  return { file, sha256, card: cardIn(cardOf(loaded.value), 'en') }
}

/** The texts of the bundled scenarios' cards in one language, by scenario id, as a locale section. */
export function cardTexts(root: string, language: string): Record<string, Record<string, unknown>> {
  const texts: Record<string, Record<string, unknown>> = {}
  for (const file of bundledScenarioNames(root)) {
    const loaded = loadScenario(readFileSync(join(root, 'scenarios', file)))
    if (!loaded.ok) continue
    const card = cardIn(cardOf(loaded.value), language)
    texts[card.id] = {
      title: card.title,
      ...(card.description === undefined ? {} : { description: card.description }),
      competencies: { ...card.competencies },
    }
  }
  return texts
}

/** A language's card texts as the interface downloads them (i18n.ts): the file, `?raw`. */
const CARDS_RAW = /\/src\/view\/i18n\/locales\/scenarioCards\/([\w-]+)\.json\?raw(?:&[\w&=]*)?$/

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
    // before Vite's own `?raw`, so the card texts' files are filled
    enforce: 'pre',
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
      // English is in the index itself
      const locale = CARDS_RAW.exec(id)?.[1]
      if (locale !== undefined && locale !== 'en') {
        for (const file of bundledScenarioNames(root))
          this.addWatchFile(join(root, 'scenarios', file))
        return `export default ${JSON.stringify(JSON.stringify(cardTexts(root, locale)))}\n`
      }
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
