import type { Endpoint } from 'payload'

import { json } from '../../../lib/http'
import { findVisibleEvent } from '../../../services/bookableEvent'
import { availability } from '../../../services/booking'

/** GET /api/events/:id/availability: seats left right now, for anyone who may see the event. */
export const eventAvailability: Endpoint = {
  path: '/:id/availability',
  method: 'get',
  handler: async (req) => {
    const event = await findVisibleEvent(req, String(req.routeParams?.id))
    return json(req, await availability(req, event), {
      headers: { 'Cache-Control': 'no-store' },
    })
  },
}
