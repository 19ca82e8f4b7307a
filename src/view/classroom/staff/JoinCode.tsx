import { useTranslation } from '../../i18n/useTranslation.ts'

export interface JoinCodeProps {
  readonly code: string
}

/** The class code learners type to join, large enough to read from the back of a computer lab. */
export function JoinCode({ code }: JoinCodeProps) {
  const { t } = useTranslation()
  const address = globalThis.location?.origin ?? ''
  return (
    <section className="join-code" aria-labelledby="join-code-title">
      <h3 id="join-code-title">{t('staff.classes.codeTitle')}</h3>
      <p className="join-code-value" data-code={code}>
        {code}
      </p>
      <p>{t('staff.classes.codeHow', { address })}</p>
    </section>
  )
}
