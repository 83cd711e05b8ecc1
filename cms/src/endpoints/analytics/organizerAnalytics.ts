import type { Endpoint } from 'payload'
import { z } from 'zod'

import { json } from '../../lib/http'
import { parseQuery } from '../../lib/query'
import { documentId } from '../../lib/schemas'
import { organizerDashboard } from '../../services/analytics/organizerDashboard'
import { dashboardScope } from '../../services/analytics/scope'

const day = z.iso.date('Use a date like 2026-11-24.')
const DEFAULT_DAYS = 30

const querySchema = z
  .object({
    from: day.optional(),
    to: day.optional(),
    event: documentId.optional(),
    organizer: documentId.optional(),
  })
  .transform(({ from, to, ...rest }) => {
    const end = to ?? new Date().toISOString().slice(0, 10)
    const start =
      from ??
      new Date(Date.parse(`${end}T00:00:00Z`) - (DEFAULT_DAYS - 1) * 86_400_000)
        .toISOString()
        .slice(0, 10)
    return { ...rest, from: start, to: end }
  })
  .refine((query) => query.from <= query.to, { message: 'Must not be after "to".', path: ['from'] })
  .refine((query) => Date.parse(query.to) - Date.parse(query.from) <= 366 * 86_400_000, {
    message: 'A range is at most a year.',
    path: ['from'],
  })

/**
 * GET /api/analytics/organizer?from&to&event: the organizer dashboard's figures
 * for the caller's own events; admins see all events, or one organizer's.
 */
export const organizerAnalytics: Endpoint = {
  path: '/analytics/organizer',
  method: 'get',
  handler: async (req) => {
    const query = parseQuery(req, querySchema)
    const scope = await dashboardScope(req, query)
    const figures = await organizerDashboard(req.payload, scope, { from: query.from, to: query.to })
    return json(req, figures, { headers: { 'Cache-Control': 'private, no-store' } })
  },
}
