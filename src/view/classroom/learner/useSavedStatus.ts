import { useEffect, useState } from 'react'
import { onJournalWrite } from '../../../state/attemptJournal.ts'
import { syncStore } from '../../../state/classroom/outbox.ts'
import { getSavedStatus, type SavedStatus } from '../../../state/classroom/savedStatus.ts'

/** Where the attempt is saved, followed as the journal writes and the server acknowledges. */
export function useSavedStatus(attemptId: string): SavedStatus | undefined {
  const [status, setStatus] = useState<SavedStatus | undefined>()
  useEffect(() => {
    let live = true
    const load = () =>
      void getSavedStatus(attemptId).then((s) => {
        if (live) setStatus(s)
      })
    load()
    const stopJournal = onJournalWrite((id) => id === attemptId && load())
    const stopSync = syncStore.subscribe((s, before) => {
      if (s.acks[attemptId] !== before.acks[attemptId]) load()
    })
    return () => {
      live = false
      stopJournal()
      stopSync()
    }
  }, [attemptId])
  return status
}
