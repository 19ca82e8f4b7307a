// The forwarder: runs in each server process, and sends the outbox (lrs_outbox, migration 008)
// to the receiving LRS in storage order, a batch at a time, while the admin's forwarding is set
// and not paused. Of the processes sharing one database only the holder of the lease (a row
// update on lrs_forward, renewed each round, taken over once it expires) sends, so statements
// leave in order from one place. What was delivered leaves the outbox in the same transaction
// that counts it; a failure records its status, message and time for the dashboard, and the next
// try waits (Retry-After when the receiver gave one, else an exponential backoff).
import { randomUUID } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import type { Logger } from 'pino'
import { SealError, unseal } from '../../badges/secret.ts'
import type { Database } from '../../db/schema.ts'
import { SECRET_LABEL } from './routes.ts'
import {
  deliver,
  type AttachmentSource,
  type Delivery,
  type Outgoing,
  type Receiver,
} from './send.ts'

export interface ForwarderOptions {
  /** statements per request */
  readonly batchSize: number
  /** how often it looks for new statements when the outbox was empty */
  readonly pollMs: number
  /** how long one request may take */
  readonly timeoutMs: number
  /** the first wait after a failure; doubled for each further failure in a row */
  readonly baseDelayMs: number
  readonly maxDelayMs: number
  /** the longest Retry-After honoured */
  readonly maxRetryAfterMs: number
  /** how long a process's lease lasts without renewal */
  readonly leaseMs: number
}

export const DEFAULT_FORWARDER: ForwarderOptions = {
  batchSize: 50,
  pollMs: 2_000,
  timeoutMs: 15_000,
  baseDelayMs: 2_000,
  maxDelayMs: 10 * 60_000,
  maxRetryAfterMs: 60 * 60_000,
  leaseMs: 60_000,
}

export interface Forwarder {
  /** looks at the outbox now instead of at the next poll */
  wake(): void
  /** stops after the round in flight */
  stop(): Promise<void>
}

/** The wait before the next try after `failures` failures in a row (with ±25 % jitter). */
export function backoffMs(failures: number, options: ForwarderOptions): number {
  const plain = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, failures - 1))
  return Math.round(plain * (0.75 + Math.random() * 0.5))
}

/** Reads the attachments' bytes from the LRS's attachment store. */
function attachmentsFrom(db: Kysely<Database>): AttachmentSource {
  return async (sha2s) => {
    const rows = await db
      .selectFrom('lrs_attachments')
      .select(['sha2', 'content_type', 'bytes'])
      .where('sha2', 'in', [...sha2s])
      .execute()
    return new Map(
      rows.map((r) => [r.sha2, { contentType: r.content_type, bytes: new Uint8Array(r.bytes) }]),
    )
  }
}

/** Takes (or renews) the lease; the receiver and generation when this process holds it. */
async function lease(
  db: Kysely<Database>,
  holder: string,
  now: Date,
  leaseMs: number,
): Promise<(Receiver & { generation: number }) | undefined> {
  return db
    .updateTable('lrs_forward')
    .set({ lease_holder: holder, lease_until: new Date(now.getTime() + leaseMs) })
    .where('id', '=', 1)
    .where('paused', '=', false)
    .where((eb) =>
      eb.or([
        eb('lease_holder', 'is', null),
        eb('lease_holder', '=', holder),
        eb('lease_until', '<', now),
      ]),
    )
    .returning(['endpoint', 'username', 'secret', 'generation'])
    .executeTakeFirst()
}

/** The next statements to send, in storage order (refused ones passed over). */
async function nextBatch(db: Kysely<Database>, size: number): Promise<Outgoing[]> {
  const rows = await db
    .selectFrom('lrs_outbox as o')
    .innerJoin('lrs_statements as s', 's.id', 'o.statement_id')
    .select([sql<string>`o.seq::text`.as('seq'), 's.id', 's.statement'])
    .where('o.refused_status', 'is', null)
    .orderBy('o.seq')
    .limit(size)
    .execute()
  return rows.map((r) => ({ seq: r.seq, id: r.id, statement: r.statement }))
}

