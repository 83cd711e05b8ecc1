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
      overrideAccess: false,
      user: req.user,
      req,
    })
    .catch((error: unknown) => {
      // A malformed id is the caller's mistake to hear about, not a missing event.
      if (error instanceof APIError && error.status === 400) throw error
      return null
    })
  if (!event) throw new RequestError('No such event.', 404)
  return event
}
