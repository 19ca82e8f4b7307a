// The server's settings, from environment variables (README "Running the server" lists them).
// Read once at start; a wrong value stops the server with a message that names the variable.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export interface ServerConfig {
  /** TCP port of the app and the API. */
  readonly port: number
  /** Address to listen on: every interface by default, so that the lab's machines can connect. */
  readonly host: string
  /** Folder of the embedded database, the certificates and the lock file. */
  readonly dataDir: string
  /** A PostgreSQL server instead of the embedded database; undefined for the embedded one. */
  readonly databaseUrl: string | undefined
  /** `auto`: HTTPS with a certificate made on first start; `off`: plain HTTP (degraded app). */
  readonly https: 'auto' | 'off'
  /** The built app to serve; undefined serves the API only. */
  readonly appDir: string | undefined
  /** Other origins allowed to send state-changing requests (a reverse proxy's public name). */
  readonly origins: readonly string[]
  /** Hours a sign-in lasts. */
  readonly sessionHours: number
  /** Days an attempt is kept; 0 keeps attempts for ever. */
  readonly retentionDays: number
  /** The largest statements request the LRS takes, attachments included (413 beyond). */
  readonly lrsStatementsBytes: number
  /** The largest State, Activity Profile or Agent Profile document the LRS stores. */
  readonly lrsDocumentBytes: number
  readonly logLevel: string
}

const MB = 1024 * 1024

export class ConfigError extends Error {}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min)
    throw new ConfigError(`${name} must be a whole number of at least ${min}; it is "${raw}".`)
  return value
}

/**
 * The built app: `app/` beside the bundled server of a release (server.mjs), else `dist/` of the
 * repository (`npm start` builds it).
 */
const releaseApp = fileURLToPath(new URL('./app', import.meta.url))
const defaultAppDir = existsSync(join(releaseApp, 'index.html')) ? releaseApp : 'dist'

/** Reads the settings from `env`; throws ConfigError with a plain message on a wrong value. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const https = env['PRACTICA_HTTPS'] ?? 'auto'
  if (https !== 'auto' && https !== 'off')
    throw new ConfigError(`PRACTICA_HTTPS must be "auto" or "off"; it is "${https}".`)
  const databaseUrl = env['DATABASE_URL'] || undefined
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl))
    throw new ConfigError('DATABASE_URL must start with postgres:// (or postgresql://).')
  return {
    port: integer(env, 'PORT', 8443, 0),
    host: env['HOST'] || '0.0.0.0',
    dataDir: env['PRACTICA_DATA'] || 'data',
    databaseUrl,
    https,
    appDir: env['PRACTICA_APP'] ?? defaultAppDir,
    origins: (env['PRACTICA_ORIGINS'] ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    sessionHours: integer(env, 'PRACTICA_SESSION_HOURS', 12, 1),
    retentionDays: integer(env, 'PRACTICA_RETENTION_DAYS', 0, 0),
    lrsStatementsBytes: integer(env, 'PRACTICA_LRS_STATEMENTS_MB', 20, 1) * MB,
    lrsDocumentBytes: integer(env, 'PRACTICA_LRS_DOCUMENT_MB', 10, 1) * MB,
    logLevel: env['LOG_LEVEL'] || 'info',
  }
}
