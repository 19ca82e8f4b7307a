import { useTranslation } from '../../i18n/useTranslation.ts'
import { LrsForwardForm } from './LrsForwardForm.tsx'
import { LrsForwardStatus } from './LrsForwardStatus.tsx'
import { RefusalNote } from './RefusalNote.tsx'
import { useLrsForward } from './useLrsForward.ts'

/**
 * The admin's card for sending the statements to the school's own learning record store: its
 * address and credentials (the secret is never shown back), paused or not; and the dashboard:
 * where they go, how many wait, how many were delivered, how many it refused, and the last
 * failure (what, when, its answer), with "try again now" and "stop sending".
 */
export function LrsForwarding() {
  const { t, i18n } = useTranslation()
  const forward = useLrsForward()
  if (!i18n.hasSection('lrsForward')) return null
  return (
    <section className="staff-card lrs-forward-card" aria-labelledby="lrs-forward-title">
      <h2 id="lrs-forward-title">{t('lrsForward.title')}</h2>
      <p>{t('lrsForward.intro')}</p>
      <LrsForwardStatus
        status={forward.status}
        onRefresh={() => void forward.refresh(false)}
        onRetry={() => void forward.retry()}
        onRemove={() => void forward.remove()}
      />
      <LrsForwardForm
        fields={forward.fields}
        onChange={forward.change}
        configured={forward.status?.configured ?? false}
        mistake={forward.mistake}
        onSave={(e) => void forward.save(e)}
      />
      <RefusalNote refusal={forward.refusal} />
      <p role="status">{forward.said}</p>
    </section>
  )
}
