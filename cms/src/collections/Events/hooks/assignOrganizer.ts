import type { CollectionBeforeChangeHook } from 'payload'

import { checkRole } from '../../../access/checkRole'
import type { Event } from '../../../payload-types'

/** An organizer's new event is always their own; admins may create one for any organizer. */
export const assignOrganizer: CollectionBeforeChangeHook<Event> = ({ data, operation, req }) => {
  if (operation !== 'create' || !req.user) return data
  if (!checkRole(['admin'], req.user) || !data.organizer) data.organizer = req.user.id
  return data
}
