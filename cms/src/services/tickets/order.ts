import { randomBytes, randomUUID } from 'node:crypto'

import type { PayloadRequest } from 'payload'

import type { Payment, Registration } from '../../payload-types'
import { CHECKOUT_HOLD_MINUTES } from '../booking/checkout'
import { decideBooking } from '../booking/decide'
import { bookingError } from '../booking/errors'
import { findEventToBook } from '../booking/event'
import { findRegistration, lockRegistration, moveRegistration } from '../booking/registrations'
import { holdIsLive } from '../booking/seats'
import { inTransaction } from '../transaction'
import { readTicketedEvent, type TicketedEvent } from './catalog'
import { takePromoUse } from './counters'
import { openOrderSession, releaseFailedOrder } from './orderSession'
import type { OrderRequestBody } from './orderRequest'
import { checkOrder, type CheckedOrder, type OrderTicket } from './validateOrder'
import { slugs } from '../../plugin/settings'

export type PlacedOrder = {
  orderId: string
  registrations: Registration[]
  payment: Payment | null
}

export type OrderCheckout = PlacedOrder & { url: string; payment: Payment }

const newClaimToken = () => randomBytes(24).toString('base64url')

/**
 * Places an order of one or more tickets: checks it, then in one transaction writes a
 * registration per attendee (each taking an event seat and a ticket of its type through the
 * registrations' counter hook), the payment of a paid order, and the promo code's use. Any
 * refusal rolls the whole order back. Free orders are confirmed at once; paid ones are held
 * (pending) until the webhook confirms their payment.
 */
async function placeOrder(
  req: PayloadRequest,
  body: OrderRequestBody,
  kind: 'free' | 'paid',
): Promise<PlacedOrder & { event: TicketedEvent; order: CheckedOrder }> {
  const buyer = req.user!
  const found = await readTicketedEvent(req, body.event).catch(() => null)
  // A published event is anyone's to book: one read. Any other is checked against the caller's
  // access first (404 for those who may not see it), then refused as not bookable.
  if (!found || found.status !== 'published') await findEventToBook(req, body.event)
  if (!found) throw bookingError('EVENT_NOT_FOUND', 'No such event.')
  const event = found
  const bookable = decideBooking({ event, existing: undefined, seatsTaken: 0 })
  if ('refusal' in bookable) throw bookable.refusal
  const order = checkOrder(event, body)
  if (kind === 'paid' && order.total === 0) {
    throw bookingError(
      'EVENT_IS_FREE',
      'This order is free: place it with POST /api/registrations.',
    )
  }
  if (kind === 'free' && order.total > 0) {
    throw bookingError(
      'PAYMENT_REQUIRED',
      'This order has a price: buy it with POST /api/payments/checkout.',
      { price: order.total, currency: event.currency },
    )
  }
  const orderId = randomUUID()
  const placed = await inTransaction(req, async () => {
    const payment =
      kind === 'paid'
        ? await req.payload.create({
            collection: slugs.payments,
            data: {
              user: buyer.id,
              event: event.id,
              amount: order.total,
              discount: order.discount,
              currency: event.currency,
              promoCode: order.promo?.code ?? null,
              status: 'pending',
            },
            overrideAccess: true,
            req,
          })
        : null
    const registrations: Registration[] = []
    for (const ticket of order.tickets) {
      registrations.push(await writeTicket(req, { event, ticket, order, orderId, payment }))
    }
    if (order.promo) {
      const hasUse = await takePromoUse(req, {
        promoId: order.promo.id,
        eventId: event.id,
        maxUses: order.promo.maxUses ?? null,
      })
      if (!hasUse) {
        throw bookingError('PROMO_EXHAUSTED', 'This promo code has been used up.', {
          field: 'promoCode',
        })
      }
    }
    const linked = payment
      ? await req.payload.update({
          collection: slugs.payments,
          id: payment.id,
          data: { registration: registrations[0]!.id },
          overrideAccess: true,
          req,
        })
      : null
    return { orderId, registrations, payment: linked }
  })
  return { ...placed, event, order }
}

/** Writes one ticket: the buyer's own (reusing their ended registration), or an attendee's to claim. */
async function writeTicket(
  req: PayloadRequest,
  {
    event,
    ticket,
    order,
    orderId,
    payment,
  }: {
    event: TicketedEvent
    ticket: OrderTicket
    order: CheckedOrder
    orderId: string
    payment: Payment | null
  },
): Promise<Registration> {
  const buyer = req.user!
  const isBuyers = ticket.attendeeEmail === buyer.email.toLowerCase()
  const status = payment ? 'pending' : 'confirmed'
  const changes = {
    buyer: buyer.id,
    orderId,
    ticketType: ticket.type.id,
    ticketTypeName: ticket.type.name,
    attendeeName: ticket.attendeeName,
    attendeeEmail: ticket.attendeeEmail,
    answers: ticket.answers,
    price: ticket.price,
    promoCode: order.promo?.code ?? null,
    payment: payment?.id ?? null,
    registeredAt: new Date().toISOString(),
    holdExpiresAt: payment
      ? new Date(Date.now() + CHECKOUT_HOLD_MINUTES * 60_000).toISOString()
      : null,
    claimToken: isBuyers ? null : newClaimToken(),
  }
  if (!isBuyers) {
    return req.payload.create({
      collection: slugs.registrations,
      data: { ...changes, status, event: event.id },
      overrideAccess: true,
      context: { bookingEvent: event },
      req,
    })
  }
  const found = await findRegistration(req, buyer.id, event.id)
  const existing = found ? await lockRegistration(req, found.id) : undefined
  const isActive =
    existing && (['confirmed', 'waitlisted'].includes(existing.status) || holdIsLive(existing))
  if (isActive) {
    throw bookingError('ALREADY_REGISTERED', 'You already have a ticket for this event.', {
      field: 'attendees',
    })
  }
  return moveRegistration(req, existing ?? { user: buyer.id, event }, status, changes, event)
}

/** A free order (total 0): every ticket confirmed at once. */
export async function placeFreeOrder(
  req: PayloadRequest,
  body: OrderRequestBody,
): Promise<PlacedOrder> {
  const { orderId, registrations, payment } = await placeOrder(req, body, 'free')
  return { orderId, registrations, payment }
}

/** A paid order: tickets held, then a Stripe Checkout session for the whole order. */
export async function startOrderCheckout(
  req: PayloadRequest,
  body: OrderRequestBody,
): Promise<OrderCheckout> {
  const placed = await placeOrder(req, body, 'paid')
  const payment = placed.payment!
  try {
    const session = await openOrderSession(req, { ...placed, payment })
    const withSession = await req.payload.update({
      collection: slugs.payments,
      id: payment.id,
      data: { checkoutSessionId: session.id },
      overrideAccess: true,
      req,
    })
    return { ...placed, payment: withSession, url: session.url! }
  } catch (error) {
    req.payload.logger.error({ err: error, paymentId: payment.id }, 'order checkout failed')
    await releaseFailedOrder(req, { ...placed, payment })
    throw bookingError(
      'PAYMENT_PROVIDER_UNAVAILABLE',
      'The payment provider is not reachable; please try again.',
    )
  }
}
