// The interface languages: every file in ./locales is one language, named by its locale tag.
// Adding a language is adding one file.
import i18next from 'i18next'

const files = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*.json', {
  eager: true,
})

export const LANGUAGES: readonly string[] = Object.keys(files)
  .map((path) => path.slice(path.lastIndexOf('/') + 1, -'.json'.length))
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

void i18next.init({
  resources: Object.fromEntries(
    Object.entries(files).map(([path, mod]) => [
      path.slice(path.lastIndexOf('/') + 1, -'.json'.length),
      { translation: mod.default },
    ]),
  ),
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false }, // React escapes
  initAsync: false,
})

i18next.on('languageChanged', (lng) => {
  globalThis.localStorage?.setItem(STORAGE_KEY, lng)
  if (globalThis.document) document.documentElement.lang = lng
})

export { i18next }
