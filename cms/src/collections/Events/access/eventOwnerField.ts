import type { FieldAccess } from 'payload'

import { checkRole } from '../../../access/checkRole'
import type { Event } from '../../../payload-types'

const organizerId = (event?: Partial<Event>) =>
  event?.organizer && typeof event.organizer === 'object' ? event.organizer.id : event?.organizer

/** A field only the event's own organizer and admins may read. */
export const eventOwnerField: FieldAccess<Event> = ({ req: { user }, doc }) => {
  if (checkRole(['admin'], user)) return true
  // No id yet: an event being created, which assignOrganizer makes the creator's own.
  if (!doc?.id) return checkRole(['organizer'], user)
  return Boolean(user && organizerId(doc) === user.id)
}
