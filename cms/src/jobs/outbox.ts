import type { PostgresAdapter } from '@payloadcms/db-postgres'
import { sql } from '@payloadcms/db-postgres'
import type { Payload, PayloadRequest } from 'payload'

import { table } from '../services/tables'
import { runSql } from '../services/transaction'

import { afterCommit } from './afterCommit'
import { defaultJobId, type JobData, type JobName } from './definitions'
import { enqueue } from './queue'
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

/** Enqueues one outbox row (its stable job id makes a second hand-over harmless) and marks it. */
export async function handOver(payload: Payload, row: OutboxRow): Promise<void> {
  await enqueue(row.job as JobName, row.data as JobData<JobName>, { jobId: row.jobId })
  // A plain UPDATE on the pool: Payload's update-by-where opened a transaction and re-read the
  // row for every booking after its commit, and under a rush those waited for pool connections.
  const adapter = payload.db as unknown as PostgresAdapter
  await adapter.drizzle.execute(
    sql`UPDATE ${table('emailOutbox')} SET enqueued_at = now(), updated_at = now() WHERE job_id = ${row.jobId}`,
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
  for (const row of docs) await handOver(payload, row)
  return docs.length
}
