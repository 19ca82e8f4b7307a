// Titles the recorder proposes for what an instructor did: a verb template per kind, action and
// language, filled with the part's name and the state's name in that language. A state is named
// by the component's `stateLabels` in that language, or, for a few common states, by the words
// below; a state with neither has no name, and the title waits for the instructor to give one
// (never "Set the isolator to off_locked"). Pure: text in, text out.
import type { Text } from '../text.ts'

/** The languages the recorder can word titles in; any other locale is typed by the instructor. */
export const TITLE_LANGUAGES = ['en', 'zh-CN'] as const
export type TitleLanguage = (typeof TITLE_LANGUAGES)[number]

/** What a title needs to know of a part: its kind, its name and the names of its states. */
export interface PartWords {
  readonly kind: string
  readonly label?: Text | undefined
  readonly stateLabels?: Readonly<Record<string, Text>> | undefined
}

/** One act of the instructor, as the learner would record it (spec section 5). */
export interface RecordedAct {
  readonly action: string
  readonly target: string
  readonly value?: string | undefined
}

/** A proposed title, or the state whose name in this language is missing. */
export type TitleProposal =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly reason: 'language' }
  | { readonly ok: false; readonly reason: 'state'; readonly state: string }

/** Names of common states, as the app's own state names (locales' `state` section) say them. */
const COMMON_STATES: Readonly<Record<TitleLanguage, Readonly<Record<string, string>>>> = {
  en: {
    auto: 'auto',
    manual: 'manual',
    hand: 'hand',
    start: 'start',
    stop: 'stop',
    run: 'run',
    remote: 'remote',
    local: 'local',
    tripped: 'tripped',
    ready: 'ready',
    installed: 'installed',
    removed: 'removed',
    connected: 'connected',
    disconnected: 'disconnected',
  },
  'zh-CN': {
    auto: '自动',
    manual: '手动',
    hand: '手动',
    start: '启动',
    stop: '停止',
    run: '运行',
    remote: '远程',
    local: '本地',
    tripped: '脱扣',
    ready: '就绪',
    installed: '已安装',
    removed: '已拔出',
    connected: '已连接',
    disconnected: '已断开',
  },
}

type Words = Readonly<Record<TitleLanguage, string>>

/** Verbs for setting a part to a common state, by state and then by kind ('*' for any kind). */
const STATE_VERBS: Readonly<Record<string, Readonly<Record<string, Words>>>> = {
  on: {
    breaker: { en: 'Switch the {part} on', 'zh-CN': '合上{part}' },
    '*': { en: 'Switch the {part} on', 'zh-CN': '接通{part}' },
  },
  off: {
    '*': { en: 'Switch the {part} off', 'zh-CN': '断开{part}' },
  },
  open: {
    '*': { en: 'Open the {part}', 'zh-CN': '打开{part}' },
  },
  closed: {
    door: { en: 'Close the {part}', 'zh-CN': '关上{part}' },
    '*': { en: 'Close the {part}', 'zh-CN': '关闭{part}' },
  },
}

/** Setting a part to a state of its own, by kind. */
const SET_VERBS: Readonly<Record<string, Words>> = {
  switch: { en: 'Turn the {part} to “{state}”', 'zh-CN': '将{part}转到“{state}”' },
  selector: { en: 'Turn the {part} to “{state}”', 'zh-CN': '将{part}转到“{state}”' },
  valve: { en: 'Set the {part} to “{state}”', 'zh-CN': '将{part}调到“{state}”' },
  breaker: { en: 'Set the {part} to “{state}”', 'zh-CN': '将{part}置于“{state}”' },
  door: { en: 'Set the {part} to “{state}”', 'zh-CN': '将{part}置于“{state}”' },
}

/** The other actions, the same for every kind but inspect, which depends on what is looked at. */
const ACTION_VERBS: Readonly<Record<string, Words>> = {
  press: { en: 'Press the {part}', 'zh-CN': '按下{part}' },
  wear: { en: 'Put on the {part}', 'zh-CN': '穿戴{part}' },
  remove: { en: 'Take off the {part}', 'zh-CN': '取下{part}' },
  lock: { en: 'Lock the {part}', 'zh-CN': '给{part}上锁' },
  unlock: { en: 'Unlock the {part}', 'zh-CN': '给{part}解锁' },
  tag: { en: 'Tag the {part}', 'zh-CN': '在{part}上挂警示牌' },
  untag: { en: 'Remove the tag from the {part}', 'zh-CN': '摘下{part}上的警示牌' },
}

