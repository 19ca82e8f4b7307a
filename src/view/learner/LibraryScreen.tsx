import { formatProblem } from '../../core/index.ts'
import { bundledScenarios } from '../../state/bundledScenarios.ts'
import { textIn } from '../text.ts'

export interface LibraryScreenProps {
  readonly locale: string
}

/** The catalogue of bundled scenarios: one card each, or the problems of one that does not load. */
export function LibraryScreen({ locale }: LibraryScreenProps) {
  return (
    <main className="library">
      <h1>Practica</h1>
      <ul className="cards">
        {bundledScenarios.map(({ file, model, problems }) => (
          <li key={file} className="card">
            {model ? (
              <>
                <h2>{textIn(model.scenario.title, locale, model.locales)}</h2>
                <p>
                  {model.scenario.description &&
                    textIn(model.scenario.description, locale, model.locales)}
                </p>
                <p>
                  {model.scenario.industry} · {model.scenario.estimatedMinutes ?? '?'} min ·{' '}
                  {model.locales.join(', ')}
                </p>
                <p>
                  {model.scenario.competencies
                    .map((c) => textIn(c.title, locale, model.locales))
                    .join(' · ')}
                </p>
              </>
            ) : (
              <>
                <h2>{file}</h2>
                <ul>
                  {problems.map((p, i) => (
                    <li key={i}>{formatProblem(p)}</li>
                  ))}
                </ul>
              </>
            )}
          </li>
        ))}
      </ul>
    </main>
  )
}
