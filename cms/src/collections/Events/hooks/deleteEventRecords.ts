import type { CollectionBeforeDeleteHook } from 'payload'

import { RequestError } from '../../../lib/errors'
import { slugs } from '../../../plugin/settings'

export const EVENT_HAS_REGISTRATIONS = 'EVENT_HAS_REGISTRATIONS'

/**
 * An event people registered or paid for is cancelled, not deleted (their
 * refunds and emails hang on it): 409 with the reason. Otherwise its chat,
 * moderation log, campaigns and attendance go with it, in the same transaction.
 */
export const deleteEventRecords: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const ofEvent = { event: { equals: id } }
  for (const collection of [slugs.registrations, slugs.payments]) {
    const { totalDocs } = await req.payload.count({
      collection,
      where: ofEvent,
      overrideAccess: true,
      req,
    })
    if (totalDocs > 0) {
      throw new RequestError(
        'People registered for this event: cancel it instead (they are told and refunded).',
        409,
        { code: EVENT_HAS_REGISTRATIONS },
      )
    }
  }
  // Through Payload, so each message takes its votes with it.
  await req.payload.delete({
    collection: slugs.chatMessages,
    where: ofEvent,
    overrideAccess: true,
    req,
  })
  for (const collection of [
    slugs.chatModerationActions,
    slugs.campaigns,
    slugs.attendance,
    slugs.sessionStars,
    slugs.sessions,
  ]) {
    await req.payload.db.deleteMany({ collection, where: ofEvent, req })
  }
}
