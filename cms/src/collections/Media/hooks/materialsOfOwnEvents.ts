import type { CollectionBeforeChangeHook } from 'payload'

import { AUTH_ERROR } from '../../../contract/auth'
import { RequestError } from '../../../lib/errors'
import type { Media } from '../../../payload-types'
import { idOf } from '../../../services/bookableEvent'
import { mayAddToEvent } from '../../../services/eventOrganizer'

/**
 * A material reaches an event's attendees, so only that event's organizer
 * (or an admin) attaches one to it, on upload and on every later edit.
 */
export const materialsOfOwnEvents: CollectionBeforeChangeHook<Media> = async ({
  data,
  originalDoc,
  req,
}) => {
  if (!req.user) return data
  const kind = data.kind ?? originalDoc?.kind
  const eventId = idOf((data.event ?? originalDoc?.event) as Media['event'])
  if (kind !== 'material' || eventId === undefined) return data
  if (!(await mayAddToEvent(req, eventId))) {
    throw new RequestError('Materials can only be added to events you organize.', 403, {
      code: AUTH_ERROR.notYourEvent,
      path: 'event',
    })
  }
  return data
}
