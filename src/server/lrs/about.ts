// The About resource (xAPI 1.0.3 Part Three §2.8): the versions this LRS speaks; no credentials.
import type { LrsApp } from './app.ts'

/** The xAPI version of this LRS, sent in every answer's X-Experience-API-Version. */
export const XAPI_VERSION = '1.0.3'

export function aboutRoutes(app: LrsApp): void {
  app.get('/about', (c) => c.json({ version: [XAPI_VERSION], extensions: {} }))
}
