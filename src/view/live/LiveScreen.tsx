import '../classroom/staff/staff.css'
import './live.css'
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react'
import { useStore } from 'zustand'
import { appStore } from '../../state/appStore.ts'
import { sessionStore } from '../../state/classroom/sessionStore.ts'
import { leaveLiveFor, openLive } from '../../state/live/liveRoute.ts'
import { createLiveStore, serverNow, type LiveStore } from '../../state/live/liveStore.ts'
import { RefusalNote } from '../classroom/staff/RefusalNote.tsx'
import { useTranslation } from '../i18n/useTranslation.ts'
import { LanguageSwitch } from '../panels/LanguageSwitch.tsx'
import { soundAlarm } from './alarm.ts'
import { LearnerCard } from './LearnerCard.tsx'
import { LiveActions } from './LiveActions.tsx'
import { LiveLearnerView } from './LiveLearnerView.tsx'
import { WithLiveWords, type LiveWords } from './LiveWords.tsx'

export interface LiveScreenProps {
  readonly assignmentId: string
  /** the learner whose live 3D view is open (their user id), or null for the grid */
  readonly learnerId: string | null
}

const SOUND_KEY = 'practica.live.sound'

/** The staff's live view of one assignment: the grid of the class, or one learner live. */
export function LiveScreen({ assignmentId, learnerId }: LiveScreenProps) {
  // one store (one stream) per assignment shown; closed when the screen goes
  const [store, setStore] = useState<LiveStore | null>(null)
  useEffect(() => {
    const made = createLiveStore(assignmentId)
    setStore(made)
    return () => made.getState().stop()
  }, [assignmentId])
  if (!store || store.getState().assignmentId !== assignmentId) return null
  return <LiveBody store={store} learnerId={learnerId} />
}

function LiveBody({ store, learnerId }: { store: LiveStore; learnerId: string | null }) {
  const { t } = useTranslation()
  const assignmentId = useStore(store, (s) => s.assignmentId)
  const connection = useStore(store, (s) => s.connection)
  const refusal = useStore(store, (s) => s.refusal)
  const model = useStore(store, (s) => s.model)
  const modelError = useStore(store, (s) => s.modelError)
  const scenario = useStore(store, (s) => s.scenario)
  const [sound, setSound] = useState(() => globalThis.localStorage?.getItem(SOUND_KEY) !== 'off')
  const [said, setSaid] = useState('')
  const lastOpened = useRef<string | null>(null)

  // a new critical hazard: a beep (if wanted) and a few words for screen readers
  useEffect(
    () =>
      store.subscribe((s, prev) => {
        if (s.alerts === prev.alerts || s.alertFor === null) return
        if (sound) soundAlarm()
        setSaid(t('live.criticalSaid', { name: s.learners[s.alertFor]?.name ?? '' }))
      }),
    [store, sound, t],
  )
  const open = useCallback(
    (userId: string) => {
      lastOpened.current = userId
      openLive(assignmentId, userId)
    },
    [assignmentId],
  )
  const back = useCallback(() => openLive(assignmentId), [assignmentId])

  return (
    <WithLiveWords model={model}>
      {(words) => (
        <main className="staff-screen live-screen">
          <header className="bar">
            <h1>
              {t('live.title', {
                title: scenario
                  ? t('live.scenarioAt', {
                      title: words.title ?? scenario.id,
                      version: scenario.version,
                    })
                  : '…',
              })}
            </h1>
            <LanguageSwitch />
          </header>
          <nav className="staff-nav" aria-label={t('live.navigation')}>
            <button
              type="button"
              onClick={() => leaveLiveFor(() => appStore.getState().openStaff())}
            >
              {t('live.back')}
            </button>
            <button
              type="button"
              onClick={() => leaveLiveFor(() => appStore.getState().backToLibrary())}
            >
              {t('live.toLibrary')}
            </button>
          </nav>
          <p className={`live-connection live-connection-${connection}`} role="status">
            {t(`live.connection.${connection}`)}
          </p>
          <RefusalNote refusal={refusal} />
          {modelError && <p className="live-warning">{t('live.scenarioMissing')}</p>}
          <div className="sr-only" aria-live="assertive">
            {said}
          </div>
          {learnerId ? (
            <LiveLearnerView
              store={store}
              assignmentId={assignmentId}
              userId={learnerId}
              model={model}
              words={words}
              onBack={back}
              actions={<LiveActions assignmentId={assignmentId} learnerId={learnerId} />}
            />
          ) : (
            <>
              <LiveSettings
                store={store}
                sound={sound}
                onSound={(on) => {
                  setSound(on)
                  globalThis.localStorage?.setItem(SOUND_KEY, on ? 'on' : 'off')
                  if (on) soundAlarm()
                }}
              />
              <LiveGrid store={store} words={words} onOpen={open} focus={lastOpened} />
              <LiveActions assignmentId={assignmentId} />
            </>
          )}
        </main>
      )}
    </WithLiveWords>
  )
}

