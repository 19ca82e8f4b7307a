import { SavedStatusBadge } from './SavedStatusBadge.tsx'
import { useSavedStatus } from './useSavedStatus.ts'

export interface AttemptSavedStatusProps {
  readonly attemptId: string
}

/** Where a kept attempt is saved, followed live (the history's lines). */
export function AttemptSavedStatus({ attemptId }: AttemptSavedStatusProps) {
  return <SavedStatusBadge status={useSavedStatus(attemptId)} />
}
