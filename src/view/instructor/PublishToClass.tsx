import '../classroom/staff/staff.css'
import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react'
import { useStore } from 'zustand'
import { serializeScenario } from '../../core/index.ts'
import type { EditorStore } from '../../state/editorStore.ts'
import { sessionStore } from '../../state/classroom/sessionStore.ts'
import type { ApiRefusal, AssignmentMode } from '../../state/classroom/staffApi.ts'
import { staffStore } from '../../state/classroom/staffStore.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
import { RefusalNote } from '../classroom/staff/RefusalNote.tsx'
import { scenarioTitle, say, type Message } from '../classroom/staff/words.ts'
import { Field } from '../classroom/Field.tsx'
import { ClassSelect } from '../classroom/ClassSelect.tsx'
import { ModeSelect } from '../classroom/staff/ModeSelect.tsx'

export interface PublishToClassProps {
  readonly store: EditorStore
}

/**
 * Publishes the scenario being edited to the Practica server, as the exact bytes "Download"
 * saves, and assigns it to one of the instructor's classes in the same step if asked. Shown only
 * to an instructor or admin signed in to a server that answers.
 */
export function PublishToClass({ store }: PublishToClassProps) {
  const { t } = useTranslation()
  const user = useStore(sessionStore, (s) => (s.status === 'online' ? s.user : null))
  const form = usePublishForm(store)
  const [open, setOpen] = useState(false)
  const first = useRef<HTMLSelectElement>(null)
  const opener = useRef<HTMLButtonElement>(null)
  const staff = user?.role === 'instructor' || user?.role === 'admin'

  useEffect(() => {
    if (!open || !user) return
    first.current?.focus()
    void staffStore.getState().refresh(user.role === 'admin' ? 'admin' : 'instructor')
  }, [open, user])

  if (!staff) return null
  const close = () => {
    setOpen(false)
    opener.current?.focus()
  }

  return (
    <div className="publish-to-class">
      <button
        ref={opener}
        type="button"
        aria-expanded={open}
        onClick={() => (open ? close() : setOpen(true))}
      >
        {t('staff.publish.toClass')}
      </button>
      {open && <PublishPanel form={form} first={first} close={close} />}
    </div>
  )
}

type PublishForm = ReturnType<typeof usePublishForm>

/** The choices of the publish panel, what it said, and publishing (and assigning) itself. */
function usePublishForm(store: EditorStore) {
  const { i18n } = useTranslation()
  const problems = useStore(store, (s) => s.problems.length)
  const classes = useStore(staffStore, (s) => s.classes)
  const [classId, setClassId] = useState('')
  const [mode, setMode] = useState<AssignmentMode>('practice')
  const [attempts, setAttempts] = useState('')
  const [mistake, setMistake] = useState<Message | null>(null)
  const [said, setSaid] = useState<Message | readonly Message[] | null>(null)
  const [refusal, setRefusal] = useState<ApiRefusal | null>(null)
  const [busy, setBusy] = useState(false)

  const publish = async (e: FormEvent) => {
    e.preventDefault()
    // not disabled while busy: the button keeps the focus, so Escape still closes the panel
    if (busy) return
    setRefusal(null)
    setSaid(null)
    if (problems > 0)
      return setMistake({ key: 'staff.publish.fixFirst', values: { count: problems } })
    const maxAttempts = attempts.trim() === '' ? undefined : Number(attempts)
    if (maxAttempts !== undefined && (!Number.isInteger(maxAttempts) || maxAttempts < 1))
      return setMistake({ key: 'staff.assignments.attemptsWhole' })
    setMistake(null)
    setBusy(true)
    const bytes = new TextEncoder().encode(serializeScenario(store.getState().history.doc))
    const published = await staffStore.getState().publish(bytes)
    if (!published.ok) {
      setBusy(false)
      return setRefusal(published.error)
    }
    const { id, version } = published.value
    const title = scenarioTitle(published.value, i18n.language)
    const done: Message = { key: 'staff.publish.done', values: { title, version } }
    if (!classId) {
      setBusy(false)
      return setSaid(done)
    }
    const assigned = await staffStore.getState().assign(classId, {
      scenarioId: id,
      version,
      mode,
      ...(maxAttempts !== undefined ? { maxAttempts } : {}),
    })
    setBusy(false)
    if (!assigned.ok) {
      setSaid(done)
      return setRefusal(assigned.error)
    }
    const className = classes.find((c) => c.id === classId)?.name ?? ''
    setSaid([
      done,
      { key: 'staff.publish.assigned', values: { className, mode: { key: `staff.mode.${mode}` } } },
    ])
  }

  return {
    classes,
    classId,
    setClassId,
    mode,
    setMode,
    attempts,
    setAttempts,
    mistake,
    said,
    refusal,
    busy,
    publish,
  }
}

interface PublishPanelProps {
  readonly form: PublishForm
  readonly first: RefObject<HTMLSelectElement | null>
  readonly close: () => void
}

/** The open panel: the class to assign to (if any), its mode and attempts, and what happened. */
function PublishPanel({ form, first, close }: PublishPanelProps) {
  const { t } = useTranslation()
  const { classes, classId, setClassId, mode, setMode, attempts, setAttempts } = form
  return (
    <form
      className="publish-panel staff-form"
      aria-label={t('staff.publish.toClass')}
      onSubmit={(e) => void form.publish(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') close()
      }}
    >
      <p>{t('staff.publish.fromEditor')}</p>
      <ClassSelect
        label={t('staff.publish.assignTo')}
        classes={classes}
        value={classId}
        onValue={setClassId}
        none={t('staff.publish.noClass')}
        selectRef={first}
      />
      {classId && (
        <>
          <ModeSelect value={mode} onValue={setMode} />
          <Field
            label={t('staff.assignments.attempts')}
            value={attempts}
            onValue={setAttempts}
            type="number"
            min={1}
            step={1}
            placeholder={t('staff.assignments.unlimited')}
          />
        </>
      )}
      {form.mistake && <p role="alert">{say(t, form.mistake)}</p>}
      <RefusalNote refusal={form.refusal} />
      <p role="status">{say(t, form.said)}</p>
      <div className="publish-actions">
        <button type="submit" className="primary" aria-disabled={form.busy}>
          {classId ? t('staff.publish.publishAssign') : t('staff.publish.publish')}
        </button>
        <button type="button" onClick={close}>
          {t('staff.publish.close')}
        </button>
      </div>
    </form>
  )
}
