// The live view's one Server-Sent Events stream per tab, kept open: the browser resumes a dropped
// stream by Last-Event-ID by itself; when it gives up (the server answered with an error, or was
// away), this asks the server why: a refusal stops, anything else opens a new stream from the
// last id seen (after a wait that doubles up to 30 s), so no update is missed.
import { ApiError, apiPath, apiRequest } from '../classroom/api.ts'
import type { LiveGrid, LiveLearner } from '../../api/live.ts'

/** An EventSource as the store uses it (tests may give their own). */
export interface EventSourceLike {
  readonly readyState: number
  onopen: ((event: Event) => void) | null
  onerror: ((event: Event) => void) | null
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void
  close(): void
}

export interface StreamOptions {
  readonly openStream?: ((url: string) => EventSourceLike) | undefined
  /** ms before a stream the browser gave up on is opened again (doubled each time, to 30 s) */
  readonly retryMs?: number | undefined
}

/** What the stream tells its store. */
export interface StreamHandlers extends StreamOptions {
  grid(grid: LiveGrid, id: string): void
  learner(row: LiveLearner, id: string): void
  /** a stream is open */
  opened(): void
  /** the server's stream failed (it says so before it ends) */
  failed(): void
  /** the stream dropped: the browser, or this, tries again */
  dropped(): void
  /** the server will not show this assignment */
  refused(error: ApiError): void
}

const CLOSED = 2

/** The stream's address; `lastEventId` resumes from an update this assignment sent. */
export function streamUrl(assignmentId: string, lastEventId: string | null): string {
  const base = `${apiPath('assignments', assignmentId, 'live', 'stream')}`
  return lastEventId === null ? base : `${base}?lastEventId=${encodeURIComponent(lastEventId)}`
}

/** Opens the stream of `assignmentId` at once, resuming from `lastEventId()` each time. */
export function followLiveStream(
  assignmentId: string,
  lastEventId: () => string | null,
  on: StreamHandlers,
): { stop(): void } {
  const openStream =
    on.openStream ?? ((url: string) => new EventSource(url) as unknown as EventSourceLike)
  const firstRetry = on.retryMs ?? 2000
  let source: EventSourceLike | null = null
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  let retryMs = firstRetry
  let stopped = false

  /** Asks the server why the stream was refused: a refusal stops, anything else tries again. */
  const afterClosed = async () => {
    try {
      await apiRequest('GET', apiPath('assignments', assignmentId, 'live'))
    } catch (e) {
      if (e instanceof ApiError && [400, 401, 403, 404].includes(e.status)) {
        on.refused(e)
        return
      }
    }
    if (stopped) return
    retryTimer = setTimeout(connect, retryMs)
    retryMs = Math.min(retryMs * 2, 30_000)
  }

  function connect(): void {
    if (stopped) return
    const es = openStream(streamUrl(assignmentId, lastEventId()))
    source = es
    es.onopen = () => {
      retryMs = firstRetry
      on.opened()
    }
    es.addEventListener('grid', (e) => {
      if (source === es) on.grid(JSON.parse(e.data) as LiveGrid, e.lastEventId)
    })
    es.addEventListener('learner', (e) => {
      if (source === es) on.learner(JSON.parse(e.data) as LiveLearner, e.lastEventId)
    })
    es.addEventListener('failed', () => {
      if (source === es) on.failed()
    })
    es.onerror = () => {
      if (source !== es || stopped) return
      on.dropped()
      // the browser tries again by itself (with Last-Event-ID) unless it gave up on this stream
      if (es.readyState === CLOSED) {
        es.close()
        source = null
        void afterClosed()
      }
    }
  }

  connect()
  return {
    stop() {
      stopped = true
      source?.close()
      source = null
      clearTimeout(retryTimer)
    },
  }
}
