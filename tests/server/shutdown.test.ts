// A graceful shutdown: a write in flight when the server is told to stop still completes and is
// stored; only then does the server stop, and it takes no new requests.
import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { forEachDatabase } from './harness.ts'

const SCENARIO = readFileSync(new URL('../../scenarios/conveyor-loto.json', import.meta.url))

forEachDatabase('graceful shutdown', (server) => {
  it('finishes a publish in flight, then stops', async () => {
    const s = server()
    const { client } = await s.signIn('instructor')
    let sendRest: () => void = () => undefined
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(SCENARIO.subarray(0, 100))
        sendRest = () => {
          controller.enqueue(SCENARIO.subarray(100))
          controller.close()
        }
      },
    })
    const answer = fetch(`${s.url}/api/scenarios`, {
      method: 'POST',
      headers: {
        origin: s.url,
        cookie: `practica_session=${client.cookies.get('practica_session')!}`,
        'content-type': 'application/json',
      },
      body,
      duplex: 'half',
    } as RequestInit)
    // the request has started arriving; now the server is told to stop
    await new Promise((r) => setTimeout(r, 300))
    let stopped = false
    const closing = s.running.close().then(() => (stopped = true))
    await new Promise((r) => setTimeout(r, 300))
    expect(stopped).toBe(false)
    sendRest()
    const response = await answer
    expect(response.status).toBeLessThan(300)
    await closing
    const stored = await s.db.selectFrom('scenarios').select(['id', 'bytes']).execute()
    expect(stored.map((r) => r.id)).toEqual(['conveyor-loto'])
    expect(Buffer.from(stored[0]!.bytes).equals(SCENARIO)).toBe(true)
    await expect(fetch(`${s.url}/api/health`)).rejects.toThrow()
  })
})
