// The interface languages: every file in ./locales is one language, named by its locale tag.
// Adding a language is adding one file. English is built in, as the fallback; any other language
// is downloaded when it is chosen, and switches only once it has arrived.
import i18next, { type BackendModule, type Resource, type ResourceKey } from 'i18next'
import en from './locales/en.json'

type Translation = Record<string, unknown>

const tagOf = (path: string) => path.slice(path.lastIndexOf('/') + 1, -'.json'.length)

// each language's own name, in every language, so the switch can offer one before it is downloaded
const names = import.meta.glob<Translation>('./locales/*.json', { eager: true, import: 'language' })
// as text, a module apart from the one `names` reads, so only the names are in the first download
const downloads = import.meta.glob<string>(['./locales/*.json', '!./locales/en.json'], {
  query: '?raw',
  import: 'default',
})

export const LANGUAGES: readonly string[] = Object.keys(names)
  .map(tagOf)
  .sort((a, b) => (a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b)))

const STORAGE_KEY = 'practica.language'
// looked up first; holds only `language.*`, which every language has from the start
const NAMES_NS = 'names'
const TRANSLATION_NS = 'translation'

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

/** Downloads the translation of a language other than English, for i18next. */
const download: BackendModule = {
  type: 'backend',
  callbackApi: false,
  init() {},
  read(language: string, namespace: string): Promise<ResourceKey> {
    const load = downloads[`./locales/${language}.json`]
    if (namespace !== TRANSLATION_NS || !load) return Promise.resolve({})
    return load().then((text) => JSON.parse(text) as Translation)
  },
}

const resources: Resource = {}
for (const [path, language] of Object.entries(names))
  resources[tagOf(path)] = { [NAMES_NS]: { language } }
resources['en'] = { ...resources['en'], [TRANSLATION_NS]: en }

const initialized = i18next.use(download).init({
  resources,
  partialBundledLanguages: true,
  ns: [NAMES_NS, TRANSLATION_NS],
  defaultNS: [NAMES_NS, TRANSLATION_NS],
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false }, // React escapes
  initAsync: false,
})

/** Settles once the starting language can be shown: at once for English. */
export const languageReady: Promise<void> = initialized.then(() => undefined)

const showLanguage = (lng: string) => {
  if (globalThis.document) document.documentElement.lang = lng
}

// the page says which language it is in from the start; from then on, a choice is remembered
void languageReady.then(() => {
  showLanguage(i18next.language)
  i18next.on('languageChanged', (lng) => {
    globalThis.localStorage?.setItem(STORAGE_KEY, lng)
    showLanguage(lng)
  })
})

export { i18next }
