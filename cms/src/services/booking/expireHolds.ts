import { createLocalReq, type Payload } from 'payload'

import { idOf } from '../bookableEvent'
import { inTransaction } from '../transaction'
import { lapsedHolds } from './seats'
import { reclaimLapsedHolds } from './waitlist'
import { slugs } from '../../plugin/settings'

/**
 * Finds the events with lapsed holds (unpaid checkouts, unanswered waitlist offers) and, per
 * event, expires them and offers their seats to the next people waiting, with the event's seat
 * counter locked. Run by a repeatable job; bookings that find a full event do the same at once.
 */
export async function expireLapsedHolds(payload: Payload, now = new Date()): Promise<number> {
  const { docs } = await payload.find({
    collection: slugs.registrations,
    where: lapsedHolds(now),
    limit: 1000,
    depth: 0,
    select: { event: true },
    overrideAccess: true,
  })
  const eventIds = [...new Set(docs.map((doc) => idOf(doc.event)!))]
  let expired = 0
  for (const eventId of eventIds) {
    const req = await createLocalReq({}, payload)
    const event = await payload.findByID({ collection: slugs.events, id: eventId, depth: 0 })
    expired += await inTransaction(req, () => reclaimLapsedHolds(req, event))
  }
  return expired
}
