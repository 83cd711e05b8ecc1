import type { CollectionBeforeDeleteHook } from 'payload'

import { RequestError } from '../../../lib/errors'

export const EVENT_HAS_REGISTRATIONS = 'EVENT_HAS_REGISTRATIONS'

/**
 * An event people registered or paid for is cancelled, not deleted (their
 * refunds and emails hang on it): 409 with the reason. Otherwise its chat,
 * moderation log, campaigns and attendance go with it, in the same transaction.
 */
export const deleteEventRecords: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const ofEvent = { event: { equals: id } }
  for (const collection of ['registrations', 'payments'] as const) {
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
    collection: 'chat-messages',
    where: ofEvent,
    overrideAccess: true,
    req,
  })
  for (const collection of [
    'chat-moderation-actions',
    'campaigns',
    'attendance',
    'session-stars',
    'sessions',
  ] as const) {
    await req.payload.db.deleteMany({ collection, where: ofEvent, req })
  }
}
