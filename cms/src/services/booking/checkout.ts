import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import type Stripe from 'stripe'

import type { Payment, Registration } from '../../payload-types'
import { idOf } from '../bookableEvent'
import { stripe } from '../stripe'
import { executeInTransaction, inTransaction, runSql } from '../transaction'
import { fullRefusal } from './decide'
import { bookingError } from './errors'
import { findEventToBook } from './event'
import { type BookingEvent, holdFreshSeat } from './freshSeat'
import { bookInTransaction, lookUpBooking } from './lookUp'
import { createPendingPayment, findPayment } from './payments'
import { lockRegistration, moveRegistration } from './registrations'
import { settings, slugs } from '../../plugin/settings'
import { singleTicketOf } from '../tickets/singleTicket'
import { table } from '../tables'

/** A pending paid registration holds its seat this long; the Checkout session expires with it. */
export const CHECKOUT_HOLD_MINUTES = 30
/** Stripe refuses Checkout sessions that expire sooner than 30 minutes after creation. */
const MIN_SESSION_MINUTES = 31

export type CheckoutStarted = { url: string; registration: Registration; payment: Payment }

type Held = {
  event: BookingEvent
  registration: Registration
  payment: Payment
  /** The hold existed before this request (an open checkout, a waitlist offer): keep it on failure. */
  isExistingHold: boolean
}

/**
 * Holds a seat with a pending registration and payment (or uses the person's own hold: an open
 * checkout, a waitlist offer), then opens a Stripe Checkout session for it outside the
 * transaction. One payment per hold and a Stripe idempotency key per registration and payment:
 * a double click gets the same session.
 */
export async function startCheckout(
  req: PayloadRequest,
  eventId: number,
): Promise<CheckoutStarted> {
  const user = req.user!
  const holdExpiresAt = () => new Date(Date.now() + CHECKOUT_HOLD_MINUTES * 60_000).toISOString()
  const fresh = await holdFreshSeat(req, { eventId, userId: user.id }, holdExpiresAt)
  const held = fresh
    ? { ...fresh, isExistingHold: false }
    : await holdSeat(req, eventId, holdExpiresAt)

  if (held.payment.checkoutSessionId) {
    const session = await stripe()
      .checkout.sessions.retrieve(held.payment.checkoutSessionId)
      .catch(() => null)
    if (session?.status === 'open' && session.url) {
      return { url: session.url, registration: held.registration, payment: held.payment }
    }
    if (session?.status === 'complete') {
      throw bookingError('ALREADY_REGISTERED', 'This ticket is paid; it is being confirmed.')
    }
  }

  let session: Stripe.Checkout.Session
  try {
    session = await openSession(held, user.email)
  } catch (error) {
    req.payload.logger.error({ err: error, paymentId: held.payment.id }, 'checkout session failed')
    await releaseFailedCheckout(req, held)
    throw bookingError(
      'PAYMENT_PROVIDER_UNAVAILABLE',
      'The payment provider is not reachable; please try again.',
    )
  }
  // One UPDATE on the pool rather than a Payload update with its own transaction and re-reads:
  // the session id is bookkeeping (no status moves, no hook has anything to do).
  await runSql(
    req,
    sql`UPDATE ${table('payments')} SET checkout_session_id = ${session.id}, updated_at = now()
        WHERE id = ${held.payment.id}`,
  )
  const payment = { ...held.payment, checkoutSessionId: session.id }
  return { url: session.url!, registration: held.registration, payment }
}

/**
 * The full path of a hold (freshSeat.ts takes the common case in one statement): the person's own
 * hold (an open checkout, a waitlist offer) or a new one, under the event's booking transaction.
 */
