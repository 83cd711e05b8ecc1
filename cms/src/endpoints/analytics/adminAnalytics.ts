import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'

import { checkRole } from '../../access/checkRole'
import { RequestError } from '../../lib/errors'
import { json, parseBody } from '../../lib/http'
import { parseQuery } from '../../lib/query'
import { adminOverview } from '../../services/analytics/adminOverview'
import { queueHealth, retryFailedJob } from '../../services/queueHealth'
import { dateRangeQuery } from './rangeQuery'

function requireAdmin(req: PayloadRequest) {
  if (!req.user) throw new RequestError('Log in first.', 401)
  if (!checkRole(['admin'], req.user)) throw new RequestError('This is for admins.', 403)
}

const noStore = { headers: { 'Cache-Control': 'private, no-store' } }

/** GET /api/analytics/admin?from&to: site-wide figures and revenue by organizer and month. */
export const adminAnalytics: Endpoint = {
  path: '/analytics/admin',
  method: 'get',
  handler: async (req) => {
    requireAdmin(req)
    return json(req, await adminOverview(req.payload, parseQuery(req, dateRangeQuery)), noStore)
  },
}

/** GET /api/admin/queues: the email queue's health and its latest failures. */
export const queueStatus: Endpoint = {
  path: '/admin/queues',
  method: 'get',
  handler: async (req) => {
    requireAdmin(req)
    return json(req, await queueHealth(), noStore)
  },
}

/** POST /api/admin/queues/retry { jobId }: runs a failed job again. */
export const queueRetry: Endpoint = {
  path: '/admin/queues/retry',
  method: 'post',
  handler: async (req) => {
    requireAdmin(req)
    const { jobId } = await parseBody(req, z.object({ jobId: z.string().min(1).max(300) }))
    if (!(await retryFailedJob(jobId))) throw new RequestError('No failed job with this id.', 404)
    return json(req, { jobId, message: 'The job is queued again.' })
  },
}
