import type { Payload, PayloadRequest } from 'payload'

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
  const { totalDocs } = await req.payload.count({
    collection: slugs.emailOutbox,
    where: { jobId: { equals: jobId } },
    overrideAccess: true,
    req,
  })
  if (totalDocs > 0) return
  const row = { job: name, data, jobId }
  await req.payload.create({ collection: slugs.emailOutbox, data: row, overrideAccess: true, req })
  await afterCommit(req, jobId, () => handOver(req.payload, row))
}

/** Enqueues one outbox row (its stable job id makes a second hand-over harmless) and marks it. */
export async function handOver(payload: Payload, row: OutboxRow): Promise<void> {
  await enqueue(row.job as JobName, row.data as JobData<JobName>, { jobId: row.jobId })
  await payload.update({
    collection: slugs.emailOutbox,
    where: { jobId: { equals: row.jobId } },
    data: { enqueuedAt: new Date().toISOString() },
    overrideAccess: true,
  })
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