const INSPECT_VERBS: Readonly<Record<string, Words>> = {
  lamp: { en: 'Check the {part}', 'zh-CN': '检查{part}' },
  gauge: { en: 'Read the {part}', 'zh-CN': '读取{part}' },
  display: { en: 'Read the {part}', 'zh-CN': '读取{part}' },
  machine: { en: 'Check the {part}', 'zh-CN': '检查{part}' },
  '*': { en: 'Inspect the {part}', 'zh-CN': '查看{part}' },
}

/** A comparison the teacher confirms after reading a gauge or a display. */
export type ThresholdComparison = '<' | '<=' | '>' | '>='

const THRESHOLD_VERBS: Readonly<Record<ThresholdComparison, Words>> = {
  '<': { en: 'Check that the {part} reads below {value}', 'zh-CN': '确认{part}读数低于{value}' },
  '<=': {
    en: 'Check that the {part} reads at most {value}',
    'zh-CN': '确认{part}读数不高于{value}',
  },
  '>': { en: 'Check that the {part} reads above {value}', 'zh-CN': '确认{part}读数高于{value}' },
  '>=': {
    en: 'Check that the {part} reads at least {value}',
    'zh-CN': '确认{part}读数不低于{value}',
  },
}

const ISOLATION_WORDS: Words = {
  en: '{part} “{state}” while the {lock} is not “{other}”',
  'zh-CN': '{lock}未处于“{other}”时{part}处于“{state}”',
}

const HAZARD_WORDS: Words = {
  en: '{part} “{state}” before the {lock} is locked',
  'zh-CN': '{lock}上锁之前{part}处于“{state}”',
}

const LINE_UP_WORDS: Words = {
  en: '{part} running while the {valve} is not open',
  'zh-CN': '{valve}未打开时{part}运行',
}

const LINE_UP_STATE_WORDS: Words = {
  en: '{part} “{state}” while the {valve} is not open',
  'zh-CN': '{valve}未打开时{part}处于“{state}”',
}

function isTitleLanguage(locale: string): locale is TitleLanguage {
  return (TITLE_LANGUAGES as readonly string[]).includes(locale)
}

/** The text of a Text in one locale exactly (no fallback); undefined when it has none. */
export function textIn(text: Text | undefined, locale: string, defaultLocale: string): string {
  if (text === undefined) return ''
  if (typeof text === 'string') return locale === defaultLocale ? text : ''
  return text[locale] ?? ''
}

/** The part's name in a sentence: its label in the locale (else the default locale's). */
export function partName(part: PartWords, locale: string, defaultLocale: string): string {
  const name =
    textIn(part.label, locale, defaultLocale) || textIn(part.label, defaultLocale, defaultLocale)
  if (locale !== 'en') return name
  // "Main isolator" reads "the main isolator" inside a sentence; "HV plug" and "START" keep theirs
  const second = name.charAt(1)
  return second !== '' && second === second.toLowerCase() && second !== second.toUpperCase()
    ? name.charAt(0).toLowerCase() + name.slice(1)
    : name
}

/**
 * The name of one of the part's states in a locale: its `stateLabels` entry in that locale, or
 * the common name of the state; undefined when it has neither (the recorder asks for it).
 */
export function stateName(
  part: PartWords,
  state: string,
  locale: string,
  defaultLocale: string,
): string | undefined {
  const own = textIn(part.stateLabels?.[state], locale, defaultLocale)
  if (own !== '') return own
  return isTitleLanguage(locale) ? COMMON_STATES[locale][state] : undefined
}

/** A name written as a caption, in capitals ("START", "E-STOP", "Q1"): it takes no article. */
const isCaption = (name: string): boolean => /[A-Z]/.test(name) && !/[a-z]/.test(name)

// "Press the {part}" with "START" reads "Press START"
const fill = (template: string, words: Readonly<Record<string, string>>): string =>
  template.replace(/(\bthe )?\{(\w+)\}/g, (_, the: string | undefined, k: string) => {
    const word = words[k] ?? ''
    return the !== undefined && !isCaption(word) ? the + word : word
  })

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1)

/** The verb template of an act in a language, and the state it names (if it names one). */
function templateOf(
  part: PartWords,
  act: RecordedAct,
  language: TitleLanguage,
): { template: string; state?: string } | undefined {
  if (act.action === 'set' && act.value !== undefined) {
    const verbs = STATE_VERBS[act.value]
    const known = verbs?.[part.kind] ?? verbs?.['*']
    if (known) return { template: known[language] }
    const generic = SET_VERBS[part.kind] ?? SET_VERBS['switch']!
    return { template: generic[language], state: act.value }
  }
  if (act.action === 'inspect')
    return { template: (INSPECT_VERBS[part.kind] ?? INSPECT_VERBS['*']!)[language] }
  const verbs = ACTION_VERBS[act.action]
  return verbs && { template: verbs[language] }
}

