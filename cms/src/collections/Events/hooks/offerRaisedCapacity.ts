import type { CollectionAfterChangeHook } from 'payload'

import type { Event } from '../../../payload-types'
import { offerFreeSeats } from '../../../services/booking'

/** Raising a published event's capacity offers the new seats to its waitlist, in the same write. */
export const offerRaisedCapacity: CollectionAfterChangeHook<Event> = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  const isRaised = operation === 'update' && doc.capacity > (previousDoc?.capacity ?? doc.capacity)
  if (isRaised && doc.status === 'published') await offerFreeSeats(req, doc)
  return doc
}
