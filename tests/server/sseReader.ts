// An instructor's live stream read event by event, each with the moment it arrived (for the
// live-latency benchmark and the nginx test): `grid`, then `learner` updates with their ids.
import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'

export interface ArrivedEvent {
  readonly event: string
  readonly id: string | undefined
  readonly data: any
  /** performance.now() when it arrived */
  readonly at: number
}

export interface EventReader {
  readonly events: ArrivedEvent[]
  /** waits until `n` events came (or `ms` passed); returns them all */
  take(n: number, ms?: number): Promise<ArrivedEvent[]>
  close(): void
}

/**
 * Opens the stream at `url + path` with `cookie` (https:// trusting `ca`; more `headers`, such as
 * Last-Event-ID); resolves once it answered 200.
 */
export function readEvents(
  url: string,
  path: string,
  cookie: string,
  ca?: string,
  headers: Record<string, string> = {},
): Promise<EventReader> {
  return new Promise((resolve, reject) => {
    const events: ArrivedEvent[] = []
    let wake: () => void = () => undefined
    const options = {
      agent: false,
      headers: { cookie, accept: 'text/event-stream', ...headers },
    } as const
    const req = url.startsWith('https:')
      ? httpsRequest(`${url}${path}`, { ...options, ca })
      : httpRequest(`${url}${path}`, options)
    req.on('response', (res) => {
      if (res.statusCode !== 200) {
        req.destroy()
        reject(new Error(`the stream answered ${res.statusCode}`))
        return
      }
      res.setEncoding('utf8')
      let buffer = ''
      res.on('data', (chunk: string) => {
        const at = performance.now()
        buffer += chunk
        let end: number
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const fields = new Map<string, string>()
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) continue
            const colon = line.indexOf(': ')
            if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 2))
          }
          const data = fields.get('data')
          if (data === undefined) continue
          events.push({
            event: fields.get('event') ?? 'message',
            id: fields.get('id'),
            data: JSON.parse(data),
            at,
          })
        }
        wake()
      })
      res.on('error', () => undefined)
      resolve({
        events,
        async take(n, ms = 30_000) {
          const until = Date.now() + ms
          while (events.length < n && Date.now() < until)
            await new Promise<void>((done) => {
              wake = done
              setTimeout(done, 100)
            })
          return [...events]
        },
        close: () => req.destroy(),
      })
    })
    req.on('error', reject)
    req.end()
  })
}
