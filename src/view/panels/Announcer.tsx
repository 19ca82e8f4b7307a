import { useEffect, useState } from 'react'
import { useTranslation } from '../i18n/useTranslation.ts'
import type { AttemptStore } from '../../state/attemptStore.ts'
import { useScenarioText } from '../useScenarioText.ts'

export interface AnnouncerProps {
  readonly store: AttemptStore
}

/** A polite live region that tells screen-reader users what their last act did. */
export function Announcer({ store }: AnnouncerProps) {
  const { t } = useTranslation()
  const names = useScenarioText(store.getState().setup.model)
  const [message, setMessage] = useState('')
  useEffect(
    () =>
      store.subscribe((s, prev) => {
        if (s.sim.ended && !prev.sim.ended) return setMessage(t('play.announce.ended'))
        if (s.events.length === prev.events.length) return
        const event = s.events[s.events.length - 1]!
        const index =
          event.target === undefined ? undefined : s.setup.model.componentIndex.get(event.target)
        if (index === undefined) return
        const state = names.state(s.sim.comps[index] ?? '', index)
        const blocked = s.sim.log[s.sim.log.length - 1]?.class === 'blocked'
        setMessage(
          t(blocked ? 'play.announce.blocked' : 'play.announce.state', {
            part: names.label(index),
            state: state || t(`play.${event.action}`, { defaultValue: event.action }),
          }),
        )
      }),
    [store, t, names],
  )
  return (
    <div className="sr-only" aria-live="polite" role="status">
      {message}
    </div>
  )
}
