import type { CollectionAfterChangeHook } from 'payload'

import type { Event } from '../../../payload-types'

/** Sessions show their times in their event's zone: a new zone reaches them at once. */
export const keepSessionsInZone: CollectionAfterChangeHook<Event> = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  if (operation !== 'update' || previousDoc?.timezone === doc.timezone) return doc
  await req.payload.db.updateMany({
    collection: 'sessions',
    where: { event: { equals: doc.id } },
    data: { timezone: doc.timezone },
    req,
  })
  return doc
}
