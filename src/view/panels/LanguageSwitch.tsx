import { useTranslation } from '../i18n/useTranslation.ts'
import { LANGUAGES } from '../i18n/i18n.ts'

// a language whose texts cannot be downloaded is not switched to; the list shows the current one
const stay = () => undefined

/** Switches the interface language at any time; nothing else changes. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation()
  return (
    <label className="language-switch">
      <span>{t('language.label')}</span>
      <select
        value={i18n.language}
        onChange={(e) => void i18n.changeLanguage(e.target.value).catch(stay)}
      >
        {LANGUAGES.map((lng) => (
          <option key={lng} value={lng}>
            {i18n.getFixedT(lng)('language.name')}
          </option>
        ))}
      </select>
    </label>
  )
}
