import './review.css'
import { useMemo, useState, type DragEvent } from 'react'
import { useStore } from 'zustand'
import {
  exportMoodleFramework,
  exportResultsCsv,
  exportXapi,
  formatPath,
  type Model,
  type ScoredAttempt,
} from '../../core/index.ts'
import { listStoredAttempts, toAttemptFile } from '../../state/attemptJournal.ts'
import { appStore } from '../../state/appStore.ts'
import type { InputFile, ReviewItem } from '../../state/reviewImport.ts'
import { reviewStore } from '../../state/reviewStore.ts'
import { serverReview } from '../../state/classroom/reviewServer.ts'
import { sessionStore } from '../../state/classroom/sessionStore.ts'
import { downloadJson, downloadText } from '../download.ts'
import { problemText } from '../i18n/problemText.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
import { LanguageSwitch } from '../panels/LanguageSwitch.tsx'
import { AttemptDetail } from './AttemptDetail.tsx'
import { getRows, getTallies } from './cohort.ts'
import { CohortTable } from './CohortTable.tsx'
import { HeatMap } from './HeatMap.tsx'
import { Insights } from './Insights.tsx'
import { readDrop, toInputFiles } from './readDroppedFiles.ts'
import { ServerClassPicker } from './ServerClassPicker.tsx'
import { ServerExports } from './ServerExports.tsx'

/** The attempts kept in this browser, with the scenario files they were made on, as files to import. */
async function storedAttemptFiles(): Promise<InputFile[]> {
  const encoder = new TextEncoder()
  const files: InputFile[] = []
  for (const a of await listStoredAttempts()) {
    files.push({ name: `browser:${a.id}.scenario.json`, bytes: encoder.encode(a.scenarioText) })
    files.push({
      name: `browser:${a.id}.attempt.json`,
      bytes: encoder.encode(JSON.stringify(await toAttemptFile(a))),
    })
  }
  return files
}

/** Importing files: picked, a folder, or the attempts kept in this browser; and how many came. */
function ImportSection({
  add,
  busy,
  attempts,
  broken,
}: {
  add: (files: Promise<InputFile[]>) => void
  busy: boolean
  attempts: number
  broken: number
}) {
  const { t } = useTranslation()
  return (
    <section className="import" aria-busy={busy}>
      <label className="button">
        {t('review.importFiles')}
        <input
          type="file"
          accept=".json,application/json"
          multiple
          hidden
          onChange={(e) => add(toInputFiles(e.target.files ?? []))}
        />
      </label>
      <label className="button">
        {t('review.importFolder')}
        <input
          type="file"
          hidden
          {...{ webkitdirectory: '' }}
          onChange={(e) => add(toInputFiles(e.target.files ?? []))}
        />
      </label>
      <button type="button" onClick={() => add(storedAttemptFiles())}>
        {t('review.importStored')}
      </button>
      <span>{t('review.dropHere')}</span>
      <span role="status">{t('review.counts', { attempts, broken })}</span>
    </section>
  )
}

