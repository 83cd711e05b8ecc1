import type { FilterOptions } from 'payload'

import { checkRole } from './checkRole'

/**
 * What an event picker offers: admins every event, organizers only their own. Payload applies
 * filterOptions when it validates the field too, so REST refuses another organizer's event.
 * Writes with no user are the system's own (seed, worker) and pick freely.
 */
export const ownEventOptions: FilterOptions = ({ user }) => {
  if (!user || checkRole(['admin'], user as Parameters<typeof checkRole>[1])) return true
  return { organizer: { equals: user.id } }
}
