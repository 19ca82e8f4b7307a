// The condition builder: a condition of the common forms (a part in a state, locked or tagged, a
// value compared with a number, several joined by "all" or "any") as rows of choices, read and
// written by the engine (readExprForm, writeExprForm). Other conditions stay text (ExprField).
import type { ExprForm, ExprTerm } from '../../../core/index.ts'
import { useTranslation } from '../../i18n/useTranslation.ts'

/** Something a condition can test: a part with states, a lock or tag, or a number. */
export interface Subject {
  readonly name: string
  /** How the instructor knows it: the part's label, the value's id. */
  readonly label: string
  readonly states: readonly { readonly value: string; readonly words: string }[]
  readonly lockable: boolean
  readonly taggable: boolean
  readonly numeric: boolean
}

export interface ConditionBuilderProps {
  readonly id: string
  readonly dataPath: string
  readonly label: string
  readonly form: ExprForm
  readonly subjects: readonly Subject[]
  readonly describedBy: string | undefined
  readonly onChange: (form: ExprForm) => void
}

const OPS = ['==', '!=', '<', '<=', '>', '>='] as const

/** The test a row makes, as its choice's value. */
function testOf(term: ExprTerm): string {
  if (term.kind === 'state') return term.not ? 'isNot' : 'is'
  if (term.kind === 'flag') return `${term.not ? 'not' : ''}${term.flag}`
  return term.op
}

/** The term a subject starts with when it is chosen. */
function firstTerm(subject: Subject): ExprTerm {
  if (subject.states.length > 0)
    return { kind: 'state', name: subject.name, state: subject.states[0]!.value, not: false }
  if (subject.numeric) return { kind: 'compare', name: subject.name, op: '>', number: 0 }
  return {
    kind: 'flag',
    name: subject.name,
    flag: subject.lockable ? 'locked' : 'tagged',
    not: false,
  }
}

/** A row's term with another test chosen. */
function withTest(term: ExprTerm, subject: Subject | undefined, test: string): ExprTerm {
  const name = term.name
  if (test === 'is' || test === 'isNot') {
    const state = term.kind === 'state' ? term.state : (subject?.states[0]?.value ?? '')
    return { kind: 'state', name, state, not: test === 'isNot' }
  }
  const flag = /^(not)?(locked|tagged)$/.exec(test)
  if (flag) return { kind: 'flag', name, flag: flag[2] as 'locked' | 'tagged', not: !!flag[1] }
  return {
    kind: 'compare',
    name,
    op: test as (typeof OPS)[number],
    number: term.kind === 'compare' ? term.number : 0,
  }
}

/** The rows of a condition; every change is written back as the expression's text. */
export function ConditionBuilder({
  id,
  dataPath,
  label,
  form,
  subjects,
  describedBy,
  onChange,
}: ConditionBuilderProps) {
  const { t } = useTranslation()
  const set = (i: number, term: ExprTerm) =>
    onChange({ ...form, terms: form.terms.map((x, j) => (j === i ? term : x)) })
  const known = (name: string) => subjects.find((s) => s.name === name)
  return (
    <fieldset
      className="condition-builder"
      data-path={dataPath}
      tabIndex={-1}
      aria-describedby={describedBy}
    >
      <legend className="sr-only">{label}</legend>
      {form.terms.length === 0 && (
        <p className="muted">
          {t(form.join === '&&' ? 'editor.noConditions' : 'editor.noConditionsNever')}
        </p>
      )}
      {form.terms.length > 1 && (
        <label>
          {t('editor.join')}{' '}
          <select
            value={form.join}
            onChange={(e) => onChange({ ...form, join: e.target.value as '&&' | '||' })}
          >
            <option value="&&">{t('editor.joinAll')}</option>
            <option value="||">{t('editor.joinAny')}</option>
          </select>
        </label>
      )}
      <ol className="condition-rows">
        {form.terms.map((term, i) => (
          <ConditionRow
            key={i}
            n={i + 1}
            id={`${id}-${i}`}
            term={term}
            subject={known(term.name)}
            subjects={subjects}
            onChange={(next) => set(i, next)}
            onRemove={() => onChange({ ...form, terms: form.terms.filter((_, j) => j !== i) })}
          />
        ))}
      </ol>
      {subjects.length > 0 && (
        <button
          type="button"
          onClick={() => onChange({ ...form, terms: [...form.terms, firstTerm(subjects[0]!)] })}
        >
          {t('editor.addCondition')}
        </button>
      )}
    </fieldset>
  )
}

interface ConditionRowProps {
  readonly n: number
  readonly id: string
  readonly term: ExprTerm
  readonly subject: Subject | undefined
  readonly subjects: readonly Subject[]
  readonly onChange: (term: ExprTerm) => void
  readonly onRemove: () => void
}

/** One condition: what is tested, how, and against which state or number. */
function ConditionRow({ n, id, term, subject, subjects, onChange, onRemove }: ConditionRowProps) {
  const { t } = useTranslation()
  const tests: string[] = []
  if (subject === undefined || subject.states.length > 0 || term.kind === 'state')
    tests.push('is', 'isNot')
  if (subject?.lockable || (term.kind === 'flag' && term.flag === 'locked'))
    tests.push('locked', 'notlocked')
  if (subject?.taggable || (term.kind === 'flag' && term.flag === 'tagged'))
    tests.push('tagged', 'nottagged')
  if (subject === undefined || subject.numeric || term.kind === 'compare') tests.push(...OPS)
  const testWords = (test: string) =>
    t(`editor.tests.${{ notlocked: 'notLocked', nottagged: 'notTagged' }[test] ?? test}`, {
      defaultValue: test,
    })
  return (
    <li className="condition-row">
      <select
        aria-label={t('editor.conditionSubject', { n })}
        value={term.name}
        onChange={(e) => {
          const next = subjects.find((s) => s.name === e.target.value)
          if (next) onChange(firstTerm(next))
        }}
      >
        {subject === undefined && <option value={term.name}>{term.name}</option>}
        {subjects.map((s) => (
          <option key={s.name} value={s.name}>
            {s.label}
          </option>
        ))}
      </select>
      <select
        aria-label={t('editor.conditionTest', { n })}
        value={testOf(term)}
        onChange={(e) => onChange(withTest(term, subject, e.target.value))}
      >
        {tests.map((test) => (
          <option key={test} value={test}>
            {testWords(test)}
          </option>
        ))}
      </select>
      {term.kind === 'state' && (
        <select
          aria-label={t('editor.conditionState', { n })}
          value={term.state}
          onChange={(e) => onChange({ ...term, state: e.target.value })}
        >
          {!subject?.states.some((s) => s.value === term.state) && (
            <option value={term.state}>{term.state}</option>
          )}
          {subject?.states.map((s) => (
            <option key={s.value} value={s.value}>
              {s.words}
            </option>
          ))}
        </select>
      )}
      {term.kind === 'compare' && (
        <input
          id={`${id}-number`}
          type="number"
          step="any"
          aria-label={t('editor.conditionNumber', { n })}
          value={term.number}
          onChange={(e) =>
            Number.isFinite(e.target.valueAsNumber) &&
            onChange({ ...term, number: e.target.valueAsNumber })
          }
        />
      )}
      <button type="button" aria-label={t('editor.removeCondition', { n })} onClick={onRemove}>
        ×
      </button>
    </li>
  )
}
