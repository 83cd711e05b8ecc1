import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { publishSeat } from '../../../lib/realtimeBus'
import type { Registration } from '../../../payload-types'
import { slugs } from '../../../plugin/settings'

const idOf = (value: number | { id: number }) => (typeof value === 'object' ? value.id : value)

// The hooks run inside the write's transaction: if it is rolled back, what we
// told realtime would be wrong. Once it has settled, the stored row is told again.
const SETTLE_MS = 3_000

function tellAgainOnceSettled(req: PayloadRequest, eventId: number, userId: number) {
  const { payload } = req
  setTimeout(() => {
    payload
      .count({
        collection: slugs.registrations,
        where: {
          event: { equals: eventId },
          user: { equals: userId },
          status: { equals: 'confirmed' },
        },
        overrideAccess: true,
      })
      .then(({ totalDocs }) => publishSeat(req, eventId, userId, totalDocs > 0))
      .catch(() => undefined)
  }, SETTLE_MS).unref()
}

/** A confirmed registration opens the event's chat to its person; any other status closes it. */
export const publishSeatToChat: CollectionAfterChangeHook<Registration> = async ({
  doc,
  previousDoc,
  req,
}) => {
  // A claimed ticket opens the chat to its new holder; an unclaimed one to nobody yet.
  const isClaimed = Boolean(previousDoc && !previousDoc.user && doc.user)
  if (previousDoc?.status === doc.status && !isClaimed) return doc
  if (!doc.user) return doc
  const eventId = idOf(doc.event)
  const userId = idOf(doc.user)
  await publishSeat(req, eventId, userId, doc.status === 'confirmed')
  tellAgainOnceSettled(req, eventId, userId)
  return doc
}

export const closeSeatInChat: CollectionAfterDeleteHook<Registration> = async ({ doc, req }) => {
  if (!doc.user) return doc
  await publishSeat(req, idOf(doc.event), idOf(doc.user), false)
  return doc
}
