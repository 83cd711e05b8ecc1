import { ValidationError, type CollectionBeforeChangeHook } from 'payload'

import { checkRole } from '../../../access/checkRole'
import type { Event } from '../../../payload-types'
import { checkTransition, EVENT_STATUSES, type EventStatus } from '../workflow'
import { RequestError } from '../../../lib/errors'
import { slugs } from '../../../plugin/settings'

/**
 * Applies the workflow table to every status change a user makes. Writes
 * with no user (seed, jobs) are the system's own and pass unchecked.
 */
export const enforceStatusWorkflow: CollectionBeforeChangeHook<Event> = ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  if (!req.user) return data
  const from: EventStatus = operation === 'create' ? 'draft' : (originalDoc?.status ?? 'draft')
  const to: EventStatus = data.status ?? from
  if (from === to) return data
  if (!EVENT_STATUSES.includes(to)) {
    throw new ValidationError({
      collection: slugs.events,
      errors: [
        { path: 'status', message: `Unknown status. Use one of: ${EVENT_STATUSES.join(', ')}.` },
      ],
    })
  }

  const actor = checkRole(['admin'], req.user) ? 'admin' : 'organizer'
  const check = checkTransition(from, to, actor)
  if (!check.allowed) throw new RequestError(check.message, check.status)

  if (to === 'rejected') {
    const reason = data.rejectionReason ?? originalDoc?.rejectionReason
    if (!reason?.trim()) {
      throw new ValidationError({
        collection: slugs.events,
        errors: [{ path: 'rejectionReason', message: 'A rejection needs a reason.' }],
      })
    }
  }
  if (to === 'published' || to === 'rejected') {
    data.reviewedBy = req.user.id
    data.reviewedAt = new Date().toISOString()
  }
  if (to === 'pending_review' || to === 'published') data.rejectionReason = null
  req.payload.logger.info({ msg: 'event status changed', from, to, by: req.user.id })
  return data
}
