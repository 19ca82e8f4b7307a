// What every request handler can reach: the database, the settings, the log, and who is asking.
import type { Kysely } from 'kysely'
import type { Logger } from 'pino'
import type { ServerConfig } from '../config.ts'
import type { Database, Role } from '../db/schema.ts'

/** The signed-in person making a request. */
export interface Caller {
  readonly id: string
  readonly role: Role
  readonly name: string
  /** the session's id (the hash of its token), so sign-out can end exactly this one */
  readonly sessionId: string
}

export interface Deps {
  readonly db: Kysely<Database>
  readonly config: ServerConfig
  readonly log: Logger
  /** the clock: tests move it (session expiry, assignment close, retention) */
  readonly now: () => Date
}

export interface AppEnv {
  Variables: {
    deps: Deps
    /** undefined on public routes without a sign-in */
    caller: Caller | undefined
    /** the class the route's path points at, once the guard checked the caller may reach it */
    classId: string | undefined
  }
}
