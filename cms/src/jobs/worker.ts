/**
 * The worker process: `npm run worker -w cms` (payload run loads the config, so handlers read
 * through the Local API). SIGTERM/SIGINT finish the jobs in hand, close every connection, exit.
 */
import config from '@payload-config'
import { getPayload } from 'payload'
import { z } from 'zod'

import { startWorker } from './runWorker'

const workerEnvSchema = z.object({
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(5),
  /** How long a job stays locked to a worker that stopped answering (crashed) before a retry. */
  WORKER_LOCK_DURATION_MS: z.coerce.number().int().min(1_000).default(30_000),
})
const workerEnv = workerEnvSchema.parse(process.env)

const payload = await getPayload({ config })
const running = await startWorker(payload, {
  concurrency: workerEnv.WORKER_CONCURRENCY,
  lockDurationMs: workerEnv.WORKER_LOCK_DURATION_MS,
})
payload.logger.info(`Email worker ready (concurrency ${workerEnv.WORKER_CONCURRENCY})`)

// `payload run` exits when this module finishes, so it finishes only once a signal arrives.
const signal = await new Promise<string>((resolve) => {
  process.once('SIGTERM', () => resolve('SIGTERM'))
  process.once('SIGINT', () => resolve('SIGINT'))
})
payload.logger.info(`${signal}: finishing the jobs in hand`)
await running.close()
