import type { PayloadRequest } from 'payload'

import type { Event } from '../../payload-types'
import { lockRegistration, moveRegistration } from './registrations'
import { holdIsLive, lapsedHolds, lockSeatCounter } from './seats'
import { expireOpenPayment } from './payments'
import { slugs } from '../../plugin/settings'

/** How long a waitlisted person of a paid event has to pay for an offered seat. */
export const WAITLIST_OFFER_HOURS = 24

type SeatEvent = Pick<Event, 'id' | 'capacity' | 'price'>

/**
 * Hands every free seat to the waitlist, oldest first: a free event's next person is confirmed,
 * a paid event's is offered the seat for WAITLIST_OFFER_HOURS. The seat counter stays locked to
 * the end of the transaction, so no buyer takes a seat between the count and the offers. The
 * offer email goes out from the registrations' outbox hook.
 */
export async function offerFreeSeats(req: PayloadRequest, event: SeatEvent): Promise<number[]> {
  const free = event.capacity - (await lockSeatCounter(req, event.id))
  if (free <= 0) return []
  const { docs } = await req.payload.find({
    collection: slugs.registrations,
    where: { and: [{ event: { equals: event.id } }, { status: { equals: 'waitlisted' } }] },
    sort: ['registeredAt', 'id'],
    limit: free,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const offered: number[] = []
  for (const next of docs) {
    const current = await lockRegistration(req, next.id)
    if (current.status !== 'waitlisted') continue
    if (event.price > 0) {
      const holdExpiresAt = new Date(Date.now() + WAITLIST_OFFER_HOURS * 3600_000).toISOString()
      await moveRegistration(req, current, 'offered', { holdExpiresAt }, event)
    } else {
      await moveRegistration(req, current, 'confirmed', { holdExpiresAt: null }, event)
    }
    offered.push(current.id)
  }
  return offered
}

/**
 * Expires the event's lapsed holds (unpaid checkouts, unanswered offers) and offers their seats
 * to the waitlist. Returns how many holds it expired.
 */
export async function reclaimLapsedHolds(req: PayloadRequest, event: SeatEvent): Promise<number> {
  const { docs } = await req.payload.find({
    collection: slugs.registrations,
    where: lapsedHolds(new Date(), event.id),
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  let expired = 0
  for (const lapsed of docs) {
    const current = await lockRegistration(req, lapsed.id)
    if (!(current.status === 'pending' || current.status === 'offered')) continue
    if (holdIsLive(current)) continue
    await moveRegistration(req, current, 'expired', { holdExpiresAt: null }, event)
    await expireOpenPayment(req, current)
    expired++
  }
  if (expired > 0) await offerFreeSeats(req, event)
  return expired
}
