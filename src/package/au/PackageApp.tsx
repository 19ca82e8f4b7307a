// The packaged scenario's screens: the start (who, which mode), the play screen (the app's scene
// and panels), the result with what the LMS was told, and why the package cannot start.
import { useStore } from 'zustand'
import type { PackageState, PackageStore } from '../packageStore.ts'
import { downloadJson, fileName } from '../../view/download.ts'
import { useTranslation } from '../../view/i18n/useTranslation.ts'
import { LanguageSwitch } from '../../view/panels/LanguageSwitch.tsx'
import { ResultView } from '../../view/panels/ResultView.tsx'
import { useScenarioText } from '../../view/useScenarioText.ts'
import type { Model } from '../../core/index.ts'
import { PackagePlay } from './PackagePlay.tsx'
import './package.css'

export interface PackageAppProps {
  readonly store: PackageStore
}

/** The AU: one screen at a time, as the package's store says. */
export function PackageApp({ store }: PackageAppProps) {
  const { t } = useTranslation()
  const screen = useStore(store, (s) => s.screen)
  const model = useStore(store, (s) => s.model)
  const returnUrl = useStore(store, (s) => s.session?.returnUrl)
  switch (screen.name) {
    case 'loading':
      return (
        <main className="package-screen">
          <p role="status" className="package-body">
            {t('package.loading')}
          </p>
        </main>
      )
    case 'problem':
      return (
        <main className="package-screen">
          <header className="bar">
            <h1>{t('package.problem.heading')}</h1>
            <LanguageSwitch />
          </header>
          <div className="package-body">
            <p role="alert">{t(`package.problem.${screen.problem}`)}</p>
            {screen.detail && <p>{screen.detail}</p>}
          </div>
        </main>
      )
    case 'start':
      return <StartScreen store={store} model={model!} />
    case 'play':
      return <PackagePlay store={screen.store} onResult={() => store.getState().showResult()} />
    case 'result':
      return <ResultScreen screen={screen} model={model!} returnUrl={returnUrl} />
    case 'left':
      return (
        <main className="package-screen">
          <p role="status" className="package-body">
            {t('package.left')}
          </p>
        </main>
      )
  }
}

function StartScreen({ store, model }: { readonly store: PackageStore; readonly model: Model }) {
  const { t } = useTranslation()
  const names = useScenarioText(model)
  const mode = useStore(store, (s) => s.mode)
  const learner = useStore(store, (s) => s.session?.learner)
  const resumeLost = useStore(store, (s) => s.session?.resumeLost === true)
  return (
    <main className="package-screen">
      <header className="bar">
        <h1>{names.text(model.scenario.title)}</h1>
        <LanguageSwitch />
      </header>
      <section aria-labelledby="package-start" className="package-body">
        <h2 id="package-start">{t('package.startHeading')}</h2>
        {resumeLost && (
          <p className="banner" role="alert">
            {t('package.resumeLost')}
          </p>
        )}
        {model.scenario.description !== undefined && (
          <p>{names.text(model.scenario.description)}</p>
        )}
        <p>{learner?.name ? t('package.learner', { name: learner.name }) : t('package.noName')}</p>
        <p>
          {t('package.mode', {
            mode: t(`library.${mode}`),
            help: t(`library.${mode}Help`),
          })}
        </p>
        <button type="button" className="primary" onClick={() => store.getState().start()}>
          {t('package.start')}
        </button>
      </section>
    </main>
  )
}

type ResultScreenState = Extract<PackageState['screen'], { name: 'result' }>

function ResultScreen({
  screen,
  model,
  returnUrl,
}: {
  readonly screen: ResultScreenState
  readonly model: Model
  readonly returnUrl: string | undefined
}) {
  const { t } = useTranslation()
  const names = useScenarioText(model)
  const { attempt, result, reported } = screen
  return (
    <main className="result-screen package-screen">
      <header className="bar">
        <h1>
          {t('result.title')}: {names.text(model.scenario.title)}
        </h1>
        <LanguageSwitch />
      </header>
      <p
        role="status"
        className={`package-body ${reported === 'failed' ? 'banner bad' : 'saved-line'}`}
      >
        {t(`package.reported.${reported ?? 'sending'}`)}
      </p>
      <ResultView model={model} result={result} attempt={attempt} />
      <div className="actions">
        <button
          type="button"
          onClick={() =>
            downloadJson(
              `${fileName(model.scenario.id, attempt.learner?.id ?? '', attempt.id)}.attempt.json`,
              attempt,
            )
          }
        >
          {t('package.download')}
        </button>
        {returnUrl && reported !== undefined && (
          <a className="button primary" href={returnUrl} target="_top">
            {t('package.backToCourse')}
          </a>
        )}
      </div>
    </main>
  )
}
