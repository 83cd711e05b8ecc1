import { APIError, type PayloadRequest } from 'payload'

import { stripe } from './stripe'
import { RequestError } from '../lib/errors'

/**
 * Refunds a succeeded payment through Stripe and marks it refunded. Safe to
 * repeat: Stripe's idempotency key makes a second call return the first refund.
 * A pending payment's open Checkout session is expired instead, so it can no
 * longer be paid.
 */
export async function refundPayment(req: PayloadRequest, paymentId: number): Promise<void> {
  const payment = await req.payload.findByID({
    collection: 'payments',
    id: paymentId,
    depth: 0,
    overrideAccess: true,
    req,
  })
  if (payment.status === 'pending' && payment.checkoutSessionId) {
    await stripe()
      .checkout.sessions.expire(payment.checkoutSessionId)
      .catch(() => undefined) // already expired or completed: the webhook settles it
    return
  }
  if (payment.status !== 'succeeded') return
  if (!payment.stripePaymentId) {
    throw new RequestError('This payment has no Stripe payment to refund.', 409)
  }
  let refund
  try {
    refund = await stripe().refunds.create(
      { payment_intent: payment.stripePaymentId },
      { idempotencyKey: `refund:${payment.id}` },
    )
  } catch (error) {
    req.payload.logger.error({ err: error, paymentId }, 'refund failed')
    throw new APIError(
      'The refund could not be made right now; please try again.',
      502,
      undefined,
      true,
    )
  }
  await req.payload.update({
    collection: 'payments',
    id: payment.id,
    data: { status: 'refunded', refundId: refund.id, refundedAt: new Date().toISOString() },
    overrideAccess: true,
    req,
  })
}
