import type { PayloadRequest } from 'payload'
import type Stripe from 'stripe'

import { idOf } from '../../bookableEvent'
import { inTransaction } from '../../transaction'
import { findPayment } from '../payments'
import { lockRegistration, moveRegistration } from '../registrations'
import { offerFreeSeats } from '../waitlist'
import { lockOtherTickets } from '../../tickets/group'
import { recordEvent, type Outcome } from './record'
import { logMismatch, matchSession } from './session'
import { slugs } from '../../../plugin/settings'

/**
 * A Checkout session ended unpaid (expired, or its delayed payment failed), as Stripe itself
 * says: the payment fails, and a checkout hold gives its seat to the waitlist. A waitlist offer
 * keeps its seat until the offer's own deadline, so its holder can try again.
 */
export async function releaseSession(
  req: PayloadRequest,
  event: Stripe.Event,
  claimed: Stripe.Checkout.Session,
  hasEnded: (session: Stripe.Checkout.Session) => boolean,
): Promise<Outcome> {
  const match = await matchSession(req, claimed)
  if ('mismatch' in match || !hasEnded(match.session)) {
    logMismatch(req, event, 'mismatch' in match ? match.mismatch : 'session still open at Stripe')
    await recordEvent(req, event)
    return 'ignored'
  }
  const { payment } = match
  return inTransaction(req, async () => {
    const registration = await lockRegistration(req, idOf(payment.registration)!)
    const others = await lockOtherTickets(req, payment.id, registration.id)
    const current = await findPayment(req, payment.id)
    if (current.status !== 'pending') {
      await recordEvent(req, event)
      return 'duplicate'
    }
    await req.payload.update({
      collection: slugs.payments,
      id: payment.id,
      data: { status: 'failed' },
      overrideAccess: true,
      req,
    })
    if (registration.status === 'pending' && idOf(registration.payment) === payment.id) {
      const seatEvent = await req.payload.findByID({
        collection: slugs.events,
        id: idOf(registration.event)!,
        depth: 0,
        overrideAccess: true,
        req,
      })
      await moveRegistration(req, registration, 'expired', { holdExpiresAt: null }, seatEvent)
      // The order's other tickets (a group) lapse with it.
      for (const other of others) {
        if (other.status !== 'pending') continue
        await moveRegistration(req, other, 'expired', { holdExpiresAt: null }, seatEvent)
      }
      await offerFreeSeats(req, seatEvent)
    }
    await recordEvent(req, event)
    return 'failed'
  })
}
