import { UnrecoverableError, Worker, type Job } from 'bullmq'
import { Redis } from 'ioredis'
import type { Payload } from 'payload'

import { settings } from '../plugin/settings'
import { isJobName, jobSchemas } from './definitions'
import { handlers } from './handlers'
import { closeMailer } from './mailer'
import { closeQueue, getJobsQueue, QUEUE_NAME, queuePrefix } from './queue'

export const SWEEP_EVERY_MS = 5 * 60_000
/** How often lapsed holds are expired and their seats offered on. */
export const EXPIRE_HOLDS_EVERY_MS = 60_000

export type RunningWorker = { worker: Worker; close(): Promise<void> }

/** Runs one job: validates its data (bad data will never succeed: no retry), then its handler. */
export async function processJob(
  payload: Payload,
  job: Pick<Job, 'name' | 'data'>,
): Promise<unknown> {
  if (!isJobName(job.name)) throw new UnrecoverableError(`Unknown job "${job.name}"`)
  const parsed = jobSchemas[job.name].safeParse(job.data)
  if (!parsed.success) {
    throw new UnrecoverableError(`Invalid data for ${job.name}: ${parsed.error.issues[0]?.message}`)
  }
  const handler = handlers[job.name] as (payload: Payload, data: unknown) => Promise<unknown>
  return handler(payload, parsed.data)
}

export async function startWorker(
  payload: Payload,
  {
    concurrency = 5,
    sweepEveryMs = SWEEP_EVERY_MS,
    lockDurationMs = 30_000,
  }: { concurrency?: number; sweepEveryMs?: number; lockDurationMs?: number } = {},
): Promise<RunningWorker> {
  const connection = new Redis(settings.redisUrl, { maxRetriesPerRequest: null })
  connection.on('error', (error) => payload.logger.error({ err: error, msg: 'Worker Redis error' }))
  const worker = new Worker(QUEUE_NAME, (job) => processJob(payload, job), {
    connection,
    prefix: queuePrefix(),
    concurrency,
    lockDuration: lockDurationMs,
    stalledInterval: Math.max(1_000, Math.floor(lockDurationMs / 2)),
  })
  worker.on('error', (error) => payload.logger.error({ err: error, msg: 'Worker error' }))
  worker.on('failed', (job, error) =>
    payload.logger.warn(
      `Job ${job?.name} ${job?.id} failed (attempt ${job?.attemptsMade}): ${error.message}`,
    ),
  )
  if (sweepEveryMs > 0) {
    await getJobsQueue().upsertJobScheduler(
      'sweep-missed-emails',
      { every: sweepEveryMs },
      { name: 'sweep-missed-emails', data: {} },
    )
    await getJobsQueue().upsertJobScheduler(
      'expire-holds',
      { every: EXPIRE_HOLDS_EVERY_MS },
      { name: 'expire-holds', data: {} },
    )
  }
  await worker.waitUntilReady()
  return {
    worker,
    async close() {
      await worker.close()
      await closeQueue()
      closeMailer()
      connection.disconnect()
    },
  }
}
