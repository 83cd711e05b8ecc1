import type Stripe from 'stripe'

import { inTransaction } from '../../transaction'
import { recordEvent, type StripeEventHandler } from './record'
import { slugs } from '../../../plugin/settings'

/**
 * A refund changed at Stripe. One that failed or was cancelled means the money did not go back:
 * the payment is succeeded again (and logged as an error for an admin to follow up).
 */
export const refundUpdated: StripeEventHandler = async (req, event) => {
  const refund = event.data.object as Stripe.Refund
  return inTransaction(req, async () => {
    const { docs } = await req.payload.find({
      collection: slugs.payments,
      where: { refundId: { equals: refund.id } },
      limit: 1,
      depth: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })
    const payment = docs[0]
    const didFail = refund.status === 'failed' || refund.status === 'canceled'
    if (payment?.status === 'refunded' && didFail) {
      await req.payload.update({
        collection: slugs.payments,
        id: payment.id,
        data: { status: 'succeeded', refundId: null, refundedAt: null },
        overrideAccess: true,
        req,
      })
      req.payload.logger.error({ paymentId: payment.id, refundId: refund.id }, 'refund failed')
    }
    await recordEvent(req, event)
    return payment && didFail ? 'failed' : 'ignored'
  })
}
