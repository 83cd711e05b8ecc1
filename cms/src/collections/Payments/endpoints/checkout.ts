import { type Endpoint } from 'payload'

import { json, parseBody } from '../../../lib/http'
import { eventRequestSchema } from '../../../lib/schemas'
import { startCheckout } from '../../../services/checkout'
import { RequestError } from '../../../lib/errors'

/** POST /api/payments/checkout { event }: hold a seat and get the Checkout URL to pay at. */
export const checkout: Endpoint = {
  path: '/checkout',
  method: 'post',
  handler: async (req) => {
    if (!req.user) throw new RequestError('Log in to buy a ticket.', 401)
    const body = await parseBody(req, eventRequestSchema, 'payments')
    const result = await startCheckout(req, body.event)
    return json(req, result, { status: 201 })
  },
}
