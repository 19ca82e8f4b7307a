// `npm start` (after the build) and the release's entry: start the server, say where it is.
import { resolve } from 'node:path'
import { ConfigError, readConfig } from './config.ts'
import { FolderLockedError } from './db/lock.ts'
import { MigrationError } from './db/open.ts'
import { setupMessage } from './people/setup.ts'
import { addressesOf, startServer } from './server.ts'
import { trustInstructions } from './tls.ts'

async function main(): Promise<void> {
  const config = readConfig()
  const running = await startServer(config)
  const { log } = running
  const where = config.databaseUrl
    ? 'PostgreSQL (DATABASE_URL)'
    : `the data folder "${config.dataDir}"`
  console.log(`\nPractica is running. Its data is in ${where}.`)
  console.log('Learners open one of these addresses in their browser:')
  for (const address of addressesOf(running)) console.log(`  ${address}`)
  if (running.caFile) console.log(`\n${trustInstructions(resolve(running.caFile))}`)
  else
    console.log(
      '\nPlain HTTP (PRACTICA_HTTPS=off): on other machines the app runs without offline copies and in one tab only.',
    )
  for (const line of await setupMessage(running.database.db, addressesOf(running)[0]!))
    console.log(line)
  console.log('\nStop it with Ctrl+C.\n')
  const stop = (signal: string) => {
    log.info({ signal }, 'stopping: finishing requests in flight')
    void running.close().then(
      () => process.exit(0),
      (e: unknown) => {
        log.error({ err: e }, 'stopping failed')
        process.exit(1)
      },
    )
  }
  process.once('SIGINT', () => stop('SIGINT'))
  process.once('SIGTERM', () => stop('SIGTERM'))
}

main().catch((e: unknown) => {
  // mistakes in the setup get their message, not a stack trace
  if (e instanceof ConfigError || e instanceof FolderLockedError || e instanceof MigrationError)
    console.error(`Practica could not start: ${e.message}`)
  else console.error('Practica could not start:', e)
  process.exit(1)
})