/** Stores what a round did, for the generation it sent for. */
async function record(
  db: Kysely<Database>,
  generation: number,
  result: Delivery,
  now: Date,
  options: ForwarderOptions,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const current = await tx
      .selectFrom('lrs_forward')
      .select(['generation', 'failures'])
      .where('id', '=', 1)
      .forUpdate()
      .executeTakeFirst()
    // the endpoint changed (or forwarding was removed) while this batch was out: nothing to count
    if (!current || current.generation !== generation) return
    if (result.delivered.length > 0) {
      await tx.deleteFrom('lrs_outbox').where('seq', 'in', result.delivered).execute()
      await tx
        .updateTable('lrs_forward')
        .set({
          delivered: sql<string>`delivered + ${result.delivered.length}`,
          last_delivered_at: now,
        })
        .where('id', '=', 1)
        .execute()
    }
    for (const r of result.refused)
      await tx
        .updateTable('lrs_outbox')
        .set({ refused_status: r.status, refused_message: r.message.slice(0, 300) })
        .where('seq', '=', r.seq)
        .execute()
    const lastRefusal = result.refused.at(-1)
    if (result.failure) {
      const failures = current.failures + 1
      const wait =
        result.failure.retryAfterMs !== undefined
          ? Math.min(result.failure.retryAfterMs, options.maxRetryAfterMs)
          : backoffMs(failures, options)
      await tx
        .updateTable('lrs_forward')
        .set({
          failures,
          next_attempt_at: new Date(now.getTime() + wait),
          last_error_status: result.failure.status,
          last_error_message: result.failure.message.slice(0, 300),
          last_error_at: now,
        })
        .where('id', '=', 1)
        .execute()
    } else
      await tx
        .updateTable('lrs_forward')
        .set({
          failures: 0,
          next_attempt_at: null,
          ...(lastRefusal
            ? {
                last_error_status: lastRefusal.status,
                last_error_message:
                  `It refused a statement as invalid: ${lastRefusal.message}`.slice(0, 300),
                last_error_at: now,
              }
            : {}),
        })
        .where('id', '=', 1)
        .execute()
  })
}

/**
 * One round: when forwarding is set, due and this process holds the lease, sends one batch.
 * Returns how long to wait before the next round.
 */
export async function forwardOnce(
  db: Kysely<Database>,
  holder: string,
  options: ForwarderOptions,
  serverKey: () => Buffer,
  now: () => Date = () => new Date(),
  stop?: AbortSignal,
): Promise<number> {
  const config = await db
    .selectFrom('lrs_forward')
    .select(['paused', 'next_attempt_at'])
    .where('id', '=', 1)
    .executeTakeFirst()
  if (!config || config.paused) return options.pollMs
  const started = now()
  if (config.next_attempt_at && config.next_attempt_at.getTime() > started.getTime())
    return Math.min(options.pollMs, config.next_attempt_at.getTime() - started.getTime())
  const leased = await lease(db, holder, started, options.leaseMs)
  if (!leased) return options.pollMs
  const batch = await nextBatch(db, options.batchSize)
  if (batch.length === 0) return options.pollMs
  let secret: string
  try {
    secret = unseal(leased.secret, serverKey(), SECRET_LABEL)
  } catch (e) {
    if (!(e instanceof SealError)) throw e
    const failure = {
      status: null,
      message:
        "The saved secret cannot be opened with this server's secret (data/credentials.secret; the database came from another server?): type the secret again.",
      retryAfterMs: undefined,
    }
    await record(db, leased.generation, { delivered: [], refused: [], failure }, now(), options)
    return 0
  }
  const receiver = { ...leased, secret }
  const result = await deliver(receiver, batch, attachmentsFrom(db), options.timeoutMs, stop)
  // stopped mid-send: what went through counts; the stop is no failure of the receiver
  const kept = stop?.aborted ? { ...result, failure: undefined } : result
  await record(db, leased.generation, kept, now(), options)
  // at once: the next round sees a failure's wait in next_attempt_at
  return 0
}

/** Starts the forwarder of this process; `stop` ends it (the server's close). */
export function startForwarder(
  db: Kysely<Database>,
  log: Logger,
  serverKey: () => Buffer,
  overrides: Partial<ForwarderOptions> = {},
): Forwarder {
  const options = { ...DEFAULT_FORWARDER, ...overrides }
  const holder = randomUUID()
  let stopped = false
  // ends the requests in flight when the server stops, rather than waiting for their timeouts
  const stopping = new AbortController()
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> | undefined
  let wakeUp: (() => void) | undefined

  const schedule = (ms: number) => {
    if (stopped) return
    timer = setTimeout(() => void round(), ms)
    wakeUp = () => {
      clearTimeout(timer)
      wakeUp = undefined
      void round()
    }
  }
  const round = async () => {
    if (stopped || running) return
    let wait = options.pollMs
    running = (async () => {
      try {
        wait = await forwardOnce(db, holder, options, serverKey, undefined, stopping.signal)
      } catch (e) {
        log.warn({ err: e }, 'forwarding statements failed')
      }
    })()
    await running
    running = undefined
    schedule(wait)
  }
  schedule(0)
  return {
    wake: () => wakeUp?.(),
    async stop() {
      stopped = true
      clearTimeout(timer)
      stopping.abort()
      await running
      // hand the lease on at once rather than when it expires
      await db
        .updateTable('lrs_forward')
        .set({ lease_holder: null, lease_until: null })
        .where('lease_holder', '=', holder)
        .execute()
        .catch(() => undefined)
    },
  }
}
