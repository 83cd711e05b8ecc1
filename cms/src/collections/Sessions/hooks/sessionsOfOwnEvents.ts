import type { CollectionBeforeChangeHook } from 'payload'

import { PROGRAM_ERROR } from '../../../contract/program'
import { RequestError } from '../../../lib/errors'
import type { Session } from '../../../payload-types'
import { idOf } from '../../../services/bookableEvent'
import { mayAddToEvent } from '../../../services/eventOrganizer'

/** Only an event's organizer (or an admin) puts sessions into it, on create and on every move. */
export const sessionsOfOwnEvents: CollectionBeforeChangeHook<Session> = async ({
  data,
  originalDoc,
  req,
}) => {
  // No user: a Local API call from the seed or a job, which access control does not cover.
  if (!req.user) return data
  const eventId = idOf((data.event ?? originalDoc?.event) as Session['event'] | undefined)
  if (!(await mayAddToEvent(req, eventId))) {
    throw new RequestError('Sessions can only be added to events you organize.', 403, {
      code: PROGRAM_ERROR.notYourEvent,
      path: 'event',
    })
  }
  return data
}
