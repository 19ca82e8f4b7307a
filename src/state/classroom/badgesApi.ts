// The Open Badges calls to the Practica server (issue 16 §5): an attempt's confirmation and
// credentials, confirming (which issues them), revoking one, the learner's own credentials, and
// the admin's signing keys. Each call answers an outcome: the data, or the server's refusal.
import type { AttemptCredentials, CredentialSummary } from '../../api/badges.ts'
import { ApiError, apiPath, apiRequest } from './api.ts'
import { sessionStore } from './sessionStore.ts'
import type { ApiOutcome } from './staffApi.ts'

export type { AttemptCredentials, CredentialSummary }

export interface MyCredential extends CredentialSummary {
  readonly attemptId: string
}

export interface SigningKey {
  readonly did: string
  readonly createdAt: string
  readonly retiredAt: string | null
}

async function outcome<T>(method: 'GET' | 'POST', path: string): Promise<ApiOutcome<T>> {
  try {
    return {
      ok: true,
      value: await apiRequest<T>(method, path, method === 'POST' ? { body: {} } : {}),
    }
  } catch (e) {
    const error =
      e instanceof ApiError ? e : new ApiError(0, 'network', e instanceof Error ? e.message : '')
    if (error.status === 401) sessionStore.getState().sessionLost()
    return { ok: false, error }
  }
}

export const badgesApi = {
  ofAttempt: (attemptId: string) =>
    outcome<AttemptCredentials>('GET', apiPath('attempts', attemptId, 'credentials')),
  confirm: (attemptId: string) =>
    outcome<AttemptCredentials>('POST', apiPath('attempts', attemptId, 'confirm')),
  revoke: (attemptId: string, credentialId: string) =>
    outcome<CredentialSummary>(
      'POST',
      apiPath('attempts', attemptId, 'credentials', credentialId, 'revoke'),
    ),
  mine: () => outcome<MyCredential[]>('GET', apiPath('me', 'credentials')),
  keys: () => outcome<SigningKey[]>('GET', apiPath('badges', 'keys')),
  rotate: () => outcome<SigningKey>('POST', apiPath('badges', 'keys', 'rotate')),
  /** where a credential's signed JSON is downloaded from (the server names the file) */
  fileOf: (attemptId: string, credentialId: string) =>
    apiPath('attempts', attemptId, 'credentials', credentialId),
}

/** A credential's name in `language`, else in the scenario's first language. */
export function credentialName(
  c: Pick<CredentialSummary, 'name' | 'names'>,
  language: string,
): string {
  return c.names[language] ?? c.name
}
