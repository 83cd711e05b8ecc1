import type { CollectionAfterChangeHook } from 'payload'

import { afterCommit } from '../../../jobs/afterCommit'
import { enqueue } from '../../../jobs/queue'
import type { Event } from '../../../payload-types'

/**
 * Emails for the event workflow (awaiting review, approved, rejected, cancelled) and moving the
 * attendees' reminders when the start time changes; all enqueued after the write commits.
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
      await afterCommit(req, 'event-awaiting-review', () =>
        enqueue('event-awaiting-review', { eventId: doc.id, submittedAt: at }),
      )
    } else if (doc.status === 'published' && from !== undefined) {
      await afterCommit(req, 'event-approved', () => enqueue('event-approved', { eventId: doc.id }))
    } else if (doc.status === 'rejected') {
      const reviewedAt = Date.parse(doc.reviewedAt ?? doc.updatedAt)
      await afterCommit(req, 'event-rejected', () =>
        enqueue(
          'event-rejected',
          { eventId: doc.id },
          { jobId: `event-rejected:${doc.id}:${reviewedAt}` },
        ),
      )
    } else if (doc.status === 'cancelled') {
      await afterCommit(req, 'event-cancelled', () =>
        enqueue('event-cancelled', { eventId: doc.id }),
      )
    }
  }
  const previousStart = operation === 'update' ? previousDoc?.startTime : undefined
  if (previousStart && Date.parse(previousStart) !== Date.parse(doc.startTime)) {
    await afterCommit(req, 'event-rescheduled', () =>
      enqueue('event-rescheduled', {
        eventId: doc.id,
        startTime: new Date(doc.startTime).toISOString(),
        previousStartTime: new Date(previousStart).toISOString(),
      }),
    )
  }
  return doc
}
