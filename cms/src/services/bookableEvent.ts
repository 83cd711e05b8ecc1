import { APIError, type PayloadRequest } from 'payload'

import type { Event } from '../payload-types'
import { RequestError } from '../lib/errors'
import { slugs } from '../plugin/settings'

export const idOf = (value: number | { id: number } | null | undefined): number | undefined =>
  value === null || value === undefined ? undefined : typeof value === 'object' ? value.id : value

export const endsAt = (event: Pick<Event, 'startTime' | 'duration'>): Date =>
  new Date(new Date(event.startTime).getTime() + event.duration * 60_000)

/** The event if the caller may see it; 404 when it does not exist or is not theirs to see. */
export async function findVisibleEvent(req: PayloadRequest, id: string | number): Promise<Event> {
  const event = await req.payload
    .findByID({
      collection: slugs.events,
      id,
      depth: 0,
      // Callers need the event's own fields; its program (a join) would cost a query each time.
      joins: false,
      overrideAccess: false,
      user: req.user,
      req,
    })
    .catch((error: unknown) => {
      // Missing, or not theirs to see: both read as "no such event". Anything else (a malformed
      // id, a pool too busy to answer) is not a missing event and keeps its own status: under a
      // rush, an overloaded database used to answer buyers 404 instead of 503.
      if (error instanceof APIError && (error.status === 404 || error.status === 403)) return null
      throw error
    })
  if (!event) throw new RequestError('No such event.', 404)
  return event
}
