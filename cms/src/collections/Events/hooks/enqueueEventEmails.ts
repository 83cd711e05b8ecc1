import type { CollectionAfterChangeHook } from 'payload'

import { enqueueFromOutbox } from '../../../jobs/outbox'
import type { Event } from '../../../payload-types'

/**
 * Emails for the event workflow (awaiting review, approved, rejected, cancelled, with every payer
 * refunded) and moving the attendees' reminders when the start time changes; recorded in the
 * outbox in the write's transaction and enqueued after it commits.
 */
export const enqueueEventEmails: CollectionAfterChangeHook<Event> = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  const from = operation === 'create' ? undefined : previousDoc?.status
  const at = new Date(doc.updatedAt).toISOString()
  if (doc.status !== from) {
    if (doc.status === 'pending_review') {
      await enqueueFromOutbox(req, 'event-awaiting-review', { eventId: doc.id, submittedAt: at })
    } else if (doc.status === 'published' && from !== undefined) {
      await enqueueFromOutbox(req, 'event-approved', { eventId: doc.id })
    } else if (doc.status === 'rejected') {
      const reviewedAt = Date.parse(doc.reviewedAt ?? doc.updatedAt)
      await enqueueFromOutbox(
        req,
        'event-rejected',
        { eventId: doc.id },
        `event-rejected:${doc.id}:${reviewedAt}`,
      )
    } else if (doc.status === 'cancelled') {
      await enqueueFromOutbox(req, 'event-cancelled', { eventId: doc.id })
      await enqueueFromOutbox(req, 'event-refunds', { eventId: doc.id })
    }
  }
  const previousStart = operation === 'update' ? previousDoc?.startTime : undefined
  if (previousStart && Date.parse(previousStart) !== Date.parse(doc.startTime)) {
    await enqueueFromOutbox(req, 'event-rescheduled', {
      eventId: doc.id,
      startTime: new Date(doc.startTime).toISOString(),
      previousStartTime: new Date(previousStart).toISOString(),
    })
  }
  return doc
}
