import type { PayloadRequest } from 'payload'

import type { PromoPreview, SalesState, TicketTypeOffer } from '../../contract/tickets'
import type { Event } from '../../payload-types'
import { bookingError, type BookingError } from '../booking/errors'
import { slugs } from '../../plugin/settings'

export type TicketType = NonNullable<Event['ticketTypes']>[number] & { id: string }
export type PromoCode = NonNullable<Event['promoCodes']>[number] & { id: string }
export type Question = NonNullable<Event['questions']>[number] & { id: string }

/** An event with its ticket types, questions and promo codes (which the public cannot read). */
export type TicketedEvent = Omit<Event, 'ticketTypes' | 'promoCodes' | 'questions'> & {
  ticketTypes: TicketType[]
  promoCodes: PromoCode[]
  questions: Question[]
}

/** The event with its ticket types, codes and questions, read past field access (cms decides). */
export async function readTicketedEvent(
  req: PayloadRequest,
  eventId: number,
): Promise<TicketedEvent> {
  const event = (await req.payload.findByID({
    collection: slugs.events,
    id: eventId,
    depth: 0,
    joins: false,
    // No `select`: it drops the hasMany texts inside the lists (codes' types, questions' options).
    overrideAccess: true,
    req,
  })) as Event
  return {
    ...event,
    ticketTypes: (event.ticketTypes ?? []) as TicketType[],
    promoCodes: (event.promoCodes ?? []) as PromoCode[],
    questions: (event.questions ?? []) as Question[],
  }
}

export function salesState(type: TicketType, now = new Date()): SalesState {
  if (type.salesStart && new Date(type.salesStart) > now) return 'not_open'
  if (type.salesEnd && new Date(type.salesEnd) <= now) return 'closed'
  return 'open'
}

/** The refusal for buying a type outside its sales window, or null inside it. */
export function salesRefusal(type: TicketType, now = new Date()): BookingError | null {
  const state = salesState(type, now)
  if (state === 'not_open') {
    return bookingError('SALES_NOT_OPEN', `Sales of "${type.name}" have not opened yet.`, {
      ticketType: type.id,
      salesStart: type.salesStart,
    })
  }
  if (state === 'closed') {
    return bookingError('SALES_CLOSED', `Sales of "${type.name}" have closed.`, {
      ticketType: type.id,
      salesEnd: type.salesEnd,
    })
  }
  return null
}

const sameText = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase()

/** Whether the code is for this type (by name; no names = every type). */
export const promoAppliesTo = (promo: PromoCode, type: TicketType): boolean =>
  !promo.appliesTo?.length || promo.appliesTo.some((name) => sameText(name ?? '', type.name))

/** A hidden type is offered only with a code that applies to it. */
export const isOffered = (type: TicketType, promo: PromoCode | null): boolean =>
  !type.hidden || (promo !== null && promoAppliesTo(promo, type))

/**
 * The event's code by its text, valid now; PROMO_INVALID otherwise. (Its uses are counted where
 * the order takes one: see counters.ts.)
 */
export function findPromo(event: TicketedEvent, code: string, now = new Date()): PromoCode {
  const promo = event.promoCodes.find((candidate) => sameText(candidate.code, code))
  const invalid = (message: string) =>
    bookingError('PROMO_INVALID', message, { field: 'promoCode' })
  if (!promo) throw invalid('There is no such promo code for this event.')
  if (promo.validFrom && new Date(promo.validFrom) > now) {
    throw invalid('This promo code is not valid yet.')
  }
  if (promo.validUntil && new Date(promo.validUntil) <= now) {
    throw invalid('This promo code has expired.')
  }
  return promo
}

/** One ticket's price after the code, in minor units (never below 0). */
export function discountedPrice(type: TicketType, promo: PromoCode | null): number {
  if (!promo || !promoAppliesTo(promo, type)) return type.price
  if (promo.kind === 'percent') {
    return type.price - Math.round((type.price * (promo.percentOff ?? 0)) / 100)
  }
  if (promo.kind === 'amount') return Math.max(0, type.price - (promo.amountOff ?? 0))
  return type.price
}

export const promoPreview = (event: TicketedEvent, promo: PromoCode): PromoPreview => ({
  code: promo.code,
  kind: promo.kind,
  percentOff: promo.kind === 'percent' ? (promo.percentOff ?? null) : null,
  amountOff: promo.kind === 'amount' ? (promo.amountOff ?? null) : null,
  appliesTo: promo.appliesTo?.length
    ? event.ticketTypes.filter((type) => promoAppliesTo(promo, type)).map((type) => type.id)
    : null,
})

export function offerOf(
  event: TicketedEvent,
  type: TicketType,
  promo: PromoCode | null,
  { typeTaken, seatsLeft, now }: { typeTaken: number; seatsLeft: number; now: Date },
): TicketTypeOffer {
  const typeLeft = type.quantity ? Math.max(0, type.quantity - typeTaken) : seatsLeft
  const available = Math.min(typeLeft, seatsLeft)
  return {
    id: type.id,
    name: type.name,
    description: type.description ?? null,
    price: type.price,
    discountedPrice: discountedPrice(type, promo),
    currency: event.currency,
    quantity: type.quantity ?? null,
    available,
    isSoldOut: available === 0,
    salesStart: type.salesStart ?? null,
    salesEnd: type.salesEnd ?? null,
    salesState: salesState(type, now),
    minPerOrder: type.minPerOrder ?? 1,
    maxPerOrder: type.maxPerOrder ?? 10,
    hidden: Boolean(type.hidden),
  }
}

/** The type a single-ticket booking (`{ event }` alone) buys: the first public type on sale. */
export function defaultTicketType(
  event: Pick<TicketedEvent, 'ticketTypes'>,
  now = new Date(),
): TicketType | undefined {
  const visible = event.ticketTypes.filter((type) => !type.hidden)
  return visible.find((type) => salesState(type, now) === 'open') ?? visible[0]
}
