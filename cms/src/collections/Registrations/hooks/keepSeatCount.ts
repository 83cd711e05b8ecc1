import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import type { Registration } from '../../../payload-types'
import { idOf } from '../../../services/bookableEvent'
import { eventFullError, ticketSoldOutError } from '../../../services/booking/errors'
import type { SeatContext } from '../../../services/booking/registrations'
import { adjustSeats } from '../../../services/booking/seats'
import { slugs } from '../../../plugin/settings'
import { SEAT_HOLDING } from '../../../services/booking/transitions'
import { releaseTypeTicket, takeTypeTicket } from '../../../services/tickets/counters'

const holdsSeat = (status: Registration['status'] | undefined) =>
  status !== undefined && SEAT_HOLDING.includes(status)

async function eventOf(
  req: Parameters<CollectionAfterDeleteHook>[0]['req'],
  eventId: number,
): Promise<{ id: number; capacity: number }> {
  const known = (req.context as SeatContext).bookingEvent
  if (known?.id === eventId) return known
  return req.payload.findByID({
    collection: slugs.events,
    id: eventId,
    depth: 0,
    overrideAccess: true,
    select: { capacity: true },
    req,
  })
}

/**
 * Keeps the event's seat counter equal to its seat-holding registrations, in the same
 * transaction as the write. Runs last, so the counter's row lock is taken as late as possible.
 */
export const keepSeatCount: CollectionAfterChangeHook<Registration> = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  const from = operation === 'create' ? undefined : previousDoc?.status
  if (from === doc.status) return doc
  const event = await eventOf(req, idOf(doc.event)!)
  if (!(await adjustSeats(req, event, doc.id, from, doc.status))) throw eventFullError()
  // Then the ticket type's own counter, after the event's (the one lock order).
  if (holdsSeat(from) === holdsSeat(doc.status)) return doc
  if (holdsSeat(doc.status) && doc.ticketType) {
    const isTaken = await takeTypeTicket(req, { typeId: doc.ticketType, eventId: event.id })
    if (!isTaken) throw ticketSoldOutError(doc.ticketType, doc.ticketTypeName)
  }
  const released = operation === 'create' ? undefined : previousDoc?.ticketType
  if (holdsSeat(from) && released) await releaseTypeTicket(req, released)
  return doc
}

export const releaseSeatOnDelete: CollectionAfterDeleteHook<Registration> = async ({
  doc,
  req,
}) => {
  const event = await eventOf(req, idOf(doc.event)!)
  await adjustSeats(req, event, doc.id, doc.status, undefined)
  if (holdsSeat(doc.status) && doc.ticketType) await releaseTypeTicket(req, doc.ticketType)
  return doc
}
