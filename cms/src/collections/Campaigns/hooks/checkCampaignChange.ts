import { APIError, type CollectionBeforeChangeHook } from 'payload'

import { checkRole } from '../../../access/checkRole'
import type { Campaign } from '../../../payload-types'
import { idOf } from '../../../services/bookableEvent'
import { slugs } from '../../../plugin/settings'

/** Statuses a person may set; the worker moves a campaign through `sending` to `sent`. */
const PERSON_SETTABLE = ['draft', 'queued'] as const

/**
 * An organizer mails only their own event's attendees: the event must be theirs on create and on
 * every change. A sending campaign cannot be edited, and a sent one can only be queued again
 * (which mails nobody twice).
 */
export const checkCampaignChange: CollectionBeforeChangeHook<Campaign> = async ({
  data,
  originalDoc,
  req,
  operation,
}) => {
  if (req.context.campaignWorker) return data
  const { user } = req
  if (!user) throw new APIError('Log in to send messages.', 401, undefined, true)
  const eventId = idOf(data.event ?? originalDoc?.event)
  if (!eventId) throw new APIError('Choose the event to write to.', 400, undefined, true)
  const event = await req.payload
    .findByID({ collection: slugs.events, id: eventId, depth: 0, overrideAccess: true, req })
    .catch(() => null)
  if (!event) throw new APIError('No such event.', 400, undefined, true)
  if (!checkRole(['admin'], user) && idOf(event.organizer) !== user.id) {
    throw new APIError("You can only message your own events' attendees.", 403, undefined, true)
  }
  const status = data.status ?? originalDoc?.status ?? 'draft'
  if (!(PERSON_SETTABLE as readonly string[]).includes(status) && status !== originalDoc?.status) {
    throw new APIError(`A campaign cannot be set to "${status}".`, 400, undefined, true)
  }
  if (operation === 'update' && originalDoc?.status === 'sending') {
    throw new APIError('This campaign is being sent; wait until it finishes.', 409, undefined, true)
  }
  // Timestamps are the worker's; a person only starts a send by queuing.
  const stamps = { queuedAt: originalDoc?.queuedAt, completedAt: originalDoc?.completedAt }
  if (status === 'queued' && originalDoc?.status !== 'queued') {
    return { ...data, queuedAt: new Date().toISOString(), completedAt: null }
  }
  return { ...data, ...stamps }
}
