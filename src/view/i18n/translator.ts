// Interface texts by key in several languages: nested keys ("play.start"), {{name}} values,
// plural forms by Intl.PluralRules ("key_one", "key_other"), and a fallback language for any key
// a translation lacks. Other languages are downloaded when chosen, and a section kept apart (the
// problems' texts) when a key in it is first asked for. No React, no DOM. It replaces
// i18next, of which the app used only this: i18next's 15 KB (gzip) kept the learner's first
// download above the goal of the bundle benchmark (README, "Benchmarks").

/** A language's texts: strings, or groups of them by key. */
export interface Dictionary {
  readonly [key: string]: string | Dictionary
}

export interface TranslateOptions {
  /** The number a plural form is chosen by; also a value, as {{count}}. */
  readonly count?: number
  /** Said when no language has the key. */
  readonly defaultValue?: string
  readonly [value: string]: string | number | undefined
}

export type Translate = (key: string, options?: TranslateOptions) => string

export interface TranslatorOptions {
  /** Has every key; used for what another language lacks. */
  readonly fallback: string
  readonly language: string
  /** Texts known from the start, by language; a language may have only some of its keys here. */
  readonly dictionaries: Readonly<Record<string, Dictionary>>
  /** Downloads the rest of a language's texts; called at most once per language. */
  readonly download: (language: string) => Promise<Dictionary>
  /** Top-level keys whose texts are downloaded apart, when a key in them is first asked for. */
  readonly sections?: readonly string[]
  /** Downloads one of those sections in a language; called once per section and language. */
  readonly downloadSection?: (section: string, language: string) => Promise<Dictionary>
}

const VALUE = /{{\s*(\w+)\s*}}/g

function lookUp(dictionary: Dictionary | undefined, key: string): string | undefined {
  let node: string | Dictionary | undefined = dictionary
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined
    node = node[part]
  }
  return typeof node === 'string' ? node : undefined
}

function merge(a: Dictionary, b: Dictionary): Dictionary {
  const out: Record<string, string | Dictionary> = { ...a }
  for (const [key, value] of Object.entries(b)) {
    const old = out[key]
    out[key] = typeof old === 'object' && typeof value === 'object' ? merge(old, value) : value
  }
  return out
}

export class Translator {
  private readonly dictionaries = new Map<string, Dictionary>()
  private readonly downloads = new Map<string, Promise<void>>()
  private readonly plurals = new Map<string, Intl.PluralRules>()
  private readonly fixed = new Map<string, Translate>()
  private readonly listeners = new Set<(language: string) => void>()
  // sections asked for (downloaded with every language chosen from then on), their downloads by
  // section and language, those that arrived, and whoever is told when one does
  private readonly asked = new Set<string>()
  private readonly sectionDownloads = new Map<string, Promise<void>>()
  private readonly arrived = new Set<string>()
  private readonly textListeners = new Set<() => void>()
  private current: string

  constructor(private readonly options: TranslatorOptions) {
    for (const [language, dictionary] of Object.entries(options.dictionaries))
      this.dictionaries.set(language, dictionary)
    this.current = options.language
  }

  /** The language the interface is in. */
  get language(): string {
    return this.current
  }

  /** Texts in one language, whichever is current; the same function each time. */
  getFixedT(language: string): Translate {
    let t = this.fixed.get(language)
    if (!t) this.fixed.set(language, (t = this.translate(language)))
    return t
  }

  private translate(language: string): Translate {
    const order = this.orderOf(language)
    const sections = this.options.sections ?? []
    return (key, options = {}) => {
      // a key of a section kept apart starts its download (said meanwhile by the default value)
      const section = key.split('.', 1)[0]!
      if (sections.includes(section) && !this.asked.has(section))
        this.ask(section, order).catch(() => this.asked.delete(section))
      let text: string | undefined
      for (const lng of order) {
        const dictionary = this.dictionaries.get(lng)
        const form = options.count === undefined ? undefined : this.pluralOf(lng, options.count)
        text = (form && lookUp(dictionary, `${key}_${form}`)) ?? lookUp(dictionary, key)
        if (text !== undefined) break
      }
      if (text === undefined) return options.defaultValue ?? key
      return text.replace(VALUE, (whole, name: string) =>
        options[name] === undefined ? whole : String(options[name]),
      )
    }
  }

  /**
   * Switches to a language once its texts have arrived, then tells every listener. Rejects, and
   * stays in the current language, if they cannot be downloaded.
   */
  async changeLanguage(language: string): Promise<void> {
    // a section already shown comes with the language, if it can; without it, screens say less
    const sections = [...this.asked].map((s) => this.fetchSection(s, language).catch(() => {}))
    await Promise.all([this.load(language), ...sections])
    if (language === this.current) return
    this.current = language
    for (const listener of this.listeners) listener(language)
  }

  /** Calls `listener` after each change of language; returns the way to stop. */
  onChange(listener: (language: string) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Settles once the texts of `language` are all here. */
  load(language: string): Promise<void> {
    if (language === this.options.fallback) return Promise.resolve()
    let download = this.downloads.get(language)
    if (!download) {
      download = this.options.download(language).then((texts) => {
        this.dictionaries.set(language, merge(this.dictionaries.get(language) ?? {}, texts))
      })
      // a failed download may be tried again
      download.catch(() => this.downloads.delete(language))
      this.downloads.set(language, download)
    }
    return download
  }

  /** How many times a section's texts have arrived in a language: a new number, more texts. */
  get revision(): number {
    return this.arrived.size
  }

  /** Calls `listener` after a section's texts arrive in a language; returns the way to stop. */
  onTexts(listener: () => void): () => void {
    this.textListeners.add(listener)
    return () => this.textListeners.delete(listener)
  }

  /** Whether a section kept apart is here in the current language and the fallback. */
  hasSection(section: string): boolean {
    return this.orderOf(this.current).every((l) => this.arrived.has(`${section}/${l}`))
  }

  /**
   * Downloads a section kept apart in the current language and the fallback, once; from then on
   * it comes with each language chosen. Rejects if it cannot be downloaded (it may be asked again).
   */
  loadSection(section: string): Promise<void> {
    return this.ask(section, this.orderOf(this.current))
  }

  private ask(section: string, languages: readonly string[]): Promise<void> {
    this.asked.add(section)
    return Promise.all(languages.map((l) => this.fetchSection(section, l))).then(() => undefined)
  }

  private fetchSection(section: string, language: string): Promise<void> {
    const id = `${section}/${language}`
    let download = this.sectionDownloads.get(id)
    if (!download) {
      const get = this.options.downloadSection ?? (() => Promise.reject(new Error(`no ${id}`)))
      download = get(section, language).then((texts) => {
        const dictionary = this.dictionaries.get(language) ?? {}
        this.dictionaries.set(language, merge(dictionary, { [section]: texts }))
        this.arrived.add(id)
        for (const listener of this.textListeners) listener()
      })
      // a failed download may be tried again
      download.catch(() => this.sectionDownloads.delete(id))
      this.sectionDownloads.set(id, download)
    }
    return download
  }

  private orderOf(language: string): string[] {
    return language === this.options.fallback ? [language] : [language, this.options.fallback]
  }

  private pluralOf(language: string, count: number): string {
    let rules = this.plurals.get(language)
    if (!rules) this.plurals.set(language, (rules = new Intl.PluralRules(language)))
    return rules.select(count)
  }
}
