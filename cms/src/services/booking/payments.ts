import type { PayloadRequest } from 'payload'

import type { Event, Payment, Registration } from '../../payload-types'
import { idOf } from '../bookableEvent'
import { stripe } from '../stripe'
import { bookingError } from './errors'

export async function createPendingPayment(
  req: PayloadRequest,
  {
    registration,
    user,
    event,
  }: { registration?: number; user: number; event: Pick<Event, 'id' | 'price' | 'currency'> },
): Promise<Payment> {
  return req.payload.create({
    collection: 'payments',
    data: {
      registration,
      user,
      event: event.id,
      amount: event.price,
      currency: event.currency,
      status: 'pending',
    },
    // Ids only: populating the new payment's registration, user and event cost three more reads
    // inside the booking transaction.
    depth: 0,
    overrideAccess: true,
    req,
  })
}

export const findPayment = (req: PayloadRequest, id: number): Promise<Payment> =>
  req.payload.findByID({ collection: 'payments', id, depth: 0, overrideAccess: true, req })

/**
 * Marks the registration's unpaid payment failed when its hold ends. Its Checkout session expires
 * with the hold at Stripe; a payment that still arrives is refunded (payments never go from
 * failed to paid).
 */
export async function expireOpenPayment(
  req: PayloadRequest,
  registration: Pick<Registration, 'payment'>,
): Promise<void> {
  const paymentId = idOf(registration.payment)
  if (!paymentId) return
  const payment = await findPayment(req, paymentId)
  if (payment.status !== 'pending') return
  await req.payload.update({
    collection: 'payments',
    id: payment.id,
    data: { status: 'failed' },
    overrideAccess: true,
    req,
  })
}

/**
 * Refunds a succeeded payment (or money that arrived for a failed one) in full through Stripe and marks it refunded. Safe to repeat:
 * Stripe's idempotency key makes a second call return the first refund. A pending payment's
 * open Checkout session is expired instead, so it can no longer be paid. The Stripe call runs
 * outside any transaction (`req` without one): it never holds a lock while Stripe answers.
 */
export async function refundPayment(req: PayloadRequest, paymentId: number): Promise<Payment> {
  const payment = await findPayment(req, paymentId)
  if (payment.status === 'pending' && payment.checkoutSessionId) {
    await stripe()
      .checkout.sessions.expire(payment.checkoutSessionId)
      .catch(() => undefined) // already expired or completed: the webhook settles it
    return payment
  }
  // A failed payment with money behind it was paid after it had failed (a second or late payment).
  const hasMoney =
    payment.status === 'succeeded' || (payment.status === 'failed' && payment.stripePaymentId)
  if (!hasMoney) return payment
  if (!payment.stripePaymentId) {
    throw bookingError('NOTHING_TO_REFUND', 'This payment has no Stripe payment to refund.')
  }
  let refund
  try {
    refund = await stripe().refunds.create(
      { payment_intent: payment.stripePaymentId },
      { idempotencyKey: `refund:${payment.id}` },
    )
  } catch (error) {
    req.payload.logger.error({ err: error, paymentId }, 'refund failed')
    throw bookingError(
      'PAYMENT_PROVIDER_UNAVAILABLE',
      'The refund could not be made right now; please try again.',
    )
  }
  return req.payload.update({
    collection: 'payments',
    id: payment.id,
    data: { status: 'refunded', refundId: refund.id, refundedAt: new Date().toISOString() },
    overrideAccess: true,
    req,
  })
}
