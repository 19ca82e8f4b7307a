import { useState } from 'react'
import type { ApiRefusal, PublishedScenario } from '../../../state/classroom/staffApi.ts'
import type { StaffStore } from '../../../state/classroom/staffStore.ts'
import { useTranslation } from '../../i18n/useTranslation.ts'
import { RefusalNote } from './RefusalNote.tsx'
import { scenarioTitle } from './words.ts'

export interface PublishUploadProps {
  readonly store: StaffStore
}

/** Publishing a scenario file as it is, byte for byte; the server checks it with the engine. */
export function PublishUpload({ store }: PublishUploadProps) {
  const { t, i18n } = useTranslation()
  const [published, setPublished] = useState<PublishedScenario | null>(null)
  const [refusal, setRefusal] = useState<ApiRefusal | null>(null)
  const [file, setFile] = useState('')
  const [busy, setBusy] = useState(false)

  const publish = async (files: FileList | null) => {
    const picked = files?.[0]
    if (!picked) return
    setBusy(true)
    setPublished(null)
    setRefusal(null)
    setFile(picked.name)
    const answer = await store.getState().publish(new Uint8Array(await picked.arrayBuffer()))
    setBusy(false)
    if (answer.ok) setPublished(answer.value)
    else setRefusal(answer.error)
  }

  return (
    <section className="staff-card" aria-labelledby="publish-title" aria-busy={busy}>
      <h3 id="publish-title">{t('staff.publish.title')}</h3>
      <p className="muted">{t('staff.publish.intro')}</p>
      <label className="button">
        {t('staff.publish.pick')}
        <input
          className="sr-only"
          type="file"
          accept=".json,application/json"
          onChange={(e) => {
            void publish(e.target.files)
            e.target.value = ''
          }}
        />
      </label>
      <p role="status">
        {published
          ? t('staff.publish.done', {
              title: scenarioTitle(published, i18n.language),
              version: published.version,
            })
          : busy
            ? t('staff.publish.sending', { file })
            : ''}
      </p>
      {refusal && <p>{t('staff.publish.refusedFile', { file })}</p>}
      <RefusalNote refusal={refusal} />
    </section>
  )
}
