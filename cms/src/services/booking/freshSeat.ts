import type { PayloadRequest } from 'payload'

import { purgeSiteTags } from '../../hooks/revalidateSite'
import { beforeTheAnswer } from '../../jobs/afterCommit'
import { handOver } from '../../jobs/outbox'
import { publishSeat } from '../../lib/realtimeBus'
import type { Event, Payment, Registration } from '../../payload-types'
import { defaultTicketType, salesRefusal, type TicketType } from '../tickets/catalog'
import type { SingleTicket } from '../tickets/singleTicket'
import { type BookingOption, decideBooking } from './decide'
import { runFreshStatement } from './freshSeatSql'
import { bookInBatch } from './seatBatches'
import { refuseNewcomerWhenFull } from './lookUp'
import { assertTransition } from './transitions'

/*
 * The rush path. People with no registration for the event take a free seat in one statement per
 * batch (seatBatches.ts: those who ask while the previous batch is booked go together), committed
 * on its own: it moves the seat counter and the ticket type's, and inserts each registration —
 * confirmed with its email in the outbox (a free event), or pending with its payment (a paid one;
 * checkout.ts then opens the Stripe session). Through Payload (find, create, hooks, commit) one
 * booking held the counter's lock from its write to its commit, and 1,000 buyers for 1,000 seats
 * ran at 0.3–0.4× a plain create.
 *
 * Whatever the statement cannot decide by itself answers null, and the caller takes the full path
 * (lookUp.ts), which decides as before: a full event (lapsed holds, the waitlist), an event not
 * open, a type with a quantity of its own, or a registration the person already has.
 *
 * The registrations collection's hooks do the same for every other write (the transition table,
 * the counters, the outbox email, the chat seat, the site's seat tag): keep the two in step.
 */

type RegistrationRow = {
  id: number
  user_id: number
  event_id: number
  status: Registration['status']
  registered_at: string | Date
  hold_expires_at: string | Date | null
  payment_id: number | null
  ticket_type: string | null
  ticket_type_name: string | null
  price: string | null
  created_at: string | Date
  updated_at: string | Date
}

type PaymentRow = {
  payment_amount: string
  payment_currency: Payment['currency']
  payment_created_at: string | Date
}

/** What a booking reads of its event (the Stripe session names it; decide.ts judges it). */
export type BookingEvent = Pick<
  Event,
  'id' | 'title' | 'slug' | 'status' | 'price' | 'currency' | 'capacity' | 'startTime' | 'duration'
>

type Fresh = {
  event: BookingEvent
  ticket: SingleTicket['ticket']
  typeHasQuantity: boolean
  userId: number
}

type FactsRow = {
  id: number
  title: string
  slug: string
  status: Event['status']
  price: string
  currency: Event['currency']
  capacity: string
  start_time: string | Date
  duration: string
  type_id: string | null
  type_name: string | null
  type_price: string | null
  type_quantity: string | null
  type_hidden: boolean | null
  sales_start: string | Date | null
  sales_end: string | Date | null
}

const iso = (value: string | Date | null) => (value === null ? null : new Date(value).toISOString())

/** The registration as Payload answers it at depth 0. */
const toRegistration = (row: RegistrationRow): Registration => ({
  id: row.id,
  user: row.user_id,
  event: row.event_id,
  status: row.status,
  payment: row.payment_id,
  holdExpiresAt: iso(row.hold_expires_at),
  buyer: null,
  orderId: null,
  ticketType: row.ticket_type,
  ticketTypeName: row.ticket_type_name,
  price: row.price === null ? null : Number(row.price),
  promoCode: null,
  attendeeName: null,
  attendeeEmail: null,
  answers: null,
  registeredAt: iso(row.registered_at)!,
  createdAt: iso(row.created_at)!,
  updatedAt: iso(row.updated_at)!,
})

/**
 * One read of an event's facts for all the bookings that ask while it runs: a rush of a thousand
 * buyers shares a handful of reads, each as fresh as a request that came a moment earlier.
 */
const factsInFlight = new Map<number, Promise<FactsRow[]>>()

function readFacts(payload: PayloadRequest['payload'], eventId: number): Promise<FactsRow[]> {
  let reading = factsInFlight.get(eventId)
  if (!reading) {
    reading = runFreshStatement<FactsRow>(payload, 'facts', [eventId]).finally(() =>
      factsInFlight.delete(eventId),
    )
    factsInFlight.set(eventId, reading)
  }
  return reading
}

/**
 * The event and the type a single-ticket booking buys (as singleTicketOf picks it), in one plain
 * query: Payload's read of an event with its lists cost more than the whole booking. Null when
 * the full path must answer: no such event, not published (visibility decides 404 or 422), no
 * type on sale.
 */
