// Server-Sent Events streams read event by event, as the tests and benchmarks read them: with
// node:http (each event with the moment it arrived, for the live-latency benchmark and the nginx
// test) or with fetch and a test client's cookies (Stream, for the live tests).
import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import type { Client } from './harness.ts'

export interface SseEvent {
  readonly event: string
  readonly id: string | undefined
  readonly data: any
}

/**
 * The whole events at the start of `buffer` (each ends with a blank line), the comment lines
 * among them (heartbeats), and what is left after them.
 */
export function takeEvents(buffer: string): {
  events: SseEvent[]
  comments: number
  rest: string
} {
  const events: SseEvent[] = []
  let comments = 0
  let end: number
  while ((end = buffer.indexOf('\n\n')) >= 0) {
    const block = buffer.slice(0, end)
    buffer = buffer.slice(end + 2)
    const fields = new Map<string, string>()
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) {
        comments++
        continue
      }
      const colon = line.indexOf(': ')
      if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 2))
    }
    const data = fields.get('data')
    if (data === undefined) continue
    events.push({
      event: fields.get('event') ?? 'message',
      id: fields.get('id'),
      data: JSON.parse(data),
    })
  }
  return { events, comments, rest: buffer }
}

/** An open event stream of `client` at `path` (fetch), read event by event. */
export class Stream {
  readonly events: SseEvent[] = []
  private waiters: (() => void)[] = []
  readonly status: Promise<number>
  headers: Headers | undefined
  /** comment lines (heartbeats) received */
  comments = 0
  private readonly abort = new AbortController()
  ended = false

  constructor(client: Client, path: string, headers: Record<string, string> = {}) {
    const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    this.status = fetch(client.base + path, {
      headers: { cookie, accept: 'text/event-stream', ...headers },
      signal: this.abort.signal,
    }).then((response) => {
      this.headers = response.headers
      void this.read(response)
      return response.status
    })
  }

  private async read(response: Response): Promise<void> {
    const reader = response.body!.getReader()
    const decoder = new TextDecoder()
    let buffer = ''
    try {
      for (;;) {
        const { done, value } = await reader.read()
        if (done) break
        const taken = takeEvents(buffer + decoder.decode(value, { stream: true }))
        buffer = taken.rest
        this.comments += taken.comments
        this.events.push(...taken.events)
        this.notify()
      }
    } catch {
      // aborted
    }
    this.ended = true
    this.notify()
  }

  private notify(): void {
    const waiters = this.waiters
    this.waiters = []
    for (const w of waiters) w()
  }

  /** Waits until `n` events came (or the stream ended), at most `ms`; returns them all. */
  async take(n: number, ms = 15_000): Promise<SseEvent[]> {
    const until = Date.now() + ms
    while (this.events.length < n && !this.ended && Date.now() < until)
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve)
        setTimeout(resolve, 200)
      })
    return [...this.events]
  }

  close(): void {
    this.abort.abort()
  }
}

export interface ArrivedEvent extends SseEvent {
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
        const taken = takeEvents(buffer + chunk)
        buffer = taken.rest
        for (const e of taken.events) events.push({ ...e, at })
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
