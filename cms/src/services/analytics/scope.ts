import type { PayloadRequest } from 'payload'

import { checkRole } from '../../access/checkRole'
import { RequestError } from '../../lib/errors'
import type { Event } from '../../payload-types'
import { idOf } from '../bookableEvent'
import type { EventScope } from './query'
import { slugs } from '../../plugin/settings'

/** Only organizers and admins see analytics; anyone else is refused with the reason. */
export function requireOrganizerOrAdmin(req: PayloadRequest) {
  if (!req.user) throw new RequestError('Log in to see analytics.', 401)
  if (!checkRole(['organizer', 'admin'], req.user)) {
    throw new RequestError('Analytics are for organizers and admins.', 403)
  }
  return req.user
}

/** An event the caller organizes (admins: any); 404 when it does not exist, 403 when it is another organizer's. */
export async function findManagedEvent(req: PayloadRequest, eventId: number): Promise<Event> {
  const user = requireOrganizerOrAdmin(req)
  const event = await req.payload
    .findByID({ collection: slugs.events, id: eventId, depth: 0, overrideAccess: true, req })
    .catch(() => null)
  if (!event) throw new RequestError('No such event.', 404)
  if (!checkRole(['admin'], user) && idOf(event.organizer) !== user.id) {
    throw new RequestError('You can only see the figures of your own events.', 403)
  }
  return event
}

/** The events a dashboard counts: an organizer's own, or for admins everyone's (or one organizer's). */
export async function dashboardScope(
  req: PayloadRequest,
  { event, organizer }: { event?: number; organizer?: number },
): Promise<EventScope> {
  const user = requireOrganizerOrAdmin(req)
  if (event !== undefined) await findManagedEvent(req, event)
  const isAdmin = checkRole(['admin'], user)
  return { organizerId: isAdmin ? (organizer ?? null) : user.id, eventId: event ?? null }
}
