import type { PayloadRequest } from 'payload'
import type Stripe from 'stripe'

import type { Payment, Registration } from '../../../payload-types'
import { idOf } from '../../bookableEvent'
import { inTransaction } from '../../transaction'
import { findPayment, refundPayment } from '../payments'
import { lockRegistration, moveRegistration } from '../registrations'
import { lockSeatCounter, seatsTaken } from '../seats'
import { HOLDS } from '../transitions'
import { lockOtherTickets } from '../../tickets/group'
import { recordEvent, type Outcome } from './record'
import { logMismatch, matchSession } from './session'
import { slugs } from '../../../plugin/settings'

/**
 * Confirms the registration a matching, paid Checkout session paid for. Money no seat wants (a
 * failed payment paid after all, a second payment of a confirmed registration, a payment after
 * the seat went to someone else) is refunded in full in the same transaction: a failed refund
 * records nothing and Stripe's retry tries again (idempotently).
 */
export async function fulfilSession(
  req: PayloadRequest,
  event: Stripe.Event,
  claimed: Stripe.Checkout.Session,
): Promise<Outcome> {
  const match = await matchSession(req, claimed)
  if ('mismatch' in match || match.session.payment_status !== 'paid') {
    logMismatch(req, event, 'mismatch' in match ? match.mismatch : 'not paid at Stripe')
    await recordEvent(req, event)
    return 'ignored'
  }
  const { payment, session } = match
  const intent =
    typeof session.payment_intent === 'string' ? session.payment_intent : session.payment_intent?.id
  return inTransaction(req, async () => {
    const registration = await lockRegistration(req, idOf(payment.registration)!)
    const others = await lockOtherTickets(req, payment.id, registration.id)
    const current = await findPayment(req, payment.id)
    const outcome = await settle(req, registration, current, intent, others)
    await recordEvent(req, event)
    return outcome
  })
}

async function settle(
  req: PayloadRequest,
  registration: Registration,
  payment: Payment,
  intent: string | undefined,
  /** The order's other tickets: a group is confirmed whole, or refunded whole. */
  others: Registration[] = [],
): Promise<Outcome> {
  if (payment.status === 'succeeded' || payment.status === 'refunded') return 'duplicate'
  const paid = { stripePaymentId: intent, paidAt: new Date().toISOString() }
  const setPayment = (status: 'succeeded' | 'failed') =>
    req.payload.update({
      collection: slugs.payments,
      id: payment.id,
      data: { ...paid, status },
      depth: 0, // ids only: nothing here reads the populated registration, user or event
      overrideAccess: true,
      req,
    })
  const giveBack = async (): Promise<Outcome> => {
    await setPayment('failed')
    await refundPayment(req, payment.id)
    return 'failed'
  }
  // Never fulfilled from failed; a registration paid twice keeps the first payment.
  if (payment.status === 'failed' || registration.status === 'confirmed') return giveBack()
  const isGroupHeld = [registration, ...others].every((ticket) => HOLDS.includes(ticket.status))
  if (others.length > 0 && !isGroupHeld) return giveBack()

  const event = await req.payload.findByID({
    collection: slugs.events,
    id: idOf(registration.event)!,
    depth: 0,
    overrideAccess: true,
    req,
  })
  if (event.status === 'cancelled') return giveBack()
  // A hold (live or lapsed but not yet expired) still owns its seat; an expired or cancelled
  // registration is confirmed only if a seat is free, with the counter locked while we look.
  const ownsSeat = HOLDS.includes(registration.status)
  const hasSeat =
    ownsSeat ||
    ((await seatsTaken(req, event.id)) < event.capacity &&
      (await lockSeatCounter(req, event.id)) < event.capacity)
  if (!hasSeat) return giveBack()

  const previous = idOf(registration.payment)
  if (previous && previous !== payment.id) {
    const other = await findPayment(req, previous)
    if (other.status === 'pending') {
      await req.payload.update({
        collection: slugs.payments,
        id: other.id,
        data: { status: 'failed' },
        overrideAccess: true,
        req,
      })
    }
  }
  await setPayment('succeeded')
  await moveRegistration(
    req,
    registration,
    'confirmed',
    { holdExpiresAt: null, payment: payment.id },
    event,
  )
  for (const other of others) {
    await moveRegistration(req, other, 'confirmed', { holdExpiresAt: null }, event)
  }
  return 'fulfilled'
}