/**
 * The title proposed for an act in one locale of the scenario, or what is missing: the state's
 * name in that locale, or the locale itself (the recorder words only English and Chinese).
 */
export function proposeTitle(
  part: PartWords,
  act: RecordedAct,
  locale: string,
  defaultLocale: string,
): TitleProposal {
  if (!isTitleLanguage(locale)) return { ok: false, reason: 'language' }
  const chosen = templateOf(part, act, locale)
  if (!chosen) return { ok: false, reason: 'language' }
  let state = ''
  if (chosen.state !== undefined) {
    const name = stateName(part, chosen.state, locale, defaultLocale)
    if (name === undefined) return { ok: false, reason: 'state', state: chosen.state }
    state = name
  }
  const text = fill(chosen.template, { part: partName(part, locale, defaultLocale), state })
  return { ok: true, text: capitalize(text) }
}

/** A number as a threshold reads: no trailing zeros, at most 4 decimals. */
export function formatNumber(n: number): string {
  return String(Number(n.toFixed(4)))
}

/** The title of a state step "the gauge reads below 0.5 bar", in one locale. */
export function thresholdTitle(
  part: PartWords,
  comparison: ThresholdComparison,
  value: number,
  unit: string | undefined,
  locale: string,
  defaultLocale: string,
): TitleProposal {
  if (!isTitleLanguage(locale)) return { ok: false, reason: 'language' }
  const amount = unit ? `${formatNumber(value)} ${unit}` : formatNumber(value)
  const name = partName(part, locale, defaultLocale)
  return {
    ok: true,
    text: capitalize(fill(THRESHOLD_VERBS[comparison][locale], { part: name, value: amount })),
  }
}

/**
 * The title of a proposed hazard: a part put in a state before another part is locked, or, with
 * `other`, while the other part is not in that state ("guard open while the isolator is not off").
 */
export function hazardTitle(
  part: PartWords,
  state: string,
  lock: PartWords,
  locale: string,
  defaultLocale: string,
  other?: string,
): TitleProposal {
  if (!isTitleLanguage(locale)) return { ok: false, reason: 'language' }
  const name = (p: PartWords, s: string) =>
    stateName(p, s, locale, defaultLocale) ?? COMMON_STATE_WORDS[locale][s]
  const own = name(part, state)
  if (own === undefined) return { ok: false, reason: 'state', state }
  const otherName = other === undefined ? '' : name(lock, other)
  if (otherName === undefined) return { ok: false, reason: 'state', state: other! }
  const words = {
    part: partName(part, locale, defaultLocale),
    lock: partName(lock, locale, defaultLocale),
    state: own,
    other: otherName,
  }
  const template = other === undefined ? HAZARD_WORDS : ISOLATION_WORDS
  return { ok: true, text: capitalize(fill(template[locale], words)) }
}

/** The states that have verbs of their own (on, off, open, closed) named as adjectives. */
const COMMON_STATE_WORDS: Readonly<Record<TitleLanguage, Readonly<Record<string, string>>>> = {
  en: { on: 'on', off: 'off', open: 'open', closed: 'closed' },
  'zh-CN': { on: '接通', off: '断开', open: '打开', closed: '关闭' },
}

/**
 * The title of a proposed line-up hazard: a part started while a valve is not open ("pump
 * running while the suction valve is not open"); with `state`, a switch or selector set to it
 * ("pump switch “on” while …"), else a machine running.
 */
export function lineUpTitle(
  part: PartWords,
  state: string | undefined,
  valve: PartWords,
  locale: string,
  defaultLocale: string,
): TitleProposal {
  if (!isTitleLanguage(locale)) return { ok: false, reason: 'language' }
  const own =
    state === undefined
      ? ''
      : (stateName(part, state, locale, defaultLocale) ?? COMMON_STATE_WORDS[locale][state])
  if (own === undefined) return { ok: false, reason: 'state', state: state! }
  const words = {
    part: partName(part, locale, defaultLocale),
    valve: partName(valve, locale, defaultLocale),
    state: own,
  }
  const template = state === undefined ? LINE_UP_WORDS : LINE_UP_STATE_WORDS
  return { ok: true, text: capitalize(fill(template[locale], words)) }
}
