import type { CollectionAfterChangeHook } from 'payload'

import { enqueueFromOutbox } from '../../../jobs/outbox'
import type { JobName } from '../../../jobs/queue'
import type { Registration } from '../../../payload-types'

/** Which email a status change means, whatever code made the change. */
function emailFor(
  from: Registration['status'] | undefined,
  to: Registration['status'],
): JobName | null {
  if (from === to) return null
  if (to === 'confirmed') return 'registration-confirmed'
  if (to === 'waitlisted') return 'waitlist-joined'
  if (to === 'offered') return 'waitlist-promoted'
  if (to === 'cancelled' && from !== undefined) return 'registration-cancelled'
  return null
}

/**
 * Records the registration's email in the outbox, in the write's transaction. A registration
 * renewed after a cancellation has a new registeredAt, hence a new job id and a new email. When
 * the whole event is cancelled, its own email replaces the per-registration one.
 */
export const enqueueRegistrationEmails: CollectionAfterChangeHook<Registration> = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  const job = emailFor(operation === 'create' ? undefined : previousDoc?.status, doc.status)
  if (!job || (job === 'registration-cancelled' && req.context.eventCancelled)) return doc
  const version =
    job === 'waitlist-promoted'
      ? `${Date.parse(doc.holdExpiresAt ?? '')}`
      : Date.parse(doc.registeredAt)
  await enqueueFromOutbox(req, job, { registrationId: doc.id }, `${job}:${doc.id}:${version}`)
  return doc
}
