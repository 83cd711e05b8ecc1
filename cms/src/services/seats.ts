import type { PayloadRequest, Where } from 'payload'

import type { Registration } from '../payload-types'

/** Seats held right now: confirmed registrations plus pending ones whose hold has not lapsed. */
export const seatHolders = (eventId: number, now = new Date()): Where => ({
  and: [
    { event: { equals: eventId } },
    {
      or: [
        { status: { equals: 'confirmed' } },
        {
          and: [
            { status: { equals: 'pending' } },
            { holdExpiresAt: { greater_than: now.toISOString() } },
          ],
        },
      ],
    },
  ],
})

export async function countTakenSeats(req: PayloadRequest, eventId: number): Promise<number> {
  const { totalDocs } = await req.payload.count({
    collection: 'registrations',
    where: seatHolders(eventId),
    overrideAccess: true,
    req,
  })
  return totalDocs
}

export type Availability = {
  capacity: number
  taken: number
  seatsLeft: number
  isFull: boolean
  waitlisted: number
}

export async function availability(
  req: PayloadRequest,
  event: { id: number; capacity: number },
): Promise<Availability> {
  const taken = await countTakenSeats(req, event.id)
  const waitlist = await req.payload.count({
    collection: 'registrations',
    where: { and: [{ event: { equals: event.id } }, { status: { equals: 'waitlisted' } }] },
    overrideAccess: true,
    req,
  })
  const seatsLeft = Math.max(0, event.capacity - taken)
  return {
    capacity: event.capacity,
    taken,
    seatsLeft,
    isFull: seatsLeft === 0,
    waitlisted: waitlist.totalDocs,
  }
}

/** A pending registration whose seat is still held (an unpaid checkout or a waitlist offer). */
export const holdIsLive = (registration: Registration | undefined): boolean =>
  registration?.status === 'pending' &&
  Boolean(registration.holdExpiresAt) &&
  new Date(registration.holdExpiresAt!) > new Date()
