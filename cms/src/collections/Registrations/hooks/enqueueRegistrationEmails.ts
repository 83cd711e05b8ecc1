import type { CollectionAfterChangeHook } from 'payload'

import { afterCommit } from '../../../jobs/afterCommit'
import { enqueue, type JobName } from '../../../jobs/queue'
import type { Registration } from '../../../payload-types'

/** Which email a status change means, whatever code made the change. */
function emailFor(
  from: Registration['status'] | undefined,
  to: Registration['status'],
): JobName | null {
  if (from === to) return null
  if (to === 'confirmed') return 'registration-confirmed'
  if (to === 'waitlisted') return 'waitlist-joined'
  if (to === 'pending' && from === 'waitlisted') return 'waitlist-promoted'
  if (to === 'cancelled' && from !== undefined) return 'registration-cancelled'
  return null
}

/**
 * Enqueues the registration's email after the write commits. A registration renewed after a
 * cancellation has a new registeredAt, hence a new job id and a new email.
 */
export const enqueueRegistrationEmails: CollectionAfterChangeHook<Registration> = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  const job = emailFor(operation === 'create' ? undefined : previousDoc?.status, doc.status)
  if (!job) return doc
  const jobId = `${job}:${doc.id}:${Date.parse(doc.registeredAt)}`
  await afterCommit(req, jobId, () => enqueue(job, { registrationId: doc.id }, { jobId }))
  return doc
}
