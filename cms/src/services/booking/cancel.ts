import type { PayloadRequest } from 'payload'

import { checkRole } from '../../access/checkRole'
import type { CancellationQuote, CancellationResult } from '../../contract/booking'
import type { Event, Registration } from '../../payload-types'
import { idOf } from '../bookableEvent'
import { inTransaction } from '../transaction'
import { bookingError } from './errors'
import { findPayment, refundPayment, refundTicket } from './payments'
import { refundDeadline, refundOutcome } from './refundPolicy'
import { lockRegistration, moveRegistration } from './registrations'
import { lockSeatCounter } from './seats'
import { offerFreeSeats } from './waitlist'
import { slugs } from '../../plugin/settings'

type Visible = { registration: Registration; event: Event; isPrivileged: boolean }

/**
 * The registration as its owner, the event's organizer or an admin sees it; 404 for anyone else
 * (another person's registration does not exist for them).
 */
async function findCancellable(req: PayloadRequest, id: number): Promise<Visible> {
  const registration = await req.payload
    .findByID({
      collection: slugs.registrations,
      id,
      depth: 1,
      overrideAccess: false,
      user: req.user,
      req,
    })
    .catch(() => null)
  const event = registration && typeof registration.event === 'object' ? registration.event : null
  if (!registration || !event) {
    throw bookingError('REGISTRATION_NOT_FOUND', 'No such registration.')
  }
  // The holder, or the buyer of a ticket they bought for someone else.
  const isOwner =
    idOf(registration.user) === req.user!.id || idOf(registration.buyer) === req.user!.id
  const isOrganizer = idOf(event.organizer) === req.user!.id
  const isAdmin = checkRole(['admin'], req.user)
  if (!isOwner && !isOrganizer && !isAdmin) {
    throw bookingError('NOT_ALLOWED', 'You cannot cancel this registration.')
  }
  // An organizer cancelling their own ticket to someone else's event is an attendee like any other.
  return { registration, event, isPrivileged: isAdmin || isOrganizer }
}

async function quote(req: PayloadRequest, visible: Visible): Promise<CancellationQuote> {
  const paymentId = idOf(visible.registration.payment)
  const payment = paymentId ? await findPayment(req, paymentId) : undefined
  // A ticket of an order is refunded what it cost, not the whole order.
  const ticketPrice = visible.registration.price
  const refund = refundOutcome({
    event: visible.event,
    payment:
      payment && typeof ticketPrice === 'number' ? { ...payment, amount: ticketPrice } : payment,
    isPrivileged: visible.isPrivileged,
  })
  return {
    registration: visible.registration.id,
    refund,
    refundDeadline:
      payment?.status === 'succeeded' ? refundDeadline(visible.event).toISOString() : null,
  }
}

/** What cancelling now would do to the money, for the site to say before the person confirms. */
export async function quoteCancellation(
  req: PayloadRequest,
  id: number,
): Promise<CancellationQuote> {
  const visible = await findCancellable(req, id)
  if (visible.registration.status === 'cancelled') {
    throw bookingError('ALREADY_CANCELLED', 'This registration is already cancelled.')
  }
  return quote(req, visible)
}

/**
 * Cancels a registration (the row stays), refunds it when the policy allows, and gives the seat
 * to the waitlist. With `requireRefund` an attendee past the refund deadline is refused with
 * REFUND_NOT_ALLOWED and nothing changes; without it they are cancelled with no refund. Organizers
 * and admins always refund. The refund is made first, outside the transaction: a Stripe failure
 * (502) leaves the registration as it was.
 */
export async function cancelRegistration(
  req: PayloadRequest,
  id: number,
  { requireRefund = false }: { requireRefund?: boolean } = {},
): Promise<CancellationResult & { doc: Registration }> {
  const visible = await findCancellable(req, id)
  if (visible.registration.status === 'cancelled') {
    throw bookingError('ALREADY_CANCELLED', 'This registration is already cancelled.')
  }
  const answer = await quote(req, visible)
  if (answer.refund.kind === 'no_refund_past_deadline' && requireRefund) {
    throw bookingError(
      'REFUND_NOT_ALLOWED',
      'Refunds for this event ended at its refund deadline; you can still cancel without one.',
      { refundDeadline: answer.refund.refundDeadline },
    )
  }
  const paymentId = idOf(visible.registration.payment)
  if (paymentId && answer.refund.kind !== 'no_refund_past_deadline') {
    if (typeof visible.registration.price === 'number') {
      await refundTicket(req, paymentId, visible.registration)
    } else {
      await refundPayment(req, paymentId)
    }
  }
  const doc = await inTransaction(req, async () => {
    // The seat counter before the registration, the order offerFreeSeats locks in (counter, then
    // the waitlisted rows it offers to): cancelling a waitlisted person while another cancel
    // offers them the seat used to deadlock, each holding what the other waited for.
    await lockSeatCounter(req, visible.event.id)
    const current = await lockRegistration(req, id)
    if (current.status === 'cancelled') {
      throw bookingError('ALREADY_CANCELLED', 'This registration is already cancelled.')
    }
    const cancelled = await moveRegistration(
      req,
      current,
      'cancelled',
      { holdExpiresAt: null },
      visible.event,
    )
    await offerFreeSeats(req, visible.event)
    return cancelled
  })
  const message =
    answer.refund.kind === 'refund'
      ? 'Your registration is cancelled and your payment is refunded.'
      : answer.refund.kind === 'no_refund_past_deadline'
        ? 'Your registration is cancelled. It was past the refund deadline, so there is no refund.'
        : 'Your registration is cancelled.'
  return { ...answer, doc, message }
}
