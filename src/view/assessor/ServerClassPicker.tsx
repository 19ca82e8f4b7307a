import '../classroom/staff/staff.css'
import { useEffect, useState, type FormEvent } from 'react'
import { useStore } from 'zustand'
import { serverReview } from '../../state/classroom/reviewServer.ts'
import {
  staffApi,
  type ApiRefusal,
  type Assignment,
  type ClassSummary,
} from '../../state/classroom/staffApi.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
import { RefusalNote } from '../classroom/staff/RefusalNote.tsx'
import { scenarioTitle, say, type Message } from '../classroom/staff/words.ts'
import { ClassSelect } from '../classroom/ClassSelect.tsx'

/** Opening a class, or one of its assignments, from the Practica server into the review. */
export function ServerClassPicker() {
  const { t, i18n } = useTranslation()
  const source = useStore(serverReview, (s) => s.source)
  const [classes, setClasses] = useState<readonly ClassSummary[]>([])
  const [assignments, setAssignments] = useState<readonly Assignment[]>([])
  const [classId, setClassId] = useState(source?.classId ?? '')
  const [assignmentId, setAssignmentId] = useState(source?.assignmentId ?? '')
  const [refusal, setRefusal] = useState<ApiRefusal | null>(null)
  const [said, setSaid] = useState<Message | readonly Message[] | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    let live = true
    void staffApi.classes().then((answer) => {
      if (!live) return
      if (answer.ok) setClasses(answer.value)
      else setRefusal(answer.error)
    })
    return () => {
      live = false
    }
  }, [])
  useEffect(() => {
    let live = true
    setAssignments([])
    if (classId)
      void staffApi.assignments(classId).then((answer) => {
        if (live && answer.ok) setAssignments(answer.value)
      })
    return () => {
      live = false
    }
  }, [classId])

  const open = async (e: FormEvent) => {
    e.preventDefault()
    if (!classId) return
    setBusy(true)
    setRefusal(null)
    setSaid(null)
    const answer = await serverReview
      .getState()
      .open({ classId, assignmentId: assignmentId || null })
    setBusy(false)
    if (!answer.ok) return setRefusal(answer.error)
    setSaid({ key: 'staff.review.opened', values: { count: answer.value } })
  }
  const className = classes.find((c) => c.id === source?.classId)?.name

  return (
    <section className="server-source" aria-labelledby="server-source-title" aria-busy={busy}>
      <h2 id="server-source-title">{t('staff.review.title')}</h2>
      <form className="staff-form inline" onSubmit={(e) => void open(e)}>
        <ClassSelect
          label={t('staff.review.class')}
          classes={classes}
          value={classId}
          onValue={(id) => {
            setClassId(id)
            setAssignmentId('')
          }}
          none={t('staff.assignments.choose')}
        />
        <label>
          {t('staff.review.assignment')}
          <select value={assignmentId} onChange={(e) => setAssignmentId(e.target.value)}>
            <option value="">{t('staff.review.allAssignments')}</option>
            {assignments.map((a) => (
              <option key={a.id} value={a.id}>
                {t('staff.assignments.scenarioAt', {
                  title: scenarioTitle(a.scenario, i18n.language),
                  version: a.scenario.version,
                })}{' '}
                · {t(`staff.mode.${a.mode}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={!classId || busy}>
          {t('staff.review.open')}
        </button>
        {source && (
          <button type="button" onClick={() => serverReview.getState().close()}>
            {t('staff.review.close')}
          </button>
        )}
      </form>
      <p role="status">
        {say(t, said)}
        {source && className ? ` ${t('staff.review.showing', { className })}` : ''}
      </p>
      <RefusalNote refusal={refusal} />
    </section>
  )
}
