import { type PayloadRequest } from 'payload'
import type Stripe from 'stripe'

import { env } from '../env'
import type { Payment } from '../payload-types'
import { idOf } from './bookableEvent'
import { refundPayment } from './refunds'
import { countTakenSeats } from './seats'
import { stripe } from './stripe'
import { inTransaction, lockEventRow } from './transaction'
import { promoteFromWaitlist } from './waitlist'
import { RequestError } from '../lib/errors'

/** Signatures older than this are refused (Stripe's own default). */
export const WEBHOOK_TOLERANCE_SECONDS = 300

/** Checks the signature on the raw body; anything wrong is a 400 and changes nothing. */
export function verifyWebhook(rawBody: string, signature: string | null): Stripe.Event {
  if (!signature) throw new RequestError('Missing Stripe-Signature header.', 400)
  try {
    return stripe().webhooks.constructEvent(
      rawBody,
      signature,
      env.STRIPE_WEBHOOK_SECRET,
      WEBHOOK_TOLERANCE_SECONDS,
    )
  } catch {
    throw new RequestError('Invalid or expired Stripe signature.', 400)
  }
}

type Outcome = 'duplicate' | 'fulfilled' | 'failed' | 'ignored'

/**
 * Applies one verified Stripe event exactly once. The event id is recorded in
 * the same transaction as its effect, so a redelivery is a no-op and a failure
 * records nothing (Stripe retries it).
 */
export async function handleStripeEvent(
  req: PayloadRequest,
  event: Stripe.Event,
): Promise<Outcome> {
  const seen = await req.payload.count({
    collection: 'stripe-events',
    where: { stripeEventId: { equals: event.id } },
    overrideAccess: true,
  })
  if (seen.totalDocs > 0) return 'duplicate'

  const session = event.type.startsWith('checkout.session.')
    ? (event.data.object as Stripe.Checkout.Session)
    : undefined
  const paymentId = Number(session?.metadata?.paymentId)

  const outcome = await inTransaction(req, async (): Promise<Outcome> => {
    let result: Outcome = 'ignored'
    if (session && Number.isInteger(paymentId) && paymentId > 0) {
      const payment = await req.payload
        .findByID({ collection: 'payments', id: paymentId, depth: 0, overrideAccess: true, req })
        .catch(() => null)
      if (!payment) throw new RequestError(`Unknown payment ${paymentId}.`, 422)
      await lockEventRow(req, idOf(payment.event)!)
      if (
        (event.type === 'checkout.session.completed' && session.payment_status === 'paid') ||
        event.type === 'checkout.session.async_payment_succeeded'
      ) {
        result = await fulfil(req, payment, session)
      } else if (
        event.type === 'checkout.session.expired' ||
        event.type === 'checkout.session.async_payment_failed'
      ) {
        result = await release(req, payment)
      }
    }
    await req.payload.create({
      collection: 'stripe-events',
      data: { stripeEventId: event.id, type: event.type },
      overrideAccess: true,
      req,
    })
    return result
  })
  return outcome
}

async function fulfil(
  req: PayloadRequest,
  payment: Payment,
  session: Stripe.Checkout.Session,
): Promise<Outcome> {
  if (payment.status === 'succeeded' || payment.status === 'refunded') return 'duplicate'
  const registration = await req.payload.findByID({
    collection: 'registrations',
    id: idOf(payment.registration)!,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const paymentIntent =
    typeof session.payment_intent === 'string' ? session.payment_intent : session.payment_intent?.id
  await req.payload.update({
    collection: 'payments',
    id: payment.id,
    data: { status: 'succeeded', stripePaymentId: paymentIntent, paidAt: new Date().toISOString() },
    overrideAccess: true,
    req,
  })
  const holdIsLive =
    registration.status === 'pending' &&
    registration.holdExpiresAt !== null &&
    registration.holdExpiresAt !== undefined &&
    new Date(registration.holdExpiresAt) > new Date()
  const event = await req.payload.findByID({
    collection: 'events',
    id: idOf(registration.event)!,
    depth: 0,
    overrideAccess: true,
    req,
  })
  // Paid after the hold lapsed (or after expiry was processed): confirm only if a seat is still free.
  const hasSeat = holdIsLive || (await countTakenSeats(req, event.id)) < event.capacity
  if (registration.status === 'confirmed') return 'duplicate'
  if (!hasSeat) {
    // Paid after the seat was gone: refund in full. Inside the transaction, so a
    // failed refund records nothing and Stripe's retry tries again (idempotently).
    await refundPayment(req, payment.id)
    await req.payload.update({
      collection: 'registrations',
      id: registration.id,
      data: { status: 'cancelled', holdExpiresAt: null },
      overrideAccess: true,
      req,
    })
    return 'failed'
  }
  await req.payload.update({
    collection: 'registrations',
    id: registration.id,
    data: { status: 'confirmed', holdExpiresAt: null, payment: payment.id },
    overrideAccess: true,
    req,
  })
  return 'fulfilled'
}

async function release(req: PayloadRequest, payment: Payment): Promise<Outcome> {
  if (payment.status !== 'pending') return 'duplicate'
  await req.payload.update({
    collection: 'payments',
    id: payment.id,
    data: { status: 'failed' },
    overrideAccess: true,
    req,
  })
  const registration = await req.payload.findByID({
    collection: 'registrations',
    id: idOf(payment.registration)!,
    depth: 0,
    overrideAccess: true,
    req,
  })
  if (registration.status !== 'pending' || idOf(registration.payment) !== payment.id)
    return 'failed'
  await req.payload.update({
    collection: 'registrations',
    id: registration.id,
    data: { status: 'cancelled', holdExpiresAt: null },
    overrideAccess: true,
    req,
  })
  const event = await req.payload.findByID({
    collection: 'events',
    id: idOf(registration.event)!,
    depth: 0,
    overrideAccess: true,
    req,
  })
  await promoteFromWaitlist(req, event)
  return 'failed'
}
