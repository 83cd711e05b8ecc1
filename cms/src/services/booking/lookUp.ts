import { ValidationError, type PayloadRequest } from 'payload'

import type { Event, Registration } from '../../payload-types'
import { inTransaction, PG_ERROR, pgErrorCode } from '../transaction'
import { decideBooking, type BookingDecision } from './decide'
import { eventFullError } from './errors'
import { inEventQueue } from './eventQueue'
import { findRegistration, lockRegistration } from './registrations'
import { countLapsedHolds, seatsTaken } from './seats'
import { reclaimLapsedHolds } from './waitlist'

export type BookingLookUp = { existing: Registration | undefined; decision: BookingDecision }

/**
 * Inside a booking transaction: the person's registration (its row locked) and what they may do
 * now. A full event with lapsed holds gets them expired and offered to the waitlist first, so a
 * freed seat goes to the people waiting before a newcomer.
 */
export async function lookUpBooking(
  req: PayloadRequest,
  event: Event,
  userId: number,
): Promise<BookingLookUp> {
  const found = await findRegistration(req, userId, event.id)
  let existing = found ? await lockRegistration(req, found.id) : undefined
  const decide = async () =>
    decideBooking({ event, existing, seatsTaken: await seatsTaken(req, event.id) })
  let decision = await decide()
  const isFull = 'option' in decision && decision.option === 'join_waitlist'
  if (isFull && (await countLapsedHolds(req, event.id)) > 0) {
    await reclaimLapsedHolds(req, event)
    if (existing) existing = await lockRegistration(req, existing.id)
    decision = await decide()
  }
  return { existing, decision }
}

/**
 * Outside any transaction: EVENT_FULL for a newcomer to a full event with no lapsed hold to
 * reclaim, so the refusals of a rush need no booking slot (eventQueue.ts). Anything else (their
 * own registration, a hold to reclaim) is left to the booking transaction.
 */
export async function refuseNewcomerWhenFull(
  req: PayloadRequest,
  event: Pick<
    Event,
    'id' | 'status' | 'price' | 'currency' | 'capacity' | 'startTime' | 'duration'
  >,
  userId: number,
): Promise<void> {
  const decision = decideBooking({
    event,
    existing: undefined,
    seatsTaken: await seatsTaken(req, event.id),
  })
  if (!('option' in decision) || decision.option !== 'join_waitlist') return
  const [existing, lapsed] = await Promise.all([
    findRegistration(req, userId, event.id),
    countLapsedHolds(req, event.id),
  ])
  if (!existing && lapsed === 0) throw eventFullError()
}

/**
 * Runs a booking transaction for `eventId`'s seats, once more when it lost a race it can win on a
 * second look: two first bookings of one person at once (the unique registration) or, for
 * `retryWhenFull`, the last seat taken between its count and its write. It waits for one of the
 * event's writer slots first (eventQueue.ts), so a rush queues here instead of on the pool.
 */
export async function bookInTransaction<T>(
  req: PayloadRequest,
  { retryWhenFull = false, eventId }: { retryWhenFull?: boolean; eventId: number },
  work: () => Promise<T>,
): Promise<T> {
  return inEventQueue(eventId, async () => {
    try {
      return await inTransaction(req, work)
    } catch (error) {
      const isDuplicate = error instanceof ValidationError
      const lostSeat =
        retryWhenFull && (error as { data?: { code?: string } })?.data?.code === 'EVENT_FULL'
      // Ended by Postgres to break a deadlock with the rush path's statement (seatBatches.ts).
      const wasDeadlocked = pgErrorCode(error) === PG_ERROR.deadlockDetected
      if (!isDuplicate && !lostSeat && !wasDeadlocked) throw error
      return inTransaction(req, work)
    }
  })
}
