import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'

import type { RegistrationStatus } from '../../contract/booking'
import type { Event, Registration } from '../../payload-types'
import { executeInTransaction } from '../transaction'
import { bookingError } from './errors'
import { slugs } from '../../plugin/settings'
import { table } from '../tables'

export async function findRegistration(
  req: PayloadRequest,
  userId: number,
  eventId: number,
): Promise<Registration | undefined> {
  const { docs } = await req.payload.find({
    collection: slugs.registrations,
    where: { and: [{ user: { equals: userId } }, { event: { equals: eventId } }] },
    limit: 1,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return docs[0]
}

/**
 * Locks the registration's row until the transaction ends and reads it fresh, so two changes of
 * one registration (a webhook and the expiry job, say) happen one after the other, each seeing
 * the other's result.
 */
export async function lockRegistration(req: PayloadRequest, id: number): Promise<Registration> {
  const rows = await executeInTransaction(
    req,
    sql`SELECT id FROM ${table('registrations')} WHERE id = ${id} FOR UPDATE`,
  )
  if (rows.length === 0) throw bookingError('REGISTRATION_NOT_FOUND', 'No such registration.')
  return req.payload.findByID({
    collection: slugs.registrations,
    id,
    depth: 0,
    overrideAccess: true,
    req,
  })
}

type Changes = Partial<
  Omit<Registration, 'id' | 'status' | 'user' | 'event' | 'createdAt' | 'updatedAt'>
>

/** Hands the event's capacity to the seat hook, so it need not read the event again. */
export type SeatContext = { bookingEvent?: Pick<Event, 'id' | 'capacity'> }

/**
 * The one way code moves a registration's status (a new one: pass the person and the event).
 * The registrations collection checks the move against the transition table and keeps the seat
 * counter (a move into a seat-holding status on a full event is refused with EVENT_FULL and
 * nothing is written). Call it on a registration read under `lockRegistration`.
 */
export async function moveRegistration(
  req: PayloadRequest,
  target: Registration | { user: number; event: Pick<Event, 'id' | 'capacity'> },
  to: RegistrationStatus,
  changes: Changes = {},
  event?: Pick<Event, 'id' | 'capacity'>,
): Promise<Registration> {
  const context: SeatContext = { bookingEvent: 'id' in target ? event : target.event }
  if ('id' in target) {
    return req.payload.update({
      collection: slugs.registrations,
      id: target.id,
      data: { ...changes, status: to },
      // Depth 0: the booking needs ids only, and a populated event (its organizer, their sessions)
      // cost queries inside the booking transaction and leaked into the attendee's answer.
      depth: 0,
      overrideAccess: true,
      context,
      req,
    })
  }
  return req.payload.create({
    collection: slugs.registrations,
    data: {
      registeredAt: new Date().toISOString(),
      ...changes,
      status: to,
      user: target.user,
      event: target.event.id,
    },
    depth: 0,
    overrideAccess: true,
    context,
    req,
  })
}
