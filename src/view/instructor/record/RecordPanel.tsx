import { useEffect, useRef, useState } from 'react'
import { useStore } from 'zustand'
import {
  partName,
  type JsonObject,
  type PartWords,
  type RecordedStep,
  type ThresholdComparison,
} from '../../../core/index.ts'
import type { EditorStore } from '../../../state/editorStore.ts'
import { recorderStore, type MissingName, type PendingReading } from '../../../state/recorder.ts'
import { useTranslation } from '../../i18n/useTranslation.ts'
import './record.css'

type T = ReturnType<typeof useTranslation>['t']

/** A locale's name in the interface language; the tag when the interface does not know it. */
export function languageName(t: T, locale: string): string {
  const name = t(`record.language.${locale}`, { defaultValue: '' })
  return typeof name === 'string' && name !== '' ? name : locale
}

/** The name of a component of the draft inside a sentence in the interface language. */
function partLabel(doc: JsonObject, id: string, language: string): string {
  const list = Array.isArray(doc['components']) ? doc['components'] : []
  const c = list.find(
    (x) => x !== null && typeof x === 'object' && !Array.isArray(x) && x['id'] === id,
  ) as JsonObject | undefined
  const first = Array.isArray(doc['locales']) ? String(doc['locales'][0]) : 'en'
  const name = c ? partName(c as unknown as PartWords, language, first) : ''
  return name || id
}

/**
 * How to name a state to the instructor when it has no name in one language: its name in
 * another language (the interface's first), else the value the scenario gives it.
 */
function knownStateName(doc: JsonObject, m: MissingName, language: string): string {
  const list = Array.isArray(doc['components']) ? doc['components'] : []
  const c = list.find(
    (x) => x !== null && typeof x === 'object' && !Array.isArray(x) && x['id'] === m.target,
  ) as JsonObject | undefined
  const labels = c?.['stateLabels']
  const text =
    labels && typeof labels === 'object' && !Array.isArray(labels) ? labels[m.state] : undefined
  if (typeof text === 'string') return text
  if (text && typeof text === 'object' && !Array.isArray(text)) {
    const names = Object.entries(text).filter(([l, v]) => l !== m.locale && typeof v === 'string')
    const found = names.find(([l]) => l === language) ?? names[0]
    if (found) return String(found[1])
  }
  return m.state
}

const COMPARISONS: readonly (readonly [ThresholdComparison, string])[] = [
  ['<', 'record.below'],
  ['<=', 'record.atMost'],
  ['>', 'record.above'],
  ['>=', 'record.atLeast'],
]

