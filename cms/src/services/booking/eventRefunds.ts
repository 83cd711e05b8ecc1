import { createLocalReq, type Payload } from 'payload'

import { idOf } from '../bookableEvent'
import { inTransaction } from '../transaction'
import { findPayment, refundPayment } from './payments'
import { lockRegistration, moveRegistration } from './registrations'
import { slugs } from '../../plugin/settings'

/**
 * A cancelled event refunds every payer and cancels every registration still holding or waiting
 * for a seat. Safe to run again (the queue retries it): a refund is keyed per payment at Stripe
 * and done only for a succeeded payment, so each payer is refunded exactly once; a payment of
 * another event is never touched. The refund email goes out from the payments' outbox hook; the
 * event's own cancellation email replaces the per-registration one.
 */
export async function refundCancelledEvent(payload: Payload, eventId: number): Promise<number> {
  const event = await payload.findByID({ collection: slugs.events, id: eventId, depth: 0 })
  if (event.status !== 'cancelled') return 0
  const req = await createLocalReq({ context: { eventCancelled: true } }, payload)
  let refunded = 0
  for (;;) {
    const { docs } = await payload.find({
      collection: slugs.registrations,
      where: {
        and: [
          { event: { equals: eventId } },
          { status: { in: ['confirmed', 'pending', 'offered', 'waitlisted'] } },
        ],
      },
      sort: 'id',
      limit: 100,
      depth: 0,
      overrideAccess: true,
    })
    if (docs.length === 0) return refunded
    for (const registration of docs) {
      const paymentId = idOf(registration.payment)
      const status = paymentId ? (await findPayment(req, paymentId)).status : undefined
      // Money first: a refund that fails leaves the seat to the job's next attempt.
      if (paymentId && status === 'succeeded') {
        await refundPayment(req, paymentId)
        refunded++
      }
      await inTransaction(req, async () => {
        const current = await lockRegistration(req, registration.id)
        if (current.status === 'cancelled' || current.status === 'expired') return
        await moveRegistration(req, current, 'cancelled', { holdExpiresAt: null }, event)
      })
      // An open checkout is expired after its hold is cancelled: the expiry's webhook then finds
      // nothing to release (it used to race the cancel and leave the hold "expired"), and money
      // that still arrives is refunded like any payment for a seat no longer held.
      if (paymentId && status === 'pending') await refundPayment(req, paymentId)
    }
  }
}