/** The idle setting (the class's instructor and admins save it) and the sound switch. */
function LiveSettings({
  store,
  sound,
  onSound,
}: {
  store: LiveStore
  sound: boolean
  onSound(on: boolean): void
}) {
  const { t } = useTranslation()
  const idleMinutes = useStore(store, (s) => s.idleMinutes)
  const role = useStore(sessionStore, (s) => s.user?.role)
  const [draft, setDraft] = useState<string | null>(null)
  const [note, setNote] = useState<'saved' | 'bad' | null>(null)
  const [refusal, setRefusal] = useState<Parameters<typeof RefusalNote>[0]['refusal']>(null)
  const mayChange = role === 'admin' || role === 'instructor'

  const save = async (e: FormEvent) => {
    e.preventDefault()
    setRefusal(null)
    const text = (draft ?? String(idleMinutes)).trim()
    const minutes = Number(text)
    if (!/^\d+$/.test(text) || minutes < 1 || minutes > 600) return setNote('bad')
    const answer = await store.getState().setIdleMinutes(minutes)
    if (!answer.ok) {
      setNote(null)
      return setRefusal(answer.error)
    }
    setDraft(null)
    setNote('saved')
  }
  return (
    <section className="staff-card live-settings" aria-label={t('live.settings')}>
      {mayChange ? (
        <form className="staff-form inline" onSubmit={(e) => void save(e)} noValidate>
          <label>
            {t('live.idleSetting.label')}
            <input
              type="number"
              inputMode="numeric"
              min={1}
              max={600}
              step={1}
              value={draft ?? String(idleMinutes)}
              aria-invalid={note === 'bad' ? true : undefined}
              aria-describedby="live-idle-note"
              onChange={(e) => {
                setDraft(e.target.value)
                setNote(null)
              }}
            />
          </label>
          <button type="submit">{t('live.idleSetting.save')}</button>
        </form>
      ) : null}
      <p id="live-idle-note" className={note === 'bad' ? 'live-bad' : undefined}>
        {note === 'bad'
          ? t('live.idleSetting.bad')
          : note === 'saved'
            ? t('live.idleSetting.saved', { minutes: idleMinutes })
            : t('live.idleSetting.current', { minutes: idleMinutes })}
      </p>
      <RefusalNote refusal={refusal} />
      <label className="check">
        <input type="checkbox" checked={sound} onChange={(e) => onSound(e.target.checked)} />
        {t('live.sound')}
      </label>
    </section>
  )
}

function LiveGrid({
  store,
  words,
  onOpen,
  focus,
}: {
  store: LiveStore
  words: LiveWords
  onOpen(userId: string): void
  focus: { current: string | null }
}) {
  const { t } = useTranslation()
  const order = useStore(store, (s) => s.order)
  const learners = useStore(store, (s) => s.learners)
  const now = useStore(store, serverNow)
  const idleMinutes = useStore(store, (s) => s.idleMinutes)
  const connection = useStore(store, (s) => s.connection)
  const list = useRef<HTMLUListElement>(null)
  // back from a learner's view: the focus goes back to their card
  useEffect(() => {
    const id = focus.current
    if (!id) return
    focus.current = null
    const learner = store.getState().learners[id]
    if (learner)
      list.current
        ?.querySelector<HTMLButtonElement>(
          `li[data-learner="${CSS.escape(learner.learnerId)}"] .live-open`,
        )
        ?.focus()
  }, [focus, store])
  return (
    <section className="live-grid-section" aria-labelledby="live-learners-title">
      <h2 id="live-learners-title">{t('live.learners', { count: order.length })}</h2>
      {order.length === 0 && connection === 'live' ? (
        <p>{t('live.noLearners')}</p>
      ) : (
        <ul className="live-grid" ref={list}>
          {order.map((id) => (
            <LearnerCard
              key={id}
              learner={learners[id]!}
              words={words}
              serverNow={now}
              idleMinutes={idleMinutes}
              onOpen={onOpen}
            />
          ))}
        </ul>
      )}
    </section>
  )
}
