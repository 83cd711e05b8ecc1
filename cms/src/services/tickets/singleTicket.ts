import type { PayloadRequest } from 'payload'

import type { Event } from '../../payload-types'
import { bookingError } from '../booking/errors'
import { defaultTicketType, readTicketedEvent, salesRefusal } from './catalog'

export type SingleTicket = {
  /** The event priced at its default type, so the single-ticket booking charges that type. */
  event: Event
  /** What the registration records about its ticket (nothing for an event without types). */
  ticket: { ticketType?: string; ticketTypeName?: string; price?: number }
  /** Whether that type has a quantity of its own, beside the event's capacity. */
  typeHasQuantity: boolean
}

/**
 * The single-ticket booking (`{ event }` alone) buys one ticket of the event's first public type
 * on sale, for the caller, within that type's sales window and quantity.
 */
export async function singleTicketOf(req: PayloadRequest, event: Event): Promise<SingleTicket> {
  const ticketed = await readTicketedEvent(req, event.id)
  // Only an event written without hooks has no types: it sells at its own price.
  if (ticketed.ticketTypes.length === 0) return { event, ticket: {}, typeHasQuantity: false }
  const type = defaultTicketType(ticketed)
  if (!type) {
    throw bookingError('TICKET_SOLD_OUT', 'Tickets for this event are sold with a code only.', {
      available: 0,
    })
  }
  const closed = salesRefusal(type)
  if (closed) throw closed
  return {
    event: { ...event, price: type.price },
    ticket: { ticketType: type.id, ticketTypeName: type.name, price: type.price },
    typeHasQuantity: type.quantity !== null && type.quantity !== undefined,
  }
}