/** The files that could not be scored, each with why; one cut short by a mistake can replay. */
function BrokenFiles({ broken }: { broken: readonly ReviewItem[] }) {
  const { t } = useTranslation()
  return (
    <section className="problems" role="alert">
      <h2>{t('review.invalid')}</h2>
      <ul>
        {broken.map((b) => (
          <li key={b.key}>
            <strong>{b.file}</strong>:{' '}
            {b.problems.map((p) => `${formatPath(p.path)}: ${problemText(t, p)}`).join('; ')}
            {b.model && b.attempt && (
              // an attempt the scenario's mistake cut short replays up to the mistake
              <button type="button" onClick={() => reviewStore.getState().select(b.key)}>
                {t('review.replay')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}

/** Downloads of the scored attempts: gradebook CSV, xAPI, and each scenario's Moodle framework. */
function ExportButtons({ scored }: { scored: readonly ScoredAttempt[] }) {
  const { t } = useTranslation()
  const models = [
    ...new Map(
      scored.map((s) => [`${s.model.scenario.id}@${s.model.scenario.version}`, s.model]),
    ).values(),
  ]
  const moodle = (m: Model) =>
    downloadText(`${m.scenario.id}.moodle-framework.csv`, exportMoodleFramework(m), 'text/csv')
  return (
    <section className="exports" aria-label={t('review.exports')}>
      <button
        type="button"
        onClick={() => downloadText('practica-gradebook.csv', exportResultsCsv(scored), 'text/csv')}
      >
        {t('review.exportCsv')}
      </button>
      <button
        type="button"
        onClick={() =>
          downloadJson(
            'practica-xapi.json',
            scored.flatMap((s) => exportXapi(s)),
          )
        }
      >
        {t('review.exportXapi')}
      </button>
      {models.map((m) => (
        <button
          key={`${m.scenario.id}@${m.scenario.version}`}
          type="button"
          onClick={() => moodle(m)}
        >
          {t('review.exportMoodle', { scenario: m.scenario.id })}
        </button>
      ))}
    </section>
  )
}

/** The assessor's screen: import attempts, see the cohort, check one attempt, mark and export. */
export function ReviewScreen() {
  const { t } = useTranslation()
  const items = useStore(reviewStore, (s) => s.items)
  const selected = useStore(reviewStore, (s) => s.selected)
  const assessor = useStore(reviewStore, (s) => s.assessor)
  // staff signed in to a Practica server open classes from it; files work as ever
  const staff = useStore(
    sessionStore,
    (s) => s.status === 'online' && !!s.user && s.user.role !== 'learner',
  )
  const fromServer = useStore(serverReview, (s) => s.source !== null)
  const [dragging, setDragging] = useState(false)
  const [busy, setBusy] = useState(false)
  const rows = useMemo(() => getRows(items), [items])
  const tallies = useMemo(() => getTallies(items), [items])
  const scored = items.flatMap((i) =>
    i.model && i.attempt && i.result
      ? [{ model: i.model, attempt: i.attempt, result: i.result }]
      : [],
  )
  const competencies = [...new Set(scored.flatMap((s) => s.result.competencies.map((c) => c.id)))]
  const broken = items.filter((i) => !i.result)
  const current = items.find((i) => i.key === selected)

  const add = async (files: Promise<InputFile[]>) => {
    setBusy(true)
    await reviewStore.getState().addFiles(await files)
    setBusy(false)
  }
  const onDrop = (e: DragEvent) => {
    e.preventDefault()
    setDragging(false)
    void add(readDrop(e.dataTransfer))
  }

  return (
    <main
      className={`review-screen${dragging ? ' dragging' : ''}`}
      onDragOver={(e) => (e.preventDefault(), setDragging(true))}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <header className="bar">
        <h1>{t('review.title')}</h1>
        {/* marks on the server carry the signed-in name */}
        {!fromServer && (
          <label>
            {t('review.assessor')}{' '}
            <input
              value={assessor}
              onChange={(e) => reviewStore.getState().setAssessor(e.target.value)}
            />
          </label>
        )}
        <LanguageSwitch />
        <button type="button" onClick={() => appStore.getState().backToLibrary()}>
          {t('result.backToLibrary')}
        </button>
      </header>
      {staff && <ServerClassPicker />}
      <ImportSection
        add={(files) => void add(files)}
        busy={busy}
        attempts={rows.length}
        broken={broken.length}
      />
      {broken.length > 0 && <BrokenFiles broken={broken} />}
      {rows.length > 0 && (
        <>
          {fromServer ? <ServerExports /> : <ExportButtons scored={scored} />}
          <CohortTable
            rows={rows}
            competencies={competencies}
            selected={selected}
            onSelect={(k) => reviewStore.getState().select(k)}
          />
          <div className="cohort-figures">
            <HeatMap rows={rows} competencies={competencies} />
            <Insights {...tallies} />
          </div>
        </>
      )}
      {current && <AttemptDetail key={current.key} item={current} />}
    </main>
  )
}
