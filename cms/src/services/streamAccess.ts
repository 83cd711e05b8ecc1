import type { PayloadRequest } from 'payload'

import { checkRole } from '../access/checkRole'
import type { Event } from '../payload-types'
import { RequestError } from '../lib/errors'
import { endsAt, findVisibleEvent, idOf } from './bookableEvent'
import { findRegistration } from './booking/registrations'
import { slugs } from '../plugin/settings'

export type StreamState = 'upcoming' | 'live' | 'ended'
export type Viewer = 'admin' | 'organizer' | 'attendee'

/** The chat and the player's page open this long before the start. */
export const DOORS_OPEN_MINUTES = 15

export function streamState(event: Pick<Event, 'startTime' | 'duration'>, now = new Date()) {
  if (now < new Date(event.startTime)) return 'upcoming' as const
  return now < endsAt(event) ? ('live' as const) : ('ended' as const)
}

/** The event with its private fields, when the caller may see it at all (404 otherwise). */
export async function findEventForViewer(req: PayloadRequest, id: string): Promise<Event> {
  await findVisibleEvent(req, id)
  return req.payload.findByID({ collection: slugs.events, id, depth: 1, overrideAccess: true, req })
}

/**
 * Who may watch: the event's confirmed registrants, its organizer and admins.
 * Everyone else is told what would let them in.
 */
export async function assertMayWatch(req: PayloadRequest, event: Event): Promise<Viewer> {
  const user = req.user
  if (!user) throw new RequestError('Log in to watch this event.', 401, { reason: 'login' })
  if (checkRole(['admin'], user)) return 'admin'
  if (idOf(event.organizer) === user.id) return 'organizer'
  if (event.status === 'cancelled') {
    throw new RequestError('This event was cancelled.', 403, { reason: 'cancelled' })
  }
  const registration = await findRegistration(req, user.id, event.id)
  switch (registration?.status) {
    case 'confirmed':
      return 'attendee'
    case 'pending':
      throw new RequestError('Payment pending: finish checkout to watch.', 403, {
        reason: 'payment_pending',
      })
    case 'waitlisted':
      throw new RequestError('You are on the waitlist: you can watch once you have a seat.', 403, {
        reason: 'waitlisted',
      })
    default:
      throw new RequestError('Register for this event to watch.', 403, { reason: 'register' })
  }
}
