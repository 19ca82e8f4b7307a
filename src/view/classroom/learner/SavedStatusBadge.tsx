import { useStore } from 'zustand'
import type { SavedStatus } from '../../../state/classroom/savedStatus.ts'
import { sessionStore } from '../../../state/classroom/sessionStore.ts'
import { useTranslation } from '../../i18n/useTranslation.ts'
import './server.css'

export interface SavedStatusBadgeProps {
  readonly status: SavedStatus | undefined
  /** said to assistive technology as it changes (the result screen) */
  readonly live?: boolean
}

/**
 * "Saved on this computer" or "Saved on the server" (or why the server refused it), where there is
 * a class server.
 */
export function SavedStatusBadge({ status, live = false }: SavedStatusBadgeProps) {
  const { t } = useTranslation()
  // the static app (no server here) says nothing new
  const serverHere = useStore(
    sessionStore,
    (s) => s.status === 'online' || s.status === 'unreachable',
  )
  if (!status || (!serverHere && status.assignmentId === undefined)) return null
  const text =
    status.where === 'refused'
      ? t('server.saved.refused', {
          reason: t(`server.errors.${status.refused ?? 'other'}`, {
            defaultValue: t('server.errors.other'),
          }),
        })
      : t(`server.saved.${status.where}`)
  return (
    <span className="saved-status" data-saved={status.where} role={live ? 'status' : undefined}>
      {text}
    </span>
  )
}
