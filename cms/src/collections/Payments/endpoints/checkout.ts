import { type Endpoint } from 'payload'

import { json, readJsonObject, validateBody } from '../../../lib/http'
import { slugs } from '../../../plugin/settings'
import { eventRequestSchema } from '../../../lib/schemas'
import { bookingError, startCheckout } from '../../../services/booking'
import { startOrderCheckout } from '../../../services/tickets/order'
import { isOrderBody, orderRequestSchema } from '../../../services/tickets/orderRequest'

/**
 * POST /api/payments/checkout { event }: hold a seat (or use the caller's own hold: an open
 * checkout, a waitlist offer) and get the Checkout URL to pay at. With `items` and `promoCode`
 * (docs/tickets.md): hold a whole order's tickets and pay for them in one session.
 */
export const checkout: Endpoint = {
  path: '/checkout',
  method: 'post',
  handler: async (req) => {
    if (!req.user) throw bookingError('LOGIN_REQUIRED', 'Log in to buy a ticket.')
    const raw = await readJsonObject(req)
    if (isOrderBody(raw)) {
      const order = await startOrderCheckout(
        req,
        validateBody(raw, orderRequestSchema, slugs.payments),
      )
      return json(
        req,
        {
          url: order.url,
          orderId: order.orderId,
          payment: order.payment,
          registration: order.registrations[0],
          registrations: order.registrations,
        },
        { status: 201 },
      )
    }
    const body = validateBody(raw, eventRequestSchema, slugs.payments)
    const result = await startCheckout(req, body.event)
    return json(req, result, { status: 201 })
  },
}
