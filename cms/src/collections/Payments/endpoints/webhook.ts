import type { Endpoint } from 'payload'

import { json } from '../../../lib/http'
import { handleStripeEvent, verifyWebhook } from '../../../services/booking'
import { slugs } from '../../../plugin/settings'

/**
 * POST /api/payments/webhook: Stripe's signed events. 2xx only once the event
 * is applied (or known); any failure is non-2xx so Stripe delivers it again.
 */
export const webhook: Endpoint = {
  path: '/webhook',
  method: 'post',
  handler: async (req) => {
    const rawBody = req.text ? await req.text() : ''
    const event = verifyWebhook(rawBody, req.headers.get('stripe-signature'))
    try {
      const outcome = await handleStripeEvent(req, event)
      return json(req, { received: true, outcome })
    } catch (error) {
      // A concurrent delivery of the same event may have won the unique record.
      const { totalDocs } = await req.payload.count({
        collection: slugs.stripeEvents,
        where: { stripeEventId: { equals: event.id } },
        overrideAccess: true,
      })
      if (totalDocs > 0) return json(req, { received: true, outcome: 'duplicate' })
      throw error
    }
  },
}
