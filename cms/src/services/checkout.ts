import { APIError, type PayloadRequest } from 'payload'

import { env } from '../env'
import type { Payment, Registration } from '../payload-types'
import { findBookableEvent } from './bookableEvent'
import { assertNotRegistered, eventFullError, findRegistration } from './registration'
import { countTakenSeats, holdIsLive } from './seats'
import { refuseWhenSoldOut } from './soldOut'
import { stripe } from './stripe'
import { inTransaction, lockEventRow } from './transaction'
import { RequestError } from '../lib/errors'

/** A pending paid registration holds its seat this long; the Checkout session expires with it. */
export const CHECKOUT_HOLD_MINUTES = 30

export type CheckoutStarted = { url: string; registration: Registration; payment: Payment }

/**
 * Holds a seat with a pending registration and payment, then opens a Stripe
 * Checkout session for it. Asking again while the hold lives returns the
 * same session.
 */
export async function startCheckout(
  req: PayloadRequest,
  eventId: number,
): Promise<CheckoutStarted> {
  const user = req.user!
  await refuseWhenSoldOut(req, { eventId, userId: user.id, isCheckout: true })
  const held = await inTransaction(req, async () => {
    await lockEventRow(req, eventId)
    const event = await findBookableEvent(req, eventId)
    if (event.price <= 0) {
      throw new RequestError('This event is free: register with POST /api/registrations.', 400)
    }
    const existing = await findRegistration(req, user.id, eventId)
    assertNotRegistered(existing)
    const hasLiveHold = holdIsLive(existing)
    if (hasLiveHold && existing!.payment) {
      const payment = await req.payload.findByID({
        collection: 'payments',
        id: typeof existing!.payment === 'object' ? existing!.payment.id : existing!.payment,
        depth: 0,
        overrideAccess: true,
        req,
      })
      if (payment.status === 'pending' && payment.checkoutSessionId) {
        return { event, registration: existing!, payment, isResumed: true }
      }
    }
    // A live hold (an unpaid checkout or a waitlist offer) already counts as a taken seat.
    if (!hasLiveHold && (await countTakenSeats(req, eventId)) >= event.capacity) {
      throw eventFullError()
    }
    const holdExpiresAt = hasLiveHold
      ? existing!.holdExpiresAt!
      : new Date(Date.now() + CHECKOUT_HOLD_MINUTES * 60_000).toISOString()
    const registrationData = {
      status: 'pending' as const,
      holdExpiresAt,
      registeredAt: existing?.registeredAt ?? new Date().toISOString(),
    }
    const registration = existing
      ? await req.payload.update({
          collection: 'registrations',
          id: existing.id,
          data: registrationData,
          overrideAccess: true,
          req,
        })
      : await req.payload.create({
          collection: 'registrations',
          data: { ...registrationData, user: user.id, event: eventId },
          overrideAccess: true,
          req,
        })
    const payment = await req.payload.create({
      collection: 'payments',
      data: {
        registration: registration.id,
        user: user.id,
        event: eventId,
        amount: event.price,
        currency: event.currency,
        status: 'pending',
      },
      overrideAccess: true,
      req,
    })
    const linked = await req.payload.update({
      collection: 'registrations',
      id: registration.id,
      data: { payment: payment.id },
      overrideAccess: true,
      req,
    })
    return { event, registration: linked, payment, isResumed: false }
  })

  if (held.isResumed) {
    const session = await stripe().checkout.sessions.retrieve(held.payment.checkoutSessionId!)
    if (session.url && session.status === 'open') {
      return { url: session.url, registration: held.registration, payment: held.payment }
    }
  }

  let session
  try {
    session = await stripe().checkout.sessions.create(
      {
        mode: 'payment',
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: held.event.currency.toLowerCase(),
              unit_amount: held.event.price,
              product_data: { name: held.event.title },
            },
          },
        ],
        customer_email: user.email,
        client_reference_id: String(held.payment.id),
        metadata: {
          paymentId: String(held.payment.id),
          registrationId: String(held.registration.id),
          eventId: String(held.event.id),
        },
        expires_at: Math.floor(new Date(held.registration.holdExpiresAt!).getTime() / 1000),
        success_url: `${env.SITE_URL}/checkout/success?session_id={CHECKOUT_SESSION_ID}`,
        cancel_url: `${env.SITE_URL}/checkout/cancelled?event=${encodeURIComponent(held.event.slug)}`,
      },
      { idempotencyKey: `checkout:${held.payment.id}` },
    )
  } catch (error) {
    req.payload.logger.error({ err: error, paymentId: held.payment.id }, 'checkout session failed')
    await releaseFailedCheckout(req, held.registration.id, held.payment.id)
    throw new APIError(
      'The payment provider is not reachable; please try again.',
      502,
      undefined,
      true,
    )
  }

  const payment = await req.payload.update({
    collection: 'payments',
    id: held.payment.id,
    data: { checkoutSessionId: session.id },
    overrideAccess: true,
    req,
  })
  return { url: session.url!, registration: held.registration, payment }
}

/** Gives the seat back when no Checkout session could be opened for it. */
async function releaseFailedCheckout(
  req: PayloadRequest,
  registrationId: number,
  paymentId: number,
) {
  await inTransaction(req, async () => {
    await req.payload.update({
      collection: 'payments',
      id: paymentId,
      data: { status: 'failed' },
      overrideAccess: true,
      req,
    })
    await req.payload.update({
      collection: 'registrations',
      id: registrationId,
      data: { status: 'cancelled', holdExpiresAt: null },
      overrideAccess: true,
      req,
    })
  })
}
