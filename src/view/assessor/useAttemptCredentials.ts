import { useEffect, useState } from 'react'
import {
  badgesApi,
  type AttemptCredentials,
  type CredentialSummary,
} from '../../state/classroom/badgesApi.ts'
import type { ApiRefusal } from '../../state/classroom/staffApi.ts'

/** What was just done to an attempt's credentials, said in the language shown now. */
export type CredentialsSaid = { confirmed: number } | { revoked: CredentialSummary }

/**
 * An attempt's confirmation and credentials as the server has them (read again when the result's
 * revision changes), and the steps on them: confirm the result, revoke a credential.
 */
export function useAttemptCredentials(attemptId: string, revision: number | null) {
  const [state, setState] = useState<AttemptCredentials | null>(null)
  const [busy, setBusy] = useState(false)
  const [refusal, setRefusal] = useState<ApiRefusal | null>(null)
  const [said, setSaid] = useState<CredentialsSaid | null>(null)

  useEffect(() => {
    let live = true
    void badgesApi.ofAttempt(attemptId).then((answer) => {
      if (!live) return
      if (answer.ok) setState(answer.value)
      else setRefusal(answer.error)
    })
    return () => {
      live = false
    }
  }, [attemptId, revision])

  const confirm = async () => {
    setBusy(true)
    setRefusal(null)
    const answer = await badgesApi.confirm(attemptId)
    setBusy(false)
    if (!answer.ok) return setRefusal(answer.error)
    setState(answer.value)
    setSaid({ confirmed: answer.value.credentials.length })
  }
  const revoke = async (c: CredentialSummary) => {
    setRefusal(null)
    const answer = await badgesApi.revoke(attemptId, c.id)
    if (!answer.ok) return setRefusal(answer.error)
    setState(
      (s) =>
        s && {
          ...s,
          credentials: s.credentials.map((x) => (x.id === c.id ? answer.value : x)),
        },
    )
    setSaid({ revoked: c })
  }

  return { state, busy, refusal, said, confirm, revoke }
}
