import type { Endpoint } from 'payload'

import { json } from '../../../lib/http'
import { findVisibleEvent } from '../../../services/bookableEvent'
import { ticketOffers } from '../../../services/tickets/offers'

/**
 * GET /api/events/:id/tickets[?code=]: the ticket types on offer with availability, sales window
 * and (with a code) discounted prices, and the questions asked per attendee (docs/tickets.md).
 */
export const eventTickets: Endpoint = {
  path: '/:id/tickets',
  method: 'get',
  handler: async (req) => {
    const event = await findVisibleEvent(req, String(req.routeParams?.id))
    const code = typeof req.query?.code === 'string' ? req.query.code.trim().slice(0, 40) : ''
    return json(req, await ticketOffers(req, event.id, code || undefined), {
      headers: { 'Cache-Control': 'no-store' },
    })
  },
}
