import { lazy, Suspense, useState, type DragEvent } from 'react'
import { i18n } from '../i18n/i18n.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
import { useStore } from 'zustand'
import { getLocalText, type Model, type Problem, type Text } from '../../core/index.ts'
import { appStore } from '../../state/appStore.ts'
import { openBundledScenario } from '../../state/bundledScenarios.ts'
import { cardOf, type IndexedScenario, type ScenarioCardInfo } from '../../state/scenarioCard.ts'
import { scenarioIndex } from '../../state/scenarioIndex.ts'
import type { OpenedScenario } from '../../state/openScenarioFile.ts'
import { LanguageSwitch } from '../panels/LanguageSwitch.tsx'
import { RefusedFileProblems } from '../panels/RefusedFileProblems.tsx'
import { ScenarioCard } from '../panels/ScenarioCard.tsx'
import { hasServerSide } from '../../state/classroom/connect.ts'
import { sessionStore } from '../../state/classroom/sessionStore.ts'
import { UnfinishedAttempts } from './UnfinishedAttempts.tsx'

// the class server's part of the library (joining, staff sign-in, the learner's assignments) is
// downloaded only where there is a server: the static app never fetches it, and with a server it
// comes while the library shows, as soon as the server answers (or at once for someone signed in)
// (with the class server's texts, kept apart in ./locales/server)
const withServerTexts = <T,>(load: Promise<T>): Promise<T> =>
  Promise.all([load, i18n.loadSection('server').catch(() => {})]).then(([loaded]) => loaded)
const ServerPanel = lazy(() =>
  withServerTexts(import('../classroom/learner/ServerPanel.tsx')).then((m) => ({
    default: m.ServerPanel,
  })),
)
const AssignmentList = lazy(() =>
  withServerTexts(import('../classroom/learner/AssignmentList.tsx')).then((m) => ({
    default: m.AssignmentList,
  })),
)

/** The server panel and the signed-in learner's assignments, where there is a server. */
function ServerSection() {
  const server = useStore(sessionStore, hasServerSide)
  return (
    server && (
      <Suspense fallback={null}>
        <ServerPanel />
        <AssignmentList />
      </Suspense>
    )
  )
}

/** Who is learning, and in which mode. */
function LearnerSection() {
  const { t } = useTranslation()
  const learner = useStore(appStore, (s) => s.learner)
  const mode = useStore(appStore, (s) => s.mode)
  // signed in to the class server, the learner is who the server knows
  const signedIn = useStore(sessionStore, (s) => s.user !== null)
  return (
    <section className="learner" aria-label={t('library.learner')}>
      {!signedIn && (
        <>
          <label>
            {t('library.learnerName')}
            <input
              value={learner.name}
              onChange={(e) => appStore.getState().setLearner({ ...learner, name: e.target.value })}
              autoComplete="name"
            />
          </label>
          <label>
            {t('library.learnerId')}
            <input
              value={learner.id}
              onChange={(e) => appStore.getState().setLearner({ ...learner, id: e.target.value })}
            />
          </label>
        </>
      )}
      <fieldset className="mode">
        <legend>{t('library.mode')}</legend>
        {(['practice', 'assessment'] as const).map((m) => (
          <label key={m}>
            <input
              type="radio"
              name="mode"
              value={m}
              checked={mode === m}
              onChange={() => appStore.getState().setMode(m)}
            />
            {t(`library.${m}`)} <small>{t(`library.${m}Help`)}</small>
          </label>
        ))}
      </fieldset>
    </section>
  )
}

/**
 * A bundled card in the interface language: the index has it in English; another language's texts
 * are downloaded when first asked for (src/build/scenarioIndexPlugin.ts), English until then.
 */
function useCardInLanguage(card: ScenarioCardInfo | undefined): ScenarioCardInfo | undefined {
  const { t, i18n } = useTranslation()
  if (card === undefined || i18n.language === 'en') return card
  const say = (key: string, english: Text) =>
    t(`scenarioCards.${card.id}.${key}`, { defaultValue: getLocalText(english, 'en', 'en') })
  return {
    ...card,
    title: say('title', card.title),
    description: card.description === undefined ? undefined : say('description', card.description),
    competencies: card.competencies.map((c, i) => say(`competencies.${i}`, c)),
  }
}

