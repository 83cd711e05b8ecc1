import { type Endpoint } from 'payload'

import { json, parseBody } from '../../../lib/http'
import { slugs } from '../../../plugin/settings'
import { eventRequestSchema } from '../../../lib/schemas'
import { bookingError, startCheckout } from '../../../services/booking'

/**
 * POST /api/payments/checkout { event }: hold a seat (or use the caller's own hold: an open
 * checkout, a waitlist offer) and get the Checkout URL to pay at.
 */
export const checkout: Endpoint = {
  path: '/checkout',
  method: 'post',
  handler: async (req) => {
    if (!req.user) throw bookingError('LOGIN_REQUIRED', 'Log in to buy a ticket.')
    const body = await parseBody(req, eventRequestSchema, slugs.payments)
    const result = await startCheckout(req, body.event)
    return json(req, result, { status: 201 })
  },
}
