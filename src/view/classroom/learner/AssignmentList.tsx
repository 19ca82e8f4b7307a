import { useEffect, useState } from 'react'
import { useStore } from 'zustand'
import { getLocalText } from '../../../core/index.ts'
import { appStore } from '../../../state/appStore.ts'
import type { Assignment } from '../../../state/classroom/api.ts'
import {
  assignmentsStore,
  attemptsLeft,
  openAssignment,
  refreshAssignments,
  whyClosed,
} from '../../../state/classroom/assignments.ts'
import { sessionStore } from '../../../state/classroom/sessionStore.ts'
import { useTranslation } from '../../i18n/useTranslation.ts'
import { MyCredentials } from './MyCredentials.tsx'
import './server.css'

/** One assignment: its scenario, mode, due date, attempts left, and Start (in its mode). */
function AssignmentCard({ assignment, unsent }: { assignment: Assignment; unsent: number }) {
  const { t, i18n } = useTranslation()
  const [problem, setProblem] = useState<string | undefined>()
  const [starting, setStarting] = useState(false)
  const title = getLocalText(assignment.scenario.title, i18n.language, 'en')
  const date = (iso: string) =>
    new Date(iso).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' })
  const left = attemptsLeft(assignment, unsent)
  const closed = whyClosed(assignment, unsent, new Date())
  const start = async () => {
    setStarting(true)
    setProblem(undefined)
    const opened = await openAssignment(assignment)
    if (opened.ok)
      await appStore.getState().start(opened.model, undefined, {
        id: assignment.id,
        mode: assignment.mode,
      })
    else {
      setProblem(
        t(`server.cannotOpen.${opened.reason}`, { defaultValue: t('server.cannotOpen.other') }),
      )
      setStarting(false)
    }
  }
  return (
    <li className="card" data-assignment={assignment.id}>
      <h3>{title}</h3>
      <p className="meta">
        <span>
          {t('server.modeIs', {
            mode: t(`library.${assignment.mode}`),
          })}
        </span>
        <span>
          {assignment.closesAt
            ? t('server.due', { date: date(assignment.closesAt) })
            : t('server.noDue')}
        </span>
        {assignment.opensAt && new Date(assignment.opensAt) > new Date() && (
          <span>{t('server.opens', { date: date(assignment.opensAt) })}</span>
        )}
        <span>
          {left === undefined ? t('server.unlimited') : t('server.left', { count: left })}
        </span>
      </p>
      {closed ? (
        <p>
          <strong>{t(`server.why.${closed}`)}</strong>
        </p>
      ) : (
        <button
          type="button"
          className="primary"
          disabled={starting}
          onClick={() => void start()}
          aria-label={t('server.startLabel', { title })}
        >
          {t('library.start')}
        </button>
      )}
      {problem !== undefined && (
        <p className="server-error" role="alert">
          {problem}
        </p>
      )}
    </li>
  )
}

/**
 * The signed-in learner's assignments, at the top of the library: from the server, or as kept
 * in this browser when it is out of reach.
 */
export function AssignmentList() {
  const { t } = useTranslation()
  const user = useStore(sessionStore, (s) => s.user)
  const online = useStore(sessionStore, (s) => s.status === 'online')
  const { owner, assignments, from, unsent, error } = useStore(assignmentsStore)
  useEffect(() => {
    void refreshAssignments(user, online)
  }, [user, online])
  if (!user || user.role !== 'learner' || owner !== user.id) return null
  return (
    <section className="assignments" aria-labelledby="assignments-title">
      <h2 id="assignments-title">
        {user.className
          ? t('server.assignmentsOf', { className: user.className })
          : t('server.assignments')}
      </h2>
      {from === 'copy' && <p className="muted">{t('server.fromCopy')}</p>}
      {error && <p className="server-error">{t('server.listFailed')}</p>}
      {from !== undefined && assignments.length === 0 && <p>{t('server.noAssignments')}</p>}
      <ul className="cards">
        {assignments.map((a) => (
          <AssignmentCard key={a.id} assignment={a} unsent={unsent[a.id] ?? 0} />
        ))}
      </ul>
      <MyCredentials online={online} />
    </section>
  )
}
