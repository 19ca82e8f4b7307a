import { useState, type FormEvent } from 'react'
import type {
  ApiRefusal,
  AssignmentMode,
  PublishedScenario,
} from '../../../state/classroom/staffApi.ts'
import type { StaffStore } from '../../../state/classroom/staffStore.ts'
import { useTranslation } from '../../i18n/useTranslation.ts'
import { RefusalNote } from './RefusalNote.tsx'
import { localToIso, scenarioTitle, say, type Message } from './words.ts'
import { Field } from '../Field.tsx'
import { ModeSelect } from './ModeSelect.tsx'

export interface NewAssignmentFormProps {
  readonly store: StaffStore
  readonly classId: string
  readonly scenarios: readonly PublishedScenario[]
}

const keyOf = (s: PublishedScenario) => `${s.id}@${s.version}`

/** A new assignment: a published scenario at one version, a mode, open and close dates, attempts allowed. */
export function NewAssignmentForm({ store, classId, scenarios }: NewAssignmentFormProps) {
  const { t, i18n } = useTranslation()
  const [scenario, setScenario] = useState('')
  const [mode, setMode] = useState<AssignmentMode>('practice')
  const [opens, setOpens] = useState('')
  const [closes, setCloses] = useState('')
  const [attempts, setAttempts] = useState('')
  const [mistake, setMistake] = useState<Message | null>(null)
  const [refusal, setRefusal] = useState<ApiRefusal | null>(null)
  const [said, setSaid] = useState<Message | readonly Message[] | null>(null)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setRefusal(null)
    setSaid(null)
    const chosen = scenarios.find((s) => keyOf(s) === scenario)
    if (!chosen) return setMistake({ key: 'staff.assignments.pickScenario' })
    const maxAttempts = attempts.trim() === '' ? undefined : Number(attempts)
    if (maxAttempts !== undefined && (!Number.isInteger(maxAttempts) || maxAttempts < 1))
      return setMistake({ key: 'staff.assignments.attemptsWhole' })
    const opensAt = localToIso(opens)
    const closesAt = localToIso(closes)
    if (opensAt && closesAt && closesAt <= opensAt)
      return setMistake({ key: 'staff.assignments.closeAfterOpen' })
    setMistake(null)
    const made = await store.getState().assign(classId, {
      scenarioId: chosen.id,
      version: chosen.version,
      mode,
      ...(opensAt ? { opensAt } : {}),
      ...(closesAt ? { closesAt } : {}),
      ...(maxAttempts !== undefined ? { maxAttempts } : {}),
    })
    if (!made.ok) return setRefusal(made.error)
    setSaid({
      key: 'staff.assignments.made',
      values: { title: scenarioTitle(chosen, i18n.language), version: chosen.version },
    })
  }

  return (
    <form
      className="staff-form new-assignment"
      aria-labelledby="new-assignment-title"
      onSubmit={(e) => void submit(e)}
    >
      <h4 id="new-assignment-title">{t('staff.assignments.new')}</h4>
      {scenarios.length === 0 && <p>{t('staff.assignments.noScenarios')}</p>}
      <div className="field-row">
        <label className="wide">
          {t('staff.assignments.scenario')}
          <select value={scenario} onChange={(e) => setScenario(e.target.value)}>
            <option value="">{t('staff.assignments.choose')}</option>
            {scenarios.map((s) => (
              <option key={keyOf(s)} value={keyOf(s)}>
                {t('staff.assignments.scenarioAt', {
                  title: scenarioTitle(s, i18n.language),
                  version: s.version,
                })}
              </option>
            ))}
          </select>
        </label>
        <ModeSelect value={mode} onValue={setMode} />
        <Field
          label={t('staff.assignments.opens')}
          value={opens}
          onValue={setOpens}
          type="datetime-local"
        />
        <Field
          label={t('staff.assignments.closes')}
          value={closes}
          onValue={setCloses}
          type="datetime-local"
        />
        <Field
          label={t('staff.assignments.attempts')}
          value={attempts}
          onValue={setAttempts}
          type="number"
          min={1}
          step={1}
          aria-describedby="attempts-hint"
        />
      </div>
      <p id="attempts-hint" className="muted">
        {t('staff.assignments.attemptsHint')}
      </p>
      {mistake && <p role="alert">{say(t, mistake)}</p>}
      <RefusalNote refusal={refusal} />
      <p role="status">{say(t, said)}</p>
      <div>
        <button type="submit" className="primary">
          {t('staff.assignments.create')}
        </button>
      </div>
    </form>
  )
}