/** A bundled scenario from the index: its file is fetched when the learner starts it. */
function BundledCard({ entry }: { entry: IndexedScenario }) {
  const { t } = useTranslation()
  const card = useCardInLanguage('card' in entry ? entry.card : undefined)
  const [problems, setProblems] = useState<readonly Problem[]>(
    'problems' in entry ? entry.problems : [],
  )
  const start = async () => {
    const opened = await openBundledScenario(entry)
    if (opened.model) await appStore.getState().start(opened.model)
    else setProblems(opened.problems)
  }
  return card !== undefined && problems.length === 0 ? (
    <ScenarioCard info={card} onStart={() => void start()} />
  ) : (
    <li className="card broken">
      <h3>{entry.file}</h3>
      <p>{t('library.brokenBundled')}</p>
      <RefusedFileProblems problems={problems} />
    </li>
  )
}

/** Every scenario to start: the bundled ones (or why one is broken), then those opened. */
function ScenarioCards({ opened }: { opened: readonly Model[] }) {
  return (
    <ul className="cards">
      {scenarioIndex.map((entry) => (
        <BundledCard key={entry.file} entry={entry} />
      ))}
      {opened.map((model) => (
        <ScenarioCard
          key={`opened:${model.scenario.id}`}
          info={cardOf(model)}
          onStart={() => void appStore.getState().start(model)}
        />
      ))}
    </ul>
  )
}

type Refused = Extract<OpenedScenario, { ok: false }>

/** Opening scenario files from disk, and why the last one was refused. */
function OpenFileSection({
  open,
  refused,
}: {
  open: (files: FileList | null) => void
  refused: Refused | undefined
}) {
  const { t } = useTranslation()
  return (
    <section className="open-file">
      <label className="button">
        {t('library.openFile')}
        <input
          type="file"
          accept=".json,application/json"
          multiple
          onChange={(e) => open(e.target.files)}
          hidden
        />
      </label>
      <span>{t('library.dropHere')}</span>
      {refused && (
        <div className="problems" role="alert">
          <p>{t('library.invalidFile', { file: refused.name })}</p>
          <RefusedFileProblems problems={refused.problems} />
        </div>
      )}
    </section>
  )
}

/** The catalogue: who is learning, in which mode, and every scenario to start, bundled or opened. */
export function LibraryScreen() {
  const { t } = useTranslation()
  const [opened, setOpened] = useState<Model[]>([])
  const [refused, setRefused] = useState<Refused | undefined>()
  const [dragging, setDragging] = useState(false)
  // what one signed-in person had open is never the next one's
  const owner = useStore(sessionStore, (s) => s.user?.id ?? '')

  const open = async (files: FileList | null) => {
    if (!files?.length) return
    const { openScenarioFile } = await import('../../state/openScenarioFile.ts')
    for (const file of files) {
      const result = await openScenarioFile(file)
      if (result.ok) {
        setRefused(undefined)
        setOpened((list) => [
          ...list.filter((m) => m.scenario.id !== result.model.scenario.id),
          result.model,
        ])
      } else setRefused(result)
    }
  }
  const onDrop = (e: DragEvent) => {
    e.preventDefault()
    setDragging(false)
    void open(e.dataTransfer.files)
  }

  return (
    <main
      className={`library${dragging ? ' dragging' : ''}`}
      onDragOver={(e) => {
        e.preventDefault()
        setDragging(true)
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <header className="bar">
        <h1>{t('app.name')}</h1>
        <p className="tagline">{t('app.tagline')}</p>
        <button type="button" onClick={() => appStore.getState().openEditorHome()}>
          {t('library.editor')}
        </button>
        <button type="button" onClick={() => appStore.getState().openHistory()}>
          {t('library.history')}
        </button>
        <button type="button" onClick={() => appStore.getState().openReview()}>
          {t('library.review')}
        </button>
        <LanguageSwitch />
      </header>
      <ServerSection />
      <LearnerSection />
      <UnfinishedAttempts key={owner} />
      <h2>{t('library.title')}</h2>
      <ScenarioCards opened={opened} />
      <OpenFileSection open={(files) => void open(files)} refused={refused} />
    </main>
  )
}
