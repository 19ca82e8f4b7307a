import { useEffect, useState, type FormEvent } from 'react'
import { staffApi, type ApiRefusal } from '../../../state/classroom/staffApi.ts'
import { useTranslation } from '../../i18n/useTranslation.ts'
import { LanguageSwitch } from '../../panels/LanguageSwitch.tsx'
import { RefusalNote } from './RefusalNote.tsx'
import { say, type Message } from './words.ts'
import { AccountFields, draftAccount, draftMistake, useAccountDraft } from './AccountFields.tsx'

export interface SetupScreenProps {
  /** the one-time token of the setup link the server printed at its first start */
  readonly token: string
  /** after the admin was made (and signed in), or to leave a setup already done */
  readonly onDone: (made: boolean) => void
}

type Step = 'checking' | 'form' | 'done-before'

/** First start: the person at the server makes the admin account (name, sign-in name, password twice). */
export function SetupScreen({ token, onDone }: SetupScreenProps) {
  const { t } = useTranslation()
  const [step, setStep] = useState<Step>('checking')
  const { draft, set } = useAccountDraft()
  const [mistake, setMistake] = useState<Message | null>(null)
  const [refusal, setRefusal] = useState<ApiRefusal | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    let live = true
    void staffApi.needsAdmin().then((answer) => {
      if (!live) return
      if (answer.ok) setStep(answer.value.needsAdmin ? 'form' : 'done-before')
      else {
        setRefusal(answer.error)
        setStep('form')
      }
    })
    return () => {
      live = false
    }
  }, [])

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setRefusal(null)
    const wrong = draftMistake(draft)
    setMistake(wrong)
    if (wrong) return
    setBusy(true)
    const made = await staffApi.setup({ token, ...draftAccount(draft) })
    setBusy(false)
    if (made.ok) onDone(true)
    else setRefusal(made.error)
  }

  return (
    <main className="staff-screen setup-screen">
      <header className="bar">
        <h1>{t('staff.setup.title')}</h1>
        <LanguageSwitch />
      </header>
      {step === 'checking' && <p role="status">{t('staff.loading')}</p>}
      {step === 'done-before' && (
        <section className="staff-card">
          <p>{t('staff.setup.doneBefore')}</p>
          <button type="button" onClick={() => onDone(false)}>
            {t('staff.setup.toApp')}
          </button>
        </section>
      )}
      {step === 'form' && (
        <form className="staff-card staff-form" onSubmit={(e) => void submit(e)}>
          <p>{t('staff.setup.intro')}</p>
          <AccountFields draft={draft} set={set} whose="own" />
          {mistake && <p role="alert">{say(t, mistake)}</p>}
          <RefusalNote refusal={refusal} />
          <button type="submit" disabled={busy}>
            {t('staff.setup.create')}
          </button>
        </form>
      )}
    </main>
  )
}
