import type { PayloadRequest } from 'payload'

import { checkRole } from '../access/checkRole'
import { slugs } from '../plugin/settings'
import { idOf } from './bookableEvent'

/**
 * Whether the caller may put things into this event (sessions, materials): an admin, or the
 * event's own organizer. An unknown event is nobody's.
 */
export async function mayAddToEvent(req: PayloadRequest, eventId: number | undefined) {
  const { user } = req
  if (!user) return false
  if (checkRole(['admin'], user)) return true
  if (eventId === undefined) return false
  const event = await req.payload
    .findByID({ collection: slugs.events, id: eventId, depth: 0, overrideAccess: true, req })
    .catch(() => null)
  return event !== null && idOf(event.organizer) === user.id
}
