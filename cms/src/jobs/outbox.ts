import type { PostgresAdapter } from '@payloadcms/db-postgres'
import { sql } from '@payloadcms/db-postgres'
import type { Payload, PayloadRequest } from 'payload'

import { table } from '../services/tables'
import { runSql } from '../services/transaction'

import { afterCommit } from './afterCommit'
import { defaultJobId, isJobName, jobSchemas, type JobData, type JobName } from './definitions'
import { enqueueMany } from './queue'
import { slugs } from '../plugin/settings'

type OutboxRow = { job: string; data: unknown; jobId: string }

/**
 * Records a booking email's job in the outbox inside the caller's transaction (the same one as
 * the change that causes it) and hands it to the queue once that commits. If the queue cannot
 * take it then (Redis down, a crash), the row waits for the sweep: delayed, never lost.
 */
export async function enqueueFromOutbox<N extends JobName>(
  req: PayloadRequest,
  name: N,
  data: JobData<N>,
  jobId: string | undefined = defaultJobId(name, data),
): Promise<void> {
  if (!jobId) throw new Error(`The outbox needs a stable job id for ${name}.`)
  // One statement instead of Payload's count + insert + re-read: this runs inside every booking
  // transaction (bench:rush), and the unique job id makes a repeat a no-op.
  const inserted = await runSql(
    req,
    sql`INSERT INTO ${table('emailOutbox')} (job, data, job_id)
        VALUES (${name}, ${JSON.stringify(data)}::jsonb, ${jobId})
        ON CONFLICT (job_id) DO NOTHING RETURNING id`,
  )
  if (inserted.length === 0) return
  const row = { job: name, data, jobId }
  await afterCommit(req, jobId, () => handOver(req.payload, row))
}

/** How long a row waits for others to share its hand-over. */
const HAND_OVER_BATCH_MS = 20

/** The rows waiting for their hand-over, per Payload instance (each has its own database). */
const batches = new Map<Payload, { rows: OutboxRow[]; handedOver: Promise<void> }>()

/**
 * Enqueues an outbox row (its stable job id makes a second hand-over harmless) and marks it.
 * Rows committed within a few milliseconds go together, one Redis round trip and one UPDATE for
 * the lot: a ticket rush commits hundreds a second, and one each cost more than the booking.
 */
export function handOver(payload: Payload, row: OutboxRow): Promise<void> {
  let batch = batches.get(payload)
  if (!batch) {
    const rows: OutboxRow[] = []
    const handedOver = new Promise((resolve) => setTimeout(resolve, HAND_OVER_BATCH_MS)).then(
      () => {
        batches.delete(payload)
        return handOverNow(payload, rows)
      },
    )
    batch = { rows, handedOver }
    batches.set(payload, batch)
  }
  batch.rows.push(row)
  return batch.handedOver
}

async function handOverNow(payload: Payload, batch: OutboxRow[]): Promise<void> {
  // A row the queue cannot take (a job renamed or reshaped since it was written) stays for the
  // sweep and is logged; it must not hold back the rows it happened to share a batch with, nor
  // (the sweep batching the oldest rows together) every missed row after it.
  const rows = batch.filter((row) => {
    const isValid = isJobName(row.job) && jobSchemas[row.job].safeParse(row.data).success
    if (!isValid) payload.logger.error(`Outbox row ${row.jobId} is not a valid ${row.job} job`)
    return isValid
  })
  if (rows.length === 0) return
  await enqueueMany(
    rows.map((row) => ({
      name: row.job as JobName,
      data: row.data as JobData<JobName>,
      jobId: row.jobId,
    })),
  )
  // A plain UPDATE on the pool: Payload's update-by-where opened a transaction and re-read the
  // rows, and under a rush those waited for pool connections.
  const adapter = payload.db as unknown as PostgresAdapter
  const ids = sql.join(
    rows.map((row) => sql`${row.jobId}`),
    sql`, `,
  )
  await adapter.drizzle.execute(
    sql`UPDATE ${table('emailOutbox')} SET enqueued_at = now(), updated_at = now() WHERE job_id IN (${ids})`,
  )
}

/** Hands over the rows the queue never took, older than `olderThan`. */
export async function handOverMissed(payload: Payload, olderThan: Date): Promise<number> {
  const { docs } = await payload.find({
    collection: slugs.emailOutbox,
    where: {
      and: [
        { enqueuedAt: { exists: false } },
        { createdAt: { less_than: olderThan.toISOString() } },
      ],
    },
    sort: 'createdAt',
    limit: 1000,
    depth: 0,
    overrideAccess: true,
  })
  await Promise.all(docs.map((row) => handOver(payload, row)))
  return docs.length
}
