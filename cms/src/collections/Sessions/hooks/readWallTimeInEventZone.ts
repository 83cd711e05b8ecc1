import type { FieldHook } from 'payload'

import { isTimeZone } from '../../../fields/timezone'
import { fromWallTime, WALL_TIME } from '../../../fields/zonedTime'
import type { Session } from '../../../payload-types'
import { idOf } from '../../../services/bookableEvent'

/**
 * A wall-clock time with no offset ("2027-10-31T09:00") is read in the session's event's zone,
 * as the organizer means it; an instant (with `Z` or an offset) is stored as sent.
 */
export const readWallTimeInEventZone: FieldHook<Session> = async ({
  value,
  data,
  originalDoc,
  req,
}) => {
  if (typeof value !== 'string' || !WALL_TIME.test(value)) return value
  const eventId = idOf((data?.event ?? originalDoc?.event) as Session['event'] | undefined)
  const event =
    eventId === undefined
      ? null
      : await req.payload
          .findByID({ collection: 'events', id: eventId, depth: 0, overrideAccess: true, req })
          .catch(() => null)
  const zone = isTimeZone(event?.timezone) ? event.timezone : 'UTC'
  return fromWallTime(value, zone)?.toISOString() ?? value
}
