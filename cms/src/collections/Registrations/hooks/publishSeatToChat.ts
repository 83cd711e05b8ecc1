import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { afterCommit } from '../../../jobs/afterCommit'
import { publishSeat } from '../../../lib/realtimeBus'
import type { Registration } from '../../../payload-types'

const idOf = (value: number | { id: number }) => (typeof value === 'object' ? value.id : value)

/**
 * A confirmed registration opens the event's chat to its person; any other status closes it.
 * Told once the write has committed: realtime never hears of a seat a rollback took back, and the
 * Redis round trip is not made while the booking transaction holds its connection (this replaced
 * a publish inside the transaction plus a re-read of the row 3 s later, per registration).
 */
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
  const isAllowed = doc.status === 'confirmed'
  // The answer waits: a person who just registered joins the chat next, and must be let in.
  await afterCommit(
    req,
    `seat of user ${userId} in event ${eventId}`,
    () => publishSeat(req, eventId, userId, isAllowed),
    { beforeAnswer: true },
  )
  return doc
}

export const closeSeatInChat: CollectionAfterDeleteHook<Registration> = async ({ doc, req }) => {
  const user = doc.user
  if (!user) return doc
  await afterCommit(
    req,
    `seat of user ${idOf(user)}`,
    () => publishSeat(req, idOf(doc.event), idOf(user), false),
    { beforeAnswer: true },
  )
  return doc
}
