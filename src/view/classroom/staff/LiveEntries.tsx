import { useState } from 'react'
import { useStore } from 'zustand'
import { openLive } from '../../../state/live/liveRoute.ts'
import { watchable } from '../../../state/live/watchable.ts'
import { useTranslation } from '../../i18n/useTranslation.ts'
import { RefusalNote } from './RefusalNote.tsx'
import { scenarioTitle } from './words.ts'

export interface LiveEntriesProps {
  readonly classId: string
  readonly className: string
}

/** An assessor's way to a class's live view: the class's assignments, each with "Watch live". */
export function LiveEntries({ classId, className }: LiveEntriesProps) {
  const { t, i18n } = useTranslation()
  const [shown, setShown] = useState(false)
  const list = useStore(watchable, (s) => s.lists[classId])
  const refusal = useStore(watchable, (s) => s.refusals[classId] ?? null)
  const listId = `live-entries-${classId}`
  return (
    <>
      <button
        type="button"
        aria-expanded={shown}
        aria-controls={listId}
        onClick={() => {
          if (!shown) void watchable.getState().load(classId)
          setShown(!shown)
        }}
      >
        {t('live.watchClass', { className })}
      </button>
      <div id={listId} hidden={!shown}>
        <RefusalNote refusal={refusal} />
        {shown && list?.length === 0 && <p>{t('live.noAssignments')}</p>}
        {shown && list && list.length > 0 && (
          <ul className="plain">
            {list.map((a) => {
              const title = scenarioTitle(a.scenario, i18n.language)
              return (
                <li key={a.id}>
                  <button type="button" onClick={() => openLive(a.id)}>
                    {t('live.watchOne', { title })}
                  </button>
                </li>
              )
            })}
          </ul>
        )}
      </div>
    </>
  )
}
