import { useStore } from 'zustand'
import { graphicsStore, type GraphicsSetting, type GraphicsStore } from '../../state/graphics.ts'
import { useTranslation } from '../i18n/useTranslation.ts'
import './graphics.css'

export interface GraphicsControlProps {
  /** The page's setting unless given (tests give their own). */
  readonly store?: GraphicsStore
}

const SETTINGS: readonly GraphicsSetting[] = ['detailed', 'simple']

/**
 * Detailed or Simple graphics, the learner's choice (remembered); and, when frames were slow
 * before any choice, the notice that proposes Simple.
 */
export function GraphicsControl({ store = graphicsStore }: GraphicsControlProps) {
  const { t } = useTranslation()
  const setting = useStore(store, (s) => s.setting)
  const proposing = useStore(store, (s) => s.proposing)
  return (
    <span className="graphics-control">
      <label className="language-switch">
        <span>{t('graphics.label')}</span>
        <select
          value={setting}
          onChange={(e) => store.getState().choose(e.target.value as GraphicsSetting)}
        >
          {SETTINGS.map((s) => (
            <option key={s} value={s}>
              {t(`graphics.${s}`)}
            </option>
          ))}
        </select>
      </label>
      {proposing && (
        <span className="graphics-notice" role="status">
          <span>{t('graphics.slow')}</span>
          <button
            type="button"
            className="primary"
            onClick={() => store.getState().choose('simple')}
          >
            {t('graphics.switch')}
          </button>
          <button type="button" onClick={() => store.getState().keepDetailed()}>
            {t('graphics.keep')}
          </button>
        </span>
      )}
    </span>
  )
}
