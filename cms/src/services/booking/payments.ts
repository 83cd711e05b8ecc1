import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'

import type { Event, Payment, Registration } from '../../payload-types'
import { idOf } from '../bookableEvent'
import { stripe } from '../stripe'
import { executeInTransaction, inTransaction } from '../transaction'
import { bookingError } from './errors'
import { slugs } from '../../plugin/settings'
import { table } from '../tables'

export async function createPendingPayment(
  req: PayloadRequest,
  {
    registration,
    user,
    event,
  }: { registration?: number; user: number; event: Pick<Event, 'id' | 'price' | 'currency'> },
): Promise<Payment> {
  return req.payload.create({
    collection: slugs.payments,
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
  req.payload.findByID({ collection: slugs.payments, id, depth: 0, overrideAccess: true, req })

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
    collection: slugs.payments,
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
    collection: slugs.payments,
    id: payment.id,
    data: {
      status: 'refunded',
      refundId: refund.id,
      refundedAt: new Date().toISOString(),
      refundedAmount: (payment.refundedAmount ?? 0) + refund.amount,
    },
    overrideAccess: true,
    req,
  })
}

/**
 * Refunds one ticket of an order: what that ticket cost (after its discount), as a partial refund
 * of the order's payment. The payment is `refunded` once every ticket of it is. A payment still
 * pending is handled as a whole (its session is expired). Safe to repeat per ticket.
 */
export async function refundTicket(
  req: PayloadRequest,
  paymentId: number,
  ticket: Pick<Registration, 'id' | 'price'>,
): Promise<Payment> {
  const payment = await findPayment(req, paymentId)
  if (payment.status !== 'succeeded') return refundPayment(req, paymentId)
  const amount = Math.min(
    ticket.price ?? payment.amount,
    payment.amount - (payment.refundedAmount ?? 0),
  )
  if (amount <= 0) return payment
  if (!payment.stripePaymentId) {
    throw bookingError('NOTHING_TO_REFUND', 'This payment has no Stripe payment to refund.')
  }
  let refund
  try {
    refund = await stripe().refunds.create(
      { payment_intent: payment.stripePaymentId, amount },
      { idempotencyKey: `refund:${payment.id}:ticket:${ticket.id}` },
    )
  } catch (error) {
    req.payload.logger.error({ err: error, paymentId }, 'ticket refund failed')
    throw bookingError(
      'PAYMENT_PROVIDER_UNAVAILABLE',
      'The refund could not be made right now; please try again.',
    )
  }
  // Two tickets of one order refunded at once add up: the payment's row is locked meanwhile.
  return inTransaction(req, async () => {
    await executeInTransaction(
      req,
      sql`SELECT id FROM ${table('payments')} WHERE id = ${payment.id} FOR UPDATE`,
    )
    const current = await findPayment(req, payment.id)
    const refundedAmount = (current.refundedAmount ?? 0) + refund.amount
    return req.payload.update({
      collection: slugs.payments,
      id: payment.id,
      data: {
        refundedAmount,
        refundId: refund.id,
        refundedAt: new Date().toISOString(),
        ...(refundedAmount >= current.amount ? { status: 'refunded' as const } : {}),
      },
      overrideAccess: true,
      req,
    })
  })
}
