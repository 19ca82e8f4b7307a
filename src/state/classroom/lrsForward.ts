// The admin's calls for forwarding the LRS's statements to the school's own LRS (server module
// lrs/forward/routes.ts): the dashboard's figures, saving the receiving endpoint and its
// credentials (the secret is sent, never read back), pausing, removing, trying again now. Each
// call answers an outcome: the data, or the server's refusal. Also the checks of the form before
// it is sent, so that the screen can say what to fix in plain words. Pure but for the calls.
import type { ForwardStatus } from '../../api/lrsForward.ts'
import { apiPath, apiRequest } from './api.ts'
import { outcomeOf } from './staffApi.ts'

export type { ForwardStatus }

export interface ForwardSettings {
  readonly endpoint: string
  readonly username: string
  /** left out: the saved one is kept */
  readonly secret?: string
  readonly paused: boolean
}

const path = apiPath('lrs', 'forward')

export const lrsForwardApi = {
  status: () => outcomeOf(() => apiRequest<ForwardStatus>('GET', path)),
  save: (settings: ForwardSettings) =>
    outcomeOf(() => apiRequest<ForwardStatus>('PUT', path, { body: settings })),
  remove: () => outcomeOf(() => apiRequest<ForwardStatus>('DELETE', path)),
  retry: () =>
    outcomeOf(() =>
      apiRequest<ForwardStatus>('POST', apiPath('lrs', 'forward', 'retry'), { body: {} }),
    ),
}

export type SettingsProblem = 'endpoint-empty' | 'endpoint-not-web' | 'secret-needed'

/** What is wrong with the form before it is sent; undefined when nothing. Pure. */
export function forwardSettingsProblem(
  endpoint: string,
  secret: string,
  configured: boolean,
): SettingsProblem | undefined {
  const value = endpoint.trim()
  if (value === '') return 'endpoint-empty'
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return 'endpoint-not-web'
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'endpoint-not-web'
  if (!configured && secret === '') return 'secret-needed'
  return undefined
}

/** How the dashboard says the last failure's HTTP status in plain words (a key of lrsForward.status). */
export function failureKind(status: number | null): string {
  if (status === null) return 'noAnswer'
  if (status === 401 || status === 403) return 'credentials'
  if (status === 404) return 'notFound'
  if (status === 429) return 'tooMany'
  if (status === 503) return 'busy'
  if (status === 400 || status === 413) return 'invalid'
  if (status >= 500) return 'serverError'
  return 'other'
}