async function readFresh(
  req: PayloadRequest,
  eventId: number,
  userId: number,
): Promise<Fresh | null> {
  const rows = await readFacts(req.payload, eventId)
  const [first] = rows
  if (!first || first.status !== 'published') return null
  const event: BookingEvent = {
    id: first.id,
    title: first.title,
    slug: first.slug,
    status: first.status,
    price: Number(first.price),
    currency: first.currency,
    capacity: Number(first.capacity),
    startTime: iso(first.start_time)!,
    duration: Number(first.duration),
  }
  if (first.type_id === null) return { event, ticket: {}, typeHasQuantity: false, userId }
  const types = rows.map((row): TicketType => ({
    id: row.type_id!,
    name: row.type_name!,
    price: Number(row.type_price),
    quantity: row.type_quantity === null ? null : Number(row.type_quantity),
    hidden: Boolean(row.type_hidden),
    salesStart: iso(row.sales_start),
    salesEnd: iso(row.sales_end),
  }))
  const type = defaultTicketType({ ticketTypes: types })
  if (!type || salesRefusal(type)) return null
  return {
    event: { ...event, price: type.price },
    ticket: { ticketType: type.id, ticketTypeName: type.name, price: type.price },
    typeHasQuantity: type.quantity !== null && type.quantity !== undefined,
    userId,
  }
}

const seatsOf = ({ event, ticket }: Fresh) => ({
  eventId: event.id,
  capacity: event.capacity,
  typeId: ticket.ticketType ?? null,
})

/** Whether the fast path may decide: a fresh person, `option` open to them, no type quantity. */
function mayTakeFresh({ event, typeHasQuantity }: Fresh, option: BookingOption): boolean {
  const decision = decideBooking({ event, existing: undefined, seatsTaken: 0 })
  return 'option' in decision && decision.option === option && !typeHasQuantity
}

/** A free event: confirms the person in one statement, or null when the full path must decide. */
export async function confirmFreshSeat(
  req: PayloadRequest,
  { eventId, userId, joinWaitlist }: { eventId: number; userId: number; joinWaitlist: boolean },
): Promise<Registration | null> {
  const fresh = await readFresh(req, eventId, userId)
  if (!fresh || !mayTakeFresh(fresh, 'register')) return null
  assertTransition('new', 'confirmed')
  const { event, ticket } = fresh
  const row = await bookInBatch<RegistrationRow>(
    req,
    'confirm',
    seatsOf(fresh),
    userId,
    [ticket.ticketTypeName, ticket.price],
    () => {
      const registeredAt = new Date().toISOString()
      const version = String(Date.parse(registeredAt))
      return [registeredAt, ticket.ticketTypeName ?? null, ticket.price ?? null, version]
    },
  )
  if (!row) {
    if (!joinWaitlist) await refuseNewcomerWhenFull(req, event, userId)
    return null
  }
  const { payload } = req
  // The job id enqueueRegistrationEmails gives it, as the statement wrote it.
  const jobId = `registration-confirmed:${row.id}:${Date.parse(iso(row.registered_at)!)}`
  const email = { job: 'registration-confirmed', data: { registrationId: row.id }, jobId }
  void handOver(payload, email).catch((error: unknown) => {
    payload.logger.warn({ err: error, msg: `Could not enqueue ${jobId}; the sweep retries` })
  })
  purgeSiteTags(payload, [`seats:${row.event_id}`])
  // The answer waits (briefly) for realtime to hear of the seat: the person joins the chat next.
  await beforeTheAnswer(req, publishSeat(req, row.event_id, row.user_id, true))
  return toRegistration(row)
}

/**
 * A paid event: holds a seat with a pending registration and its pending payment, linked both
 * ways, in one statement; null when the full path must decide.
 */
export async function holdFreshSeat(
  req: PayloadRequest,
  { eventId, userId }: { eventId: number; userId: number },
  holdExpiresAt: () => string,
): Promise<{ event: BookingEvent; registration: Registration; payment: Payment } | null> {
  const fresh = await readFresh(req, eventId, userId)
  if (!fresh || !mayTakeFresh(fresh, 'checkout')) return null
  assertTransition('new', 'pending')
  const { event, ticket } = fresh
  const row = await bookInBatch<RegistrationRow & PaymentRow>(
    req,
    'hold',
    seatsOf(fresh),
    userId,
    [event.price, event.currency, ticket.ticketTypeName, ticket.price],
    () => [
      event.price,
      event.currency,
      holdExpiresAt(),
      ticket.ticketTypeName ?? null,
      ticket.price ?? null,
    ],
  )
  if (!row) {
    await refuseNewcomerWhenFull(req, event, userId)
    return null
  }
  purgeSiteTags(req.payload, [`seats:${row.event_id}`])
  const payment: Payment = {
    id: row.payment_id!,
    registration: row.id,
    user: userId,
    event: event.id,
    amount: Number(row.payment_amount),
    currency: row.payment_currency,
    status: 'pending',
    discount: 0,
    refundedAmount: 0,
    createdAt: iso(row.payment_created_at)!,
    updatedAt: iso(row.payment_created_at)!,
  }
  return { event, registration: toRegistration(row), payment }
}
