import { getJobsQueue } from '../jobs/queue'

export type FailedJob = {
  id: string
  name: string
  failedReason: string
  attemptsMade: number
  failedAt: string | null
}

export type QueueHealth = {
  counts: { waiting: number; active: number; delayed: number; failed: number; completed: number }
  failed: FailedJob[]
}

/** The email queue's counts and its most recent failed jobs. */
export async function queueHealth(): Promise<QueueHealth> {
  const queue = getJobsQueue()
  const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed')
  const failed = await queue.getFailed(0, 19)
  return {
    counts: {
      waiting: counts.waiting ?? 0,
      active: counts.active ?? 0,
      delayed: counts.delayed ?? 0,
      failed: counts.failed ?? 0,
      completed: counts.completed ?? 0,
    },
    failed: failed.map((job) => ({
      id: String(job.id),
      name: job.name,
      failedReason: job.failedReason ?? '',
      attemptsMade: job.attemptsMade,
      failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
    })),
  }
}

/** Puts a failed job back in the queue; false when there is no such failed job. */
export async function retryFailedJob(jobId: string): Promise<boolean> {
  const job = await getJobsQueue().getJob(jobId)
  if (!job || !(await job.isFailed())) return false
  await job.retry('failed')
  return true
}
