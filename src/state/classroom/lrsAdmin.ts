// The admin's calls for the server's xAPI LRS (server module lrs/clients.ts): its address and the
// activity base IRI, and its clients (make one: its secret is answered this once; revoke one).
// Each call answers an outcome: the data, or the server's refusal (its stable code). Also the
// check of a base IRI before it is sent, so that the screen can say what to fix in plain words.
import { apiPath, apiRequest } from './api.ts'
import { outcomeOf } from './staffApi.ts'

export interface LrsSettings {
  /** the LRS's address as this server is reached, e.g. https://school:8443/xapi/ */
  readonly endpoint: string
  /** null: not set yet, and attempts are not sent as statements */
  readonly activityBase: string | null
}

export interface LrsClientRow {
  readonly id: string
  readonly name: string
  readonly key: string
  readonly createdAt: string
  readonly createdBy: string | null
  readonly revokedAt: string | null
}

/** A client just made: its secret, answered this once. */
export interface NewLrsClient {
  readonly id: string
  readonly name: string
  readonly key: string
  readonly secret: string
  readonly endpoint: string
}

export const lrsAdminApi = {
  settings: () => outcomeOf(() => apiRequest<LrsSettings>('GET', apiPath('lrs', 'settings'))),
  saveActivityBase: (activityBase: string) =>
    outcomeOf(() =>
      apiRequest<LrsSettings>('PUT', apiPath('lrs', 'settings'), { body: { activityBase } }),
    ),
  clients: () => outcomeOf(() => apiRequest<LrsClientRow[]>('GET', apiPath('lrs', 'clients'))),
  makeClient: (name: string) =>
    outcomeOf(() =>
      apiRequest<NewLrsClient>('POST', apiPath('lrs', 'clients'), { body: { name } }),
    ),
  revokeClient: (id: string) =>
    outcomeOf(() =>
      apiRequest<{ id: string; revokedAt: string }>('DELETE', apiPath('lrs', 'clients', id)),
    ),
}
