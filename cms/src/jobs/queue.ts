import { Queue } from 'bullmq'
import { Redis } from 'ioredis'

import { parseEnv } from '../env'
import { settings } from '../plugin/settings'
import { defaultJobId, jobSchemas, type JobData, type JobName } from './definitions'

export { jobNames, jobSchemas, type JobData, type JobName } from './definitions'

export const QUEUE_NAME = 'emails'

/**
 * The Redis key prefix of the queues. It defaults to one per database, so a worker only ever sees
 * jobs whose ids mean something in its own database (a test database's jobs never reach the
 * worker `npm start` runs); tests pass their own unique JOBS_PREFIX.
 */
export function queuePrefix(): string {
  if (process.env.JOBS_PREFIX) return process.env.JOBS_PREFIX
  const database =
    new URL(parseEnv(process.env).DATABASE_URL).pathname.replace(/^\//, '') || 'default'
  return `ep:${database}`
}

/**
 * Integration tests of other parts run without a worker; their writes enqueue nothing unless the
 * test asks for jobs by setting JOBS_PREFIX.
 */
export const isQueueEnabled = (): boolean =>
  process.env.NODE_ENV !== 'test' || Boolean(process.env.JOBS_PREFIX)

export class QueueUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`Job queue unavailable (Redis at ${redactUrl(settings.redisUrl)} did not answer)`, {
      cause,
    })
    this.name = 'QueueUnavailableError'
  }
}

function redactUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@')
}

export const defaultJobOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
  removeOnFail: { age: 30 * 24 * 3600 },
} as const

let queue: Queue | undefined
let connection: Redis | undefined
let ready: Promise<void> | undefined

/** Producer connection: fails fast (no offline queue, one short retry) so a down Redis is an error, not a hang. */
function getQueue(): Queue {
  if (!queue) {
    connection = new Redis(settings.redisUrl, {
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      connectTimeout: 2_000,
      retryStrategy: (times) => Math.min(times * 500, 5_000),
    })
    connection.on('error', () => {
      // reported through the failing enqueue call; without a listener ioredis logs every retry
    })
    queue = new Queue(QUEUE_NAME, {
      connection,
      prefix: queuePrefix(),
      defaultJobOptions,
    })
    queue.on('error', () => {})
  }
  return queue
}

/** BullMQ reserves ':' in job ids; our ids read `name:id:version`, stored as `name.id.version`. */
export const toJobId = (id: string): string => id.replaceAll(':', '.')

export type EnqueueOptions = { jobId?: string; delay?: number }

/** The queue once its connection is ready; QueueUnavailableError within 2 s when it is not. */
async function connectedQueue(): Promise<Queue> {
  const q = getQueue()
  if (connection && connection.status !== 'ready') {
    // One shared wait per connection attempt, however many enqueues are waiting on it.
    ready ??= waitReady(connection, 2_000).finally(() => {
      ready = undefined
    })
    await ready.catch((error: unknown) => {
      throw new QueueUnavailableError(error)
    })
  }
  return q
}

/**
 * Enqueue a job by name. The data is validated against the job's zod schema; the job id is stable
 * per business event, so enqueueing the same thing twice adds one job.
 */
export async function enqueue<N extends JobName>(
  name: N,
  data: JobData<N>,
  options: EnqueueOptions = {},
): Promise<string | undefined> {
  const parsed = jobSchemas[name].parse(data) as JobData<N>
  if (!isQueueEnabled()) return undefined
  const q = await connectedQueue()
  try {
    const job = await q.add(name, parsed, {
      jobId: ((id) => (id === undefined ? undefined : toJobId(id)))(
        options.jobId ?? defaultJobId(name, parsed),
      ),
      delay: options.delay,
    })
    return job.id
  } catch (error) {
    throw new QueueUnavailableError(error)
  }
}

/** Enqueues several jobs in one round trip (the outbox's hand-over batches); ids as in enqueue. */
export async function enqueueMany(
  jobs: { name: JobName; data: JobData<JobName>; jobId: string }[],
): Promise<void> {
  const parsed = jobs.map((job) => ({
    name: job.name,
    data: jobSchemas[job.name].parse(job.data),
    opts: { jobId: toJobId(job.jobId) },
  }))
  if (!isQueueEnabled() || parsed.length === 0) return
  const q = await connectedQueue()
  try {
    await q.addBulk(parsed)
  } catch (error) {
    throw new QueueUnavailableError(error)
  }
}

/** Removes a delayed job that is no longer wanted (a reminder whose event moved or was cancelled). */
export async function removeJob(jobId: string): Promise<void> {
  if (!isQueueEnabled()) return
  try {
    const job = await getQueue().getJob(toJobId(jobId))
    if (job && (await job.isDelayed())) await job.remove()
  } catch (error) {
    throw new QueueUnavailableError(error)
  }
}

export function getJobsQueue(): Queue {
  return getQueue()
}

export async function closeQueue(): Promise<void> {
  const q = queue
  const c = connection
  queue = undefined
  connection = undefined
  ready = undefined
  await q?.close().catch(() => {})
  c?.disconnect()
}

function waitReady(redis: Redis, timeoutMs: number): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve()
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup()
      reject(new Error(`timed out after ${timeoutMs} ms`))
    }, timeoutMs)
    const onReady = (): void => {
      cleanup()
      resolve()
    }
    const cleanup = (): void => {
      clearTimeout(timer)
      redis.off('ready', onReady)
    }
    redis.on('ready', onReady)
  })
}
