import type { PayloadRequest } from 'payload'

import type { Registration } from '../../payload-types'
import { fullRefusal, paymentRequiredError } from './decide'
import { findEventToBook } from './event'
import { confirmFreshSeat } from './freshSeat'
import { bookInTransaction, lookUpBooking } from './lookUp'
import { moveRegistration } from './registrations'
import { singleTicketOf } from '../tickets/singleTicket'

/**
 * Registers someone for an event: confirmed while seats of a free event remain, on the waitlist
 * when it is full and they ask for it (free or paid; a paid seat is bought through checkout).
 */
export async function registerForEvent(
  req: PayloadRequest,
  { eventId, userId, joinWaitlist }: { eventId: number; userId: number; joinWaitlist: boolean },
): Promise<Registration> {
  const confirmed = await confirmFreshSeat(req, { eventId, userId, joinWaitlist })
  if (confirmed) return confirmed
  const { event, ticket } = await singleTicketOf(req, await findEventToBook(req, eventId))
  // A free seat lost to a racing request means the event is full now: join the waitlist.
  const options = { retryWhenFull: joinWaitlist, eventId: event.id }
  return bookInTransaction(req, options, async () => {
    const { existing, decision } = await lookUpBooking(req, event, userId)
    if ('refusal' in decision) throw decision.refusal
    const target = existing ?? { user: userId, event }
    const fresh = { registeredAt: new Date().toISOString(), holdExpiresAt: null, ...ticket }
    switch (decision.option) {
      case 'register':
        return moveRegistration(req, target, 'confirmed', fresh, event)
      case 'join_waitlist':
        if (!joinWaitlist) throw fullRefusal(existing)
        return moveRegistration(req, target, 'waitlisted', fresh, event)
      case 'checkout':
      case 'pay_held_seat':
        throw paymentRequiredError(event)
    }
  })
}
