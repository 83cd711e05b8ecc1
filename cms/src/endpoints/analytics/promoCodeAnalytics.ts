import { headersWithCors, type Endpoint } from 'payload'
import { z } from 'zod'

import { csvLines } from '../../lib/csv'
import { json } from '../../lib/http'
import { parseQuery } from '../../lib/query'
import { documentId } from '../../lib/schemas'
import { promoCodeUsage } from '../../services/analytics/organizerDashboard'
import { dashboardScope } from '../../services/analytics/scope'

const querySchema = z.object({
  event: documentId.optional(),
  organizer: documentId.optional(),
  format: z.enum(['json', 'csv']).default('json'),
})

const COLUMNS = [
  'Event',
  'Code',
  'Max uses',
  'Orders used',
  'Orders holding',
  'Tickets',
  'Discount (minor units)',
  'Currency',
]

/**
 * GET /api/analytics/promo-codes?event&format=csv: usage per promo code of the caller's events
 * (admins: all, or one organizer's), as JSON or a spreadsheet (formula-safe, like every CSV).
 */
export const promoCodeAnalytics: Endpoint = {
  path: '/analytics/promo-codes',
  method: 'get',
  handler: async (req) => {
    const query = parseQuery(req, querySchema)
    const scope = await dashboardScope(req, query)
    const usage = await promoCodeUsage(req.payload, scope)
    if (query.format === 'json') {
      return json(req, { promoCodes: usage }, { headers: { 'Cache-Control': 'private, no-store' } })
    }
    const lines = usage.map((row) => [
      row.eventTitle,
      row.code,
      row.maxUses ?? '',
      row.usedOrders,
      row.heldOrders,
      row.tickets,
      row.discountTotal,
      row.currency,
    ])
    const headers = headersWithCors({
      headers: new Headers({
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': 'attachment; filename="promo-codes.csv"',
        'Cache-Control': 'private, no-store',
      }),
      req,
    })
    return new Response(csvLines(lines, { header: COLUMNS }), { headers })
  },
}
