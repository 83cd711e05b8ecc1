import type { CollectionBeforeChangeHook } from 'payload'

import { RequestError } from '../../../lib/errors'
import type { Event } from '../../../payload-types'
import { typeCounts } from '../../../services/tickets/counters'

export const TICKET_TYPE_IN_USE = 'TICKET_TYPE_IN_USE'

/**
 * A ticket type someone holds a ticket of stays: it cannot be removed (hide it instead) nor its
 * quantity set below the tickets already taken, like the event's capacity.
 */
export const keepSoldTicketTypes: CollectionBeforeChangeHook<Event> = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  if (operation !== 'update' || !originalDoc || !Array.isArray(data.ticketTypes)) return data
  const taken = await typeCounts(req, originalDoc.id)
  data.ticketTypes.forEach((type, index) => {
    const sold = type.id ? (taken[type.id] ?? 0) : 0
    if (type.quantity && type.quantity < sold) {
      throw new RequestError(
        `"${type.name}" has ${sold} tickets taken: its quantity cannot be lower.`,
        400,
        { code: TICKET_TYPE_IN_USE, path: `ticketTypes.${index}.quantity`, taken: sold },
      )
    }
  })
  const kept = new Set(data.ticketTypes.map((type) => type.id))
  for (const type of originalDoc.ticketTypes ?? []) {
    const sold = type.id ? (taken[type.id] ?? 0) : 0
    if (type.id && sold > 0 && !kept.has(type.id)) {
      throw new RequestError(
        `"${type.name}" has ${sold} tickets taken: hide it instead of removing it.`,
        400,
        { code: TICKET_TYPE_IN_USE, path: 'ticketTypes', taken: sold },
      )
    }
  }
  return data
}
