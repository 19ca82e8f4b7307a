import { useState } from 'react'
import type { JsonObject } from '../../../core/index.ts'
import { loadTemplate, TEMPLATES } from '../../../state/templates.ts'
import { useTranslation } from '../../i18n/useTranslation.ts'

/** "Start from a trade template:" the trades' templates, each opened as a new draft. */
export function TemplateStart({ onOpen }: { readonly onOpen: (doc: JsonObject) => void }) {
  const { t } = useTranslation()
  const [failed, setFailed] = useState<string | null>(null)
  return (
    <div className="template-start" role="group" aria-labelledby="template-start-title">
      <span id="template-start-title">{t('record.templates')}</span>{' '}
      {TEMPLATES.map((name) => (
        <button
          key={name}
          type="button"
          onClick={() =>
            void loadTemplate(name).then(onOpen, (e: unknown) =>
              setFailed(e instanceof Error ? e.message : String(e)),
            )
          }
        >
          {t(`record.template.${name}`)}
        </button>
      ))}
      {failed !== null && <p role="alert">{t('record.templateFailed', { reason: failed })}</p>}
    </div>
  )
}
