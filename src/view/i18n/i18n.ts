// The interface languages: every file in ./locales is one language, named by its locale tag.
// Adding a language is adding one file. English is built in, as the fallback; any other language
// is downloaded when it is chosen, and switches only once it has arrived. The problems' texts
// (./locales/problems, one file per language) are downloaded, English too, when a screen first
// says a problem, and the result's, the editor's and the review's (./locales/result, ...) with
// the screens that say them, the class server's (./locales/server) with the screens that talk to
// one, and the bundled scenarios' cards in a language other than English
// (./locales/scenarioCards, filled when built) when the library first shows one: the learner's
// first download carries only the learner's texts.
import en from './locales/en.json'
import { Translator, type Dictionary } from './translator.ts'

const tagOf = (path: string) => path.slice(path.lastIndexOf('/') + 1, -'.json'.length)

// each language's own name, in every language, so the switch can offer one before it is downloaded
const names = import.meta.glob<Dictionary>('./locales/*.json', { eager: true, import: 'language' })
// as text, a module apart from the one `names` reads, so only the names are in the first download
const downloads = import.meta.glob<string>(['./locales/*.json', '!./locales/en.json'], {
  query: '?raw',
  import: 'default',
})

// each its own module, downloaded when a key in the section is first asked for
const sectionFiles = import.meta.glob<string>('./locales/*/*.json', {
  query: '?raw',
  import: 'default',
})

export const LANGUAGES: readonly string[] = Object.keys(names)
  .map(tagOf)
  .sort((a, b) => (a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b)))

const STORAGE_KEY = 'practica.language'

function initialLanguage(): string {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY)
  if (saved && LANGUAGES.includes(saved)) return saved
  const browser = globalThis.navigator?.language ?? 'en'
  return (
    LANGUAGES.find((l) => l === browser) ??
    LANGUAGES.find((l) => l.split('-')[0] === browser.split('-')[0]) ??
    'en'
  )
}

const dictionaries: Record<string, Dictionary> = {}
for (const [path, language] of Object.entries(names)) dictionaries[tagOf(path)] = { language }
dictionaries['en'] = en

export const i18n = new Translator({
  fallback: 'en',
  language: initialLanguage(),
  dictionaries,
  download: async (language) => {
    const load = downloads[`./locales/${language}.json`]
    if (!load) throw new Error(`no interface texts in ${language}`)
    return JSON.parse(await load()) as Dictionary
  },
  sections: [
    'problems',
    'result',
    'editor',
    'review',
    'scenarioCards',
    'staff',
    'live',
    'liveActions',
    'server',
    'record',
    'package',
    'badges',
    'lrs',
    'lrsForward',
  ],
  downloadSection: async (section, language) => {
    const load = sectionFiles[`./locales/${section}/${language}.json`]
    if (!load) throw new Error(`no ${section} texts in ${language}`)
    return JSON.parse(await load()) as Dictionary
  },
})

/** Settles once the starting language can be shown: at once for English. */
export const languageReady: Promise<void> = i18n.load(i18n.language).then(
  () => undefined,
  // without its texts (offline before they were cached), the interface shows English
  () => i18n.changeLanguage('en'),
)

const showLanguage = (lng: string) => {
  if (globalThis.document) document.documentElement.lang = lng
}

// the page says which language it is in from the start; from then on, a choice is remembered
void languageReady.then(() => {
  showLanguage(i18n.language)
  i18n.onChange((lng) => {
    globalThis.localStorage?.setItem(STORAGE_KEY, lng)
    showLanguage(lng)
  })
})
