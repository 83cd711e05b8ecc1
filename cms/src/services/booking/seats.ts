import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest, Where } from 'payload'

import type { RegistrationStatus } from '../../contract/booking'
import type { Registration } from '../../payload-types'
import { executeInTransaction, readRows, runSql } from '../transaction'
import { HOLDS, SEAT_HOLDING } from './transitions'
import { slugs } from '../../plugin/settings'
import { table } from '../tables'

/*
 * Seats are an atomic counter per event (`event_seat_counts`, created by a migration): it counts
 * the event's registrations in a seat-holding status (confirmed, pending, offered) and changes in
 * the transaction that writes such a registration (the registrations collection's `keepSeatCount`
 * hook), so it always equals that count. Taking a seat is one conditional UPDATE: two requests
 * for the last seat never both succeed, and the row stays locked only from that statement to the
 * commit, not for the whole request.
 */

const holdsSeat = (status: RegistrationStatus | undefined) =>
  status !== undefined && SEAT_HOLDING.includes(status)

/** Seat-holding statuses in SQL, kept in step with SEAT_HOLDING. */
const seatHoldingSql = sql.join(
  SEAT_HOLDING.map((status) => sql`${status}`),
  sql`, `,
)

const increment = (eventId: number, capacity: number) =>
  sql`UPDATE event_seat_counts SET taken = taken + 1
      WHERE event_id = ${eventId} AND taken < ${capacity} RETURNING taken`

/** Takes one seat for a registration just written; false when the event is full. */
async function takeSeat(
  req: PayloadRequest,
  eventId: number,
  capacity: number,
  registrationId: number,
) {
  if ((await executeInTransaction(req, increment(eventId, capacity))).length > 0) return true
  const [row] = await executeInTransaction<{ taken: number }>(
    req,
    sql`SELECT taken FROM event_seat_counts WHERE event_id = ${eventId}`,
  )
  // The UPDATE does not see (nor wait for) a row another booking inserted but had not committed
  // yet; this SELECT, a statement later, may. Full only if the row says so; else try again.
  if (row) {
    if (Number(row.taken) >= capacity) return false
    return (await executeInTransaction(req, increment(eventId, capacity))).length > 0
  }
  // The event's first seat (or an event written without hooks): start the counter from the
  // rows, leaving out the registration whose seat this is.
  await executeInTransaction(
    req,
    sql`INSERT INTO event_seat_counts (event_id, taken)
        SELECT ${eventId}, count(*) FROM ${table('registrations')}
        WHERE event_id = ${eventId} AND status IN (${seatHoldingSql}) AND id <> ${registrationId}
        ON CONFLICT (event_id) DO NOTHING`,
  )
  return (await executeInTransaction(req, increment(eventId, capacity))).length > 0
}

async function releaseSeat(req: PayloadRequest, eventId: number) {
  await executeInTransaction(
    req,
    sql`UPDATE event_seat_counts SET taken = taken - 1 WHERE event_id = ${eventId} AND taken > 0`,
  )
}

/**
 * Moves the counter for one registration write: +1 when it starts holding a seat (false when the
 * event is full, and the caller must not commit), −1 when it stops.
 */
export async function adjustSeats(
  req: PayloadRequest,
  event: { id: number; capacity: number },
  registrationId: number,
  from: RegistrationStatus | undefined,
  to: RegistrationStatus | undefined,
): Promise<boolean> {
  if (holdsSeat(from) === holdsSeat(to)) return true
  if (holdsSeat(to)) return takeSeat(req, event.id, event.capacity, registrationId)
  await releaseSeat(req, event.id)
  return true
}

/** Seats taken or held, lapsed holds included until they are expired (0 before the first booking). */
export async function seatsTaken(req: PayloadRequest, eventId: number): Promise<number> {
  const [row] = await readRows<{ taken: number }>(
    req,
    sql`SELECT taken FROM event_seat_counts WHERE event_id = ${eventId}`,
  )
  return row ? Number(row.taken) : 0
}

/** Holds (unpaid checkouts, unanswered offers) whose time ran out but that still count as taken. */
export async function countLapsedHolds(req: PayloadRequest, eventId: number): Promise<number> {
  const { totalDocs } = await req.payload.count({
    collection: slugs.registrations,
    where: lapsedHolds(new Date(), eventId),
    overrideAccess: true,
    req,
  })
  return totalDocs
}

export const lapsedHolds = (now: Date, eventId?: number): Where => ({
  and: [
    ...(eventId === undefined ? [] : [{ event: { equals: eventId } }]),
    { status: { in: [...HOLDS] } },
    { holdExpiresAt: { less_than_equal: now.toISOString() } },
  ],
})

export type Availability = {
  capacity: number
  taken: number
  seatsLeft: number
  isFull: boolean
  waitlisted: number
}

/** Seats a new buyer could get now: lapsed holds are free already, though not yet expired. */
export async function availability(
  req: PayloadRequest,
  event: { id: number; capacity: number },
): Promise<Availability> {
  const [counted, lapsed, waitlist] = await Promise.all([
    seatsTaken(req, event.id),
    countLapsedHolds(req, event.id),
    req.payload.count({
      collection: slugs.registrations,
      where: { and: [{ event: { equals: event.id } }, { status: { equals: 'waitlisted' } }] },
      overrideAccess: true,
      req,
    }),
  ])
  const taken = Math.max(0, counted - lapsed)
  const seatsLeft = Math.max(0, event.capacity - taken)
  return {
    capacity: event.capacity,
    taken,
    seatsLeft,
    isFull: seatsLeft === 0,
    waitlisted: waitlist.totalDocs,
  }
}

/** A pending or offered registration whose seat is still held for its person. */
export const holdIsLive = (
  registration: Pick<Registration, 'status' | 'holdExpiresAt'> | undefined,
  now = new Date(),
): boolean =>
  registration !== undefined &&
  HOLDS.includes(registration.status) &&
  Boolean(registration.holdExpiresAt) &&
  new Date(registration.holdExpiresAt!) > now

/**
 * Locks the event's seat counter until the transaction ends and returns the seats taken: nobody
 * takes a seat meanwhile, so the caller can hand out exactly the free ones (waitlist offers).
 */
export async function lockSeatCounter(req: PayloadRequest, eventId: number): Promise<number> {
  const lock = sql`SELECT taken FROM event_seat_counts WHERE event_id = ${eventId} FOR UPDATE`
  let [row] = await executeInTransaction<{ taken: number }>(req, lock)
  if (!row) {
    await startSeatCounter(req, eventId)
    ;[row] = await executeInTransaction<{ taken: number }>(req, lock)
  }
  return Number(row?.taken ?? 0)
}

/**
 * Starts the event's counter from its committed seat-holding rows, unless it exists; true when
 * this call started it. A booking whose row is not committed yet is not counted, and finds the
 * counter when it moves it, so it counts itself.
 */
export async function startSeatCounter(req: PayloadRequest, eventId: number): Promise<boolean> {
  const started = await runSql(
    req,
    sql`INSERT INTO event_seat_counts (event_id, taken)
        SELECT ${eventId}, count(*) FROM ${table('registrations')}
        WHERE event_id = ${eventId} AND status IN (${seatHoldingSql})
          AND NOT EXISTS (SELECT 1 FROM event_seat_counts WHERE event_id = ${eventId})
        ON CONFLICT (event_id) DO NOTHING
        RETURNING event_id`,
  )
  return started.length > 0
}
