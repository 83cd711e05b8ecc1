import { type PayloadRequest } from 'payload'

import { checkRole } from '../access/checkRole'
import type { Registration } from '../payload-types'
import { findBookableEvent, idOf } from './bookableEvent'
import { refundPayment } from './refunds'
import { countTakenSeats } from './seats'
import { refuseWhenSoldOut } from './soldOut'
import { inTransaction, lockEventRow } from './transaction'
import { promoteFromWaitlist } from './waitlist'
import { RequestError } from '../lib/errors'

export async function findRegistration(req: PayloadRequest, userId: number, eventId: number) {
  const { docs } = await req.payload.find({
    collection: 'registrations',
    where: { and: [{ user: { equals: userId } }, { event: { equals: eventId } }] },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return docs[0]
}

/** Refuses a second registration with the reason a person understands. */
export function assertNotRegistered(existing: Registration | undefined): void {
  if (existing?.status === 'confirmed') {
    throw new RequestError('You are already registered for this event.', 409)
  }
  if (existing?.status === 'waitlisted') {
    throw new RequestError('You are already on the waitlist for this event.', 409)
  }
}

export const eventFullError = () =>
  new RequestError('This event is full. You can join the waitlist.', 409, {
    isFull: true,
    canJoinWaitlist: true,
  })

/**
 * Registers someone for an event: confirmed while seats of a free event
 * remain, on the waitlist when it is full and they ask for it (free or paid;
 * a paid seat is bought through checkout). Seat count and write share one
 * transaction with the event row locked, so the last seat goes to one person.
 */
export async function registerForEvent(
  req: PayloadRequest,
  { eventId, userId, joinWaitlist }: { eventId: number; userId: number; joinWaitlist: boolean },
): Promise<Registration> {
  if (!joinWaitlist) await refuseWhenSoldOut(req, { eventId, userId, isCheckout: false })
  return inTransaction(req, async () => {
    await lockEventRow(req, eventId)
    const event = await findBookableEvent(req, eventId)
    const existing = await findRegistration(req, userId, eventId)
    assertNotRegistered(existing)
    const isFull = (await countTakenSeats(req, eventId)) >= event.capacity
    if (isFull && !joinWaitlist) throw eventFullError()
    if (!isFull && event.price > 0) {
      throw new RequestError(
        'This is a paid event: buy a ticket with POST /api/payments/checkout.',
        402,
        { price: event.price, currency: event.currency },
      )
    }

    const data = {
      status: isFull ? ('waitlisted' as const) : ('confirmed' as const),
      registeredAt: new Date().toISOString(),
      holdExpiresAt: null,
    }
    if (existing) {
      return req.payload.update({
        collection: 'registrations',
        id: existing.id,
        data,
        overrideAccess: true,
        req,
      })
    }
    return req.payload.create({
      collection: 'registrations',
      data: { ...data, user: userId, event: eventId },
      overrideAccess: true,
      req,
    })
  })
}

/**
 * Cancels a registration (the row stays), refunds a paid one, and gives the
 * seat to the waitlist. Its owner, the event's organizer and admins may cancel.
 */
export async function cancelRegistration(
  req: PayloadRequest,
  registrationId: string,
): Promise<Registration> {
  const visible = await req.payload
    .findByID({
      collection: 'registrations',
      id: registrationId,
      depth: 1,
      overrideAccess: false,
      user: req.user,
      req,
    })
    .catch(() => null)
  if (!visible) throw new RequestError('No such registration.', 404)
  const event = typeof visible.event === 'object' ? visible.event : null
  const isOwner = idOf(visible.user) === req.user!.id
  const isOrganizer = event !== null && idOf(event.organizer) === req.user!.id
  if (!isOwner && !isOrganizer && !checkRole(['admin'], req.user)) {
    throw new RequestError('You cannot cancel this registration.', 403)
  }
  const eventId = idOf(visible.event)!

  const paymentId = idOf(visible.payment)
  if (paymentId) await refundPayment(req, paymentId)

  return inTransaction(req, async () => {
    await lockEventRow(req, eventId)
    const current = await req.payload.findByID({
      collection: 'registrations',
      id: registrationId,
      depth: 0,
      overrideAccess: true,
      req,
    })
    if (current.status === 'cancelled') {
      throw new RequestError('This registration is already cancelled.', 409)
    }
    const cancelled = await req.payload.update({
      collection: 'registrations',
      id: current.id,
      data: { status: 'cancelled', holdExpiresAt: null },
      overrideAccess: true,
      req,
    })
    const fullEvent = await req.payload.findByID({
      collection: 'events',
      id: eventId,
      depth: 0,
      overrideAccess: true,
      req,
    })
    await promoteFromWaitlist(req, fullEvent)
    return cancelled
  })
}
