import { useState } from 'react'
import { serverReview } from '../../state/classroom/reviewServer.ts'
import type { ApiRefusal, ExportFormat } from '../../state/classroom/staffApi.ts'
import { downloadBlob } from '../download.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
import { RefusalNote } from '../classroom/staff/RefusalNote.tsx'

const FILES: Readonly<Record<ExportFormat, { name: string; type: string; label: string }>> = {
  csv: { name: 'practica-gradebook.csv', type: 'text/csv', label: 'review.exportCsv' },
  xapi: { name: 'practica-xapi.json', type: 'application/json', label: 'review.exportXapi' },
  json: {
    name: 'practica-results.json',
    type: 'application/json',
    label: 'staff.review.exportJson',
  },
  moodle: {
    name: 'practica-moodle-framework.csv',
    type: 'text/csv',
    label: 'staff.review.exportMoodle',
  },
}

/** The class's (or assignment's) exports as the server makes them, naming each result's revision. */
export function ServerExports() {
  const { t } = useTranslation()
  const [refusal, setRefusal] = useState<ApiRefusal | null>(null)
  const download = async (format: ExportFormat) => {
    setRefusal(null)
    const answer = await serverReview.getState().exportFile(format)
    if (!answer.ok) return setRefusal(answer.error)
    const file = FILES[format]
    downloadBlob(
      file.name,
      new Blob([answer.value as Uint8Array<ArrayBuffer>], { type: file.type }),
    )
  }
  return (
    <section className="exports" aria-label={t('review.exports')}>
      {(Object.keys(FILES) as ExportFormat[]).map((format) => (
        <button key={format} type="button" onClick={() => void download(format)}>
          {t(FILES[format].label)}
        </button>
      ))}
      <RefusalNote refusal={refusal} />
    </section>
  )
}
