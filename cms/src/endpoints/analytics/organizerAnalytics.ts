import type { Endpoint } from 'payload'
import { z } from 'zod'

import { json } from '../../lib/http'
import { parseQuery } from '../../lib/query'
import { documentId } from '../../lib/schemas'
import { organizerDashboard } from '../../services/analytics/organizerDashboard'
import { dashboardScope } from '../../services/analytics/scope'
import { dateRangeQuery } from './rangeQuery'

const scopeQuery = z.object({
  event: documentId.optional(),
  organizer: documentId.optional(),
})

/**
 * GET /api/analytics/organizer?from&to&event: the organizer dashboard's figures
 * for the caller's own events; admins see all events, or one organizer's.
 */
export const organizerAnalytics: Endpoint = {
  path: '/analytics/organizer',
  method: 'get',
  handler: async (req) => {
    const scope = await dashboardScope(req, parseQuery(req, scopeQuery))
    const range = parseQuery(req, dateRangeQuery)
    const figures = await organizerDashboard(req.payload, scope, range)
    return json(req, figures, { headers: { 'Cache-Control': 'private, no-store' } })
  },
}
