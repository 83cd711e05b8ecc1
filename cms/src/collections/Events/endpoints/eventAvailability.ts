import { APIError, type Endpoint } from 'payload'

import { json } from '../../../lib/http'
import { availability } from '../../../services/seats'
import { RequestError } from '../../../lib/errors'

/** GET /api/events/:id/availability: seats left right now, for anyone who may see the event. */
export const eventAvailability: Endpoint = {
  path: '/:id/availability',
  method: 'get',
  handler: async (req) => {
    const event = await req.payload
      .findByID({
        collection: 'events',
        id: String(req.routeParams?.id),
        depth: 0,
        overrideAccess: false,
        user: req.user,
        req,
      })
      .catch((error: unknown) => {
        if (error instanceof APIError && error.status === 400) throw error
        return null
      })
    if (!event) throw new RequestError('No such event.', 404)
    return json(req, await availability(req, event), {
      headers: { 'Cache-Control': 'no-store' },
    })
  },
}
