import type { FieldAccess, PayloadRequest } from 'payload'

import { checkRole } from '../../../access/checkRole'
import type { Session } from '../../../payload-types'
import { idOf } from '../../../services/bookableEvent'

/** The organizer of an event, looked up once per request however many sessions are read. */
async function organizerOf(req: PayloadRequest, eventId: number): Promise<number | undefined> {
  const cache = (req.context.eventOrganizers ??= new Map()) as Map<
    number,
    Promise<number | undefined>
  >
  let organizer = cache.get(eventId)
  if (!organizer) {
    organizer = req.payload
      .findByID({ collection: 'events', id: eventId, depth: 0, overrideAccess: true, req })
      .then((event) => idOf(event.organizer))
      .catch(() => undefined)
    cache.set(eventId, organizer)
  }
  return organizer
}

/** A session field only its event's organizer and admins read (stream addresses, clashes). */
export const sessionOwnerField: FieldAccess<Session> = async ({ req, doc }) => {
  const { user } = req
  if (checkRole(['admin'], user)) return true
  if (!user || !checkRole(['organizer'], user)) return false
  const eventId = idOf(doc?.event as Session['event'] | undefined)
  // No event yet: a session being created, which sessionsOfOwnEvents ties to the creator's event.
  if (eventId === undefined) return true
  return (await organizerOf(req, eventId)) === user.id
}
