import type { PayloadRequest } from 'payload'

import type { Event } from '../payload-types'
import { countTakenSeats } from './seats'

/** How long a promoted attendee of a paid event has to pay before the seat passes on. */
export const WAITLIST_OFFER_HOURS = 24

/**
 * Fills free seats from the waitlist, oldest first. Free events confirm at
 * once; paid events get a pending registration holding the seat for the
 * offer window. Runs inside the caller's transaction, with the event locked.
 * The email is sent by the registration hooks that watch status changes.
 */
export async function promoteFromWaitlist(req: PayloadRequest, event: Event): Promise<number[]> {
  const promoted: number[] = []
  let free = event.capacity - (await countTakenSeats(req, event.id))
  while (free > 0) {
    const { docs } = await req.payload.find({
      collection: 'registrations',
      where: { and: [{ event: { equals: event.id } }, { status: { equals: 'waitlisted' } }] },
      sort: ['registeredAt', 'id'],
      limit: 1,
      depth: 0,
      overrideAccess: true,
      req,
    })
    const next = docs[0]
    if (!next) break
    const isPaid = event.price > 0
    await req.payload.update({
      collection: 'registrations',
      id: next.id,
      data: isPaid
        ? {
            status: 'pending',
            holdExpiresAt: new Date(Date.now() + WAITLIST_OFFER_HOURS * 3600_000).toISOString(),
          }
        : { status: 'confirmed', holdExpiresAt: null },
      overrideAccess: true,
      req,
    })
    promoted.push(next.id)
    free--
  }
  return promoted
}
