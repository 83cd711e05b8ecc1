import type { Event, Registration } from '../../payload-types'
import { endsAt } from '../bookableEvent'
import { type BookingError, bookingError, eventFullError } from './errors'
import { holdIsLive } from './seats'

/** What a person may do about an event right now. */
export type BookingOption =
  /** A free seat of a free event: register, confirmed at once. */
  | 'register'
  /** A free seat of a paid event: hold it and pay through checkout. */
  | 'checkout'
  /** Their own live hold (an open checkout or a waitlist offer): pay for the held seat. */
  | 'pay_held_seat'
  /** No seat: they may join the waitlist. */
  | 'join_waitlist'

export type BookingDecision = { option: BookingOption } | { refusal: BookingError }

type BookingFacts = {
  event: Pick<Event, 'status' | 'price' | 'currency' | 'capacity' | 'startTime' | 'duration'>
  existing: Pick<Registration, 'status' | 'holdExpiresAt'> | undefined
  /** Seats taken, lapsed holds not counted. */
  seatsTaken: number
  now?: Date
}

/**
 * The one answer to "can this person book this event now", from facts read by the caller (quick
 * refusals read them without locks; the booking itself re-checks at the seat counter).
 */
export function decideBooking({
  event,
  existing,
  seatsTaken,
  now = new Date(),
}: BookingFacts): BookingDecision {
  if (event.status !== 'published') {
    const reason = event.status === 'cancelled' ? 'cancelled' : 'not_open'
    const message =
      reason === 'cancelled'
        ? 'This event was cancelled.'
        : 'This event is not open for registration.'
    return { refusal: bookingError('EVENT_NOT_BOOKABLE', message, { reason }) }
  }
  if (endsAt(event) <= now) {
    return {
      refusal: bookingError('EVENT_NOT_BOOKABLE', 'This event has already ended.', {
        reason: 'ended',
      }),
    }
  }
  if (existing?.status === 'confirmed') {
    return {
      refusal: bookingError('ALREADY_REGISTERED', 'You are already registered for this event.'),
    }
  }
  if (existing?.status === 'waitlisted') {
    return {
      refusal: bookingError('ON_WAITLIST', 'You are already on the waitlist for this event.'),
    }
  }
  if (holdIsLive(existing, now)) return { option: 'pay_held_seat' }
  if (seatsTaken >= event.capacity) return { option: 'join_waitlist' }
  return { option: event.price > 0 ? 'checkout' : 'register' }
}

/** The refusal for a full event: HOLD_EXPIRED for a person whose own hold just lapsed. */
export function fullRefusal(existing: Pick<Registration, 'status'> | undefined): BookingError {
  if (existing?.status === 'expired') {
    return bookingError(
      'HOLD_EXPIRED',
      'The seat held for you was released and the event is now full. You can join the waitlist.',
      { isFull: true, canJoinWaitlist: true },
    )
  }
  return eventFullError()
}

export const paymentRequiredError = (event: Pick<Event, 'price' | 'currency'>) =>
  bookingError(
    'PAYMENT_REQUIRED',
    'This is a paid event: buy a ticket with POST /api/payments/checkout.',
    { price: event.price, currency: event.currency },
  )