/** A gauge or display just read: the threshold to confirm, never the value read itself. */
function ReadingCheck({
  reading,
  doc,
}: {
  readonly reading: PendingReading
  readonly doc: JsonObject
}) {
  const { t, i18n } = useTranslation()
  const { threshold } = reading
  const r = recorderStore.getState()
  return (
    <fieldset className="record-reading" aria-labelledby="record-reading-title">
      <legend id="record-reading-title">
        {t('record.readingTitle', {
          part: partLabel(doc, reading.target, i18n.language),
          read: Number(reading.read.toFixed(3)),
        })}
      </legend>
      <p className="muted">{t('record.readingHelp')}</p>
      <label>
        {t('record.comparison')}{' '}
        <select
          value={threshold.comparison}
          onChange={(e) =>
            r.setThreshold({ ...threshold, comparison: e.target.value as ThresholdComparison })
          }
        >
          {COMPARISONS.map(([c, key]) => (
            <option key={c} value={c}>
              {t(key)}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        {t('record.limit')}{' '}
        <input
          type="number"
          step="any"
          value={threshold.value}
          onChange={(e) => {
            const value = e.target.valueAsNumber
            if (Number.isFinite(value)) r.setThreshold({ ...threshold, value })
          }}
        />
      </label>
      <div className="record-actions">
        <button type="button" className="primary" onClick={() => r.confirmReading()}>
          {t('record.confirmReading')}
        </button>
        <button type="button" onClick={() => r.confirmReading(true)}>
          {t('record.justRead')}
        </button>
        <button type="button" onClick={() => r.dropReading()}>
          {t('record.dropReading')}
        </button>
      </div>
    </fieldset>
  )
}

/** A state with no name in a language: asked for, then kept in the part's state names. */
function NameState({ missing, doc }: { readonly missing: MissingName; readonly doc: JsonObject }) {
  const { t, i18n } = useTranslation()
  const [name, setName] = useState('')
  const language = languageName(t, missing.locale)
  const state = knownStateName(doc, missing, i18n.language)
  return (
    <form
      className="record-name"
      onSubmit={(e) => {
        e.preventDefault()
        recorderStore.getState().nameState(missing, name)
      }}
    >
      <p>
        {t('record.nameState', {
          state,
          part: partLabel(doc, missing.target, i18n.language),
          language,
        })}
      </p>
      <label>
        {t('record.nameStateField', { state, language })}{' '}
        <input
          value={name}
          lang={missing.locale}
          onChange={(e) => setName(e.target.value)}
          required
        />
      </label>{' '}
      <button type="submit">{t('record.saveName')}</button>
    </form>
  )
}

/** One recorded step: its title in each locale, its group, whether it is critical, its points. */
function StepBox({
  step: s,
  index: i,
  locales,
}: {
  readonly step: RecordedStep
  readonly index: number
  readonly locales: readonly string[]
}) {
  const { t } = useTranslation()
  const r = recorderStore.getState()
  return (
    <li data-record-step={s.id}>
      <fieldset>
        <legend>{t('record.step', { n: i + 1 })}</legend>
        {locales.map((l) => (
          <label key={l} className="record-title">
            {t('record.titleIn', { language: languageName(t, l) })}
            <input
              lang={l}
              value={s.titles[l] ?? ''}
              required
              onChange={(e) => r.setTitle(i, l, e.target.value)}
            />
          </label>
        ))}
        <div className="record-flags">
          {i > 0 && (
            <label>
              <input
                type="checkbox"
                checked={s.anyOrder}
                onChange={(e) => r.update(i, { anyOrder: e.target.checked })}
              />{' '}
              {t('record.anyOrder')}
            </label>
          )}
          <label>
            <input
              type="checkbox"
              checked={s.critical}
              onChange={(e) => r.update(i, { critical: e.target.checked })}
            />{' '}
            {t('record.critical')}
          </label>
          <label>
            {t('record.points')}{' '}
            <input
              type="number"
              min={0}
              step="any"
              className="record-points"
              value={s.points}
              onChange={(e) => {
                const points = e.target.valueAsNumber
                if (Number.isFinite(points) && points >= 0) r.update(i, { points })
              }}
            />
          </label>
          <button type="button" onClick={() => r.remove(i)}>
            {t('record.remove', { n: i + 1 })}
          </button>
        </div>
      </fieldset>
    </li>
  )
}

/** The hazards the recorded order suggests, each kept or left out by its box. */
function HazardChoices({ shown }: { readonly shown: string }) {
  const { t } = useTranslation()
  const hazards = useStore(recorderStore, (s) => s.hazards)
  const r = recorderStore.getState()
  return (
    <fieldset className="record-hazards">
      <legend>{t('record.hazards')}</legend>
      <p className="muted">{t('record.hazardsHelp')}</p>
      {hazards.map((h, i) => {
        const title = h.proposal.hazard['title']
        const text =
          typeof title === 'string'
            ? title
            : title && typeof title === 'object' && !Array.isArray(title)
              ? String(title[shown] ?? '')
              : ''
        return (
          <label key={String(h.proposal.hazard['id'])} className="record-check">
            <input
              type="checkbox"
              checked={h.chosen}
              onChange={(e) => r.chooseHazard(i, e.target.checked)}
            />{' '}
            {text}
          </label>
        )
      })}
    </fieldset>
  )
}

/** While recording: the steps so far, to title, group, mark and score, and the way to keep them. */
export function RecordPanel({ store }: { readonly store: EditorStore }) {
  const { t, i18n } = useTranslation()
  const doc = useStore(store, (s) => s.history.doc)
  const steps = useStore(recorderStore, (s) => s.steps)
  const replace = useStore(recorderStore, (s) => s.replace)
  const reading = useStore(recorderStore, (s) => s.reading)
  const missing = useStore(recorderStore, (s) => s.missing)
  const hasHazards = useStore(recorderStore, (s) => s.hazards.length > 0)
  const r = recorderStore.getState()
  const locales = Array.isArray(doc['locales']) ? doc['locales'].map(String) : ['en']
  const oldSteps = Array.isArray(doc['steps']) ? doc['steps'].length : 0
  const untitled = steps.findIndex((s) => locales.some((l) => (s.titles[l] ?? '').trim() === ''))
  const last = steps[steps.length - 1]
  // the scenario's texts in the interface language where the scenario has it
  const shown = locales.includes(i18n.language) ? i18n.language : locales[0]!
  // started from "Record steps", which is now disabled: the keyboard goes on from here
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  return (
    <section className="record-panel" aria-labelledby="record-title">
      <h2 id="record-title" ref={heading} tabIndex={-1}>
        {t('record.recording')}
      </h2>
      <p className="muted">{t('record.intro')}</p>
      <button
        type="button"
        className="record-to-parts"
        onClick={() =>
          document.querySelector<HTMLElement>('.recording-scene .part-target')?.focus()
        }
      >
        {t('record.toParts')}
      </button>
      {oldSteps > 0 && (
        <label className="record-check">
          <input
            type="checkbox"
            checked={replace}
            onChange={(e) => r.setReplace(e.target.checked)}
          />{' '}
          {t('record.replace', { count: oldSteps })}
        </label>
      )}
      <p role="status" className="record-status">
        {last
          ? t('record.recorded', {
              n: steps.length,
              title: last.titles[shown] || (last.titles[locales[0]!] ?? ''),
            })
          : t('record.nothingYet')}
      </p>
      {reading && <ReadingCheck reading={reading} doc={doc} />}
      {missing.map((m) => (
        <NameState key={`${m.target}/${m.state}/${m.locale}`} missing={m} doc={doc} />
      ))}
      {steps.length > 0 && (
        <ol className="record-steps" aria-label={t('record.steps')}>
          {steps.map((s, i) => (
            <StepBox key={s.id} step={s} index={i} locales={locales} />
          ))}
        </ol>
      )}
      {hasHazards && <HazardChoices shown={shown} />}
      {untitled >= 0 && (
        <p className="muted">
          {t('record.missingTitle', {
            n: untitled + 1,
            language: languageName(
              t,
              locales.find((l) => (steps[untitled]!.titles[l] ?? '').trim() === '') ?? locales[0]!,
            ),
          })}
        </p>
      )}
      <div className="record-actions">
        <button
          type="button"
          className="primary"
          disabled={steps.length === 0 || untitled >= 0}
          onClick={() => r.finish()}
        >
          {t('record.finish', { count: steps.length })}
        </button>
        <button type="button" onClick={() => r.cancel()}>
          {t('record.cancel')}
        </button>
      </div>
    </section>
  )
}
