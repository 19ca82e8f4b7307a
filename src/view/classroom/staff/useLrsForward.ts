import { useCallback, useEffect, useState, type FormEvent } from 'react'
import {
  forwardSettingsProblem,
  lrsForwardApi,
  type ForwardStatus,
} from '../../../state/classroom/lrsForward.ts'
import type { ApiRefusal } from '../../../state/classroom/staffApi.ts'
import { useTranslation } from '../../i18n/useTranslation.ts'

/** How often the dashboard asks the server for its figures while it is shown. */
const REFRESH_MS = 5_000

/** What the forwarding form holds: the secret as typed (never the stored one), the rest as saved. */
export interface ForwardFields {
  readonly endpoint: string
  readonly username: string
  readonly secret: string
  readonly paused: boolean
}

const EMPTY: ForwardFields = { endpoint: '', username: '', secret: '', paused: false }

/**
 * The forwarding card's state and steps: the server's status (read now and every few seconds,
 * the form filled from it when it is first read, saved or removed), the form, its mistake, what
 * was just done, and the server's refusal.
 */
export function useLrsForward() {
  const { t, i18n } = useTranslation()
  const [status, setStatus] = useState<ForwardStatus | null>(null)
  const [fields, setFields] = useState<ForwardFields>(EMPTY)
  const [mistake, setMistake] = useState<string | null>(null)
  const [said, setSaid] = useState('')
  const [refusal, setRefusal] = useState<ApiRefusal | null>(null)

  const show = useCallback((next: ForwardStatus, fillForm: boolean) => {
    setStatus(next)
    if (fillForm)
      setFields((f) => ({
        ...f,
        endpoint: next.endpoint ?? '',
        username: next.username ?? '',
        paused: next.paused,
      }))
  }, [])

  const refresh = useCallback(
    async (fillForm: boolean) => {
      const answer = await lrsForwardApi.status()
      if (!answer.ok) return setRefusal(answer.error)
      show(answer.value, fillForm)
    },
    [show],
  )

  useEffect(() => {
    void i18n.loadSection('lrsForward').catch(() => {})
    void refresh(true)
    const timer = setInterval(() => void refresh(false), REFRESH_MS)
    return () => clearInterval(timer)
  }, [i18n, refresh])

  const change = (next: Partial<ForwardFields>) => setFields((f) => ({ ...f, ...next }))

  const save = async (e: FormEvent) => {
    e.preventDefault()
    setSaid('')
    setRefusal(null)
    const { endpoint, username, secret, paused } = fields
    const problem = forwardSettingsProblem(endpoint, secret, status?.configured ?? false)
    if (problem) return setMistake(t(`lrsForward.form.problem.${problem}`))
    setMistake(null)
    const answer = await lrsForwardApi.save({
      endpoint: endpoint.trim(),
      username: username.trim(),
      ...(secret !== '' ? { secret } : {}),
      paused,
    })
    if (!answer.ok) return setRefusal(answer.error)
    change({ secret: '' })
    show(answer.value, true)
    setSaid(t('lrsForward.form.saved'))
  }

  const retry = async () => {
    setSaid('')
    setRefusal(null)
    const answer = await lrsForwardApi.retry()
    if (!answer.ok) return setRefusal(answer.error)
    show(answer.value, false)
    setSaid(t('lrsForward.retried'))
  }

  const remove = async () => {
    setSaid('')
    setRefusal(null)
    const answer = await lrsForwardApi.remove()
    if (!answer.ok) return setRefusal(answer.error)
    change({ secret: '' })
    show(answer.value, true)
    setSaid(t('lrsForward.removed'))
  }

  return { status, fields, change, mistake, said, refusal, refresh, save, retry, remove }
}
