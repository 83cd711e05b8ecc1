import type { CollectionBeforeChangeHook } from 'payload'

import { checkRole } from '../../../access/checkRole'
import { AUTH_ERROR } from '../../../contract/auth'
import { RequestError } from '../../../lib/errors'
import type { Media } from '../../../payload-types'
import { idOf } from '../../../services/bookableEvent'
import { slugs } from '../../../plugin/settings'

/**
 * A material reaches an event's attendees, so only that event's organizer
 * (or an admin) attaches one to it, on upload and on every later edit.
 */
export const materialsOfOwnEvents: CollectionBeforeChangeHook<Media> = async ({
  data,
  originalDoc,
  req,
}) => {
  const { user } = req
  if (!user || checkRole(['admin'], user)) return data
  const kind = data.kind ?? originalDoc?.kind
  const eventId = idOf((data.event ?? originalDoc?.event) as Media['event'])
  if (kind !== 'material' || eventId === undefined) return data
  const event = await req.payload
    .findByID({ collection: slugs.events, id: eventId, depth: 0, overrideAccess: true, req })
    .catch(() => null)
  if (!event || idOf(event.organizer) !== user.id) {
    throw new RequestError('Materials can only be added to events you organize.', 403, {
      code: AUTH_ERROR.notYourEvent,
      path: 'event',
    })
  }
  return data
}
