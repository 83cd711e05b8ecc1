import { type Endpoint } from 'payload'

import { json } from '../../../lib/http'
import { RequestError } from '../../../lib/errors'
import { slugs } from '../../../plugin/settings'

/**
 * GET /api/registrations/me: the caller's tickets and the tickets they bought for others, newest
 * first, with their events and payments (group them by `orderId`).
 */
export const myRegistrations: Endpoint = {
  path: '/me',
  method: 'get',
  handler: async (req) => {
    if (!req.user) throw new RequestError('Log in to see your registrations.', 401)
    const result = await req.payload.find({
      collection: slugs.registrations,
      where: { or: [{ user: { equals: req.user.id } }, { buyer: { equals: req.user.id } }] },
      sort: '-registeredAt',
      depth: 1,
      limit: 100,
      overrideAccess: false,
      user: req.user,
      req,
    })
    return json(req, result)
  },
}