async function holdSeat(
  req: PayloadRequest,
  eventId: number,
  holdExpiresAt: () => string,
): Promise<Held> {
  const userId = req.user!.id
  const { event, ticket } = await singleTicketOf(req, await findEventToBook(req, eventId))
  return bookInTransaction(req, { eventId: event.id }, async (): Promise<Held> => {
    const { existing, decision } = await lookUpBooking(req, event, userId)
    if ('refusal' in decision) throw decision.refusal
    switch (decision.option) {
      case 'register':
        throw bookingError(
          'EVENT_IS_FREE',
          'This event is free: register with POST /api/registrations.',
        )
      case 'join_waitlist':
        throw fullRefusal(existing)
      case 'pay_held_seat': {
        const current = existing!
        const open = idOf(current.payment)
        const payment = open ? await findPayment(req, open) : undefined
        if (payment?.status === 'pending') {
          return { event, registration: current, payment, isExistingHold: true }
        }
        const renewed = await createPendingPayment(req, {
          registration: current.id,
          user: userId,
          event,
        })
        const registration = await req.payload.update({
          collection: slugs.registrations,
          id: current.id,
          data: { payment: renewed.id },
          overrideAccess: true,
          req,
        })
        return { event, registration, payment: renewed, isExistingHold: true }
      }
      case 'checkout': {
        const payment = await createPendingPayment(req, { user: userId, event })
        // The seat is taken by this write (the counter's lock lasts from here to the commit).
        const registration = await moveRegistration(
          req,
          existing ?? { user: userId, event },
          'pending',
          {
            holdExpiresAt: holdExpiresAt(),
            payment: payment.id,
            registeredAt: new Date().toISOString(),
            ...ticket,
          },
          event,
        )
        // Linking back is one UPDATE, not Payload's update (re-read, hooks, re-read): it runs
        // while this booking holds the seat counter's lock, and changes no status.
        await executeInTransaction(
          req,
          sql`UPDATE ${table('payments')} SET registration_id = ${registration.id}, updated_at = now()
            WHERE id = ${payment.id}`,
        )
        const linked = { ...payment, registration: registration.id }
        return { event, registration, payment: linked, isExistingHold: false }
      }
    }
  })
}

function openSession({ event, registration, payment }: Held, email: string) {
  const holdEnds = new Date(registration.holdExpiresAt!).getTime()
  // From the payment's own time, not now: a double click opens its session with the same key and
  // must send the same parameters, or Stripe refuses the second request as a different one.
  // (A payment older than a minute gets a session from now: Stripe's 30 minutes count from now.)
  const fromPayment = new Date(payment.createdAt).getTime() + MIN_SESSION_MINUTES * 60_000
  const fromNow = Date.now() + MIN_SESSION_MINUTES * 60_000
  const expiresAt = Math.max(holdEnds, fromPayment >= fromNow - 60_000 ? fromPayment : fromNow)
  return stripe().checkout.sessions.create(
    {
      mode: 'payment',
      line_items: [
        {
          quantity: 1,
          price_data: {
            currency: payment.currency.toLowerCase(),
            unit_amount: payment.amount,
            product_data: { name: event.title },
          },
        },
      ],
      customer_email: email,
      client_reference_id: String(payment.id),
      metadata: {
        paymentId: String(payment.id),
        registrationId: String(registration.id),
        eventId: String(event.id),
      },
      expires_at: Math.floor(expiresAt / 1000),
      success_url: `${settings.siteUrl}/checkout/success?session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: `${settings.siteUrl}/checkout/cancelled?event=${encodeURIComponent(event.slug)}`,
    },
    // One session per registration's payment, however often the buyer clicks.
    { idempotencyKey: `checkout:${registration.id}:${payment.id}` },
  )
}

/**
 * No Checkout session could be opened: the payment failed. A hold made by this request gives its
 * seat back; a hold the person had before (a waitlist offer) is kept for them to try again.
 */
async function releaseFailedCheckout(req: PayloadRequest, held: Held) {
  await inTransaction(req, async () => {
    await req.payload.update({
      collection: slugs.payments,
      id: held.payment.id,
      data: { status: 'failed' },
      overrideAccess: true,
      req,
    })
    if (held.isExistingHold) return
    const current = await lockRegistration(req, held.registration.id)
    if (current.status !== 'pending' || idOf(current.payment) !== held.payment.id) return
    await moveRegistration(req, current, 'expired', { holdExpiresAt: null }, held.event)
  })
}
