import type { CollectionBeforeChangeHook } from 'payload'

import { checkRole } from '../../../access/checkRole'
import { PROGRAM_ERROR } from '../../../contract/program'
import { RequestError } from '../../../lib/errors'
import type { Session } from '../../../payload-types'
import { idOf } from '../../../services/bookableEvent'

/** Only an event's organizer (or an admin) puts sessions into it, on create and on every move. */
export const sessionsOfOwnEvents: CollectionBeforeChangeHook<Session> = async ({
  data,
  originalDoc,
  req,
}) => {
  const { user } = req
  if (!user || checkRole(['admin'], user)) return data
  const eventId = idOf((data.event ?? originalDoc?.event) as Session['event'] | undefined)
  const event =
    eventId === undefined
      ? null
      : await req.payload
          .findByID({ collection: 'events', id: eventId, depth: 0, overrideAccess: true, req })
          .catch(() => null)
  if (!event || idOf(event.organizer) !== user.id) {
    throw new RequestError('Sessions can only be added to events you organize.', 403, {
      code: PROGRAM_ERROR.notYourEvent,
      path: 'event',
    })
  }
  return data
}
