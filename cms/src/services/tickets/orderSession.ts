import type { PayloadRequest } from 'payload'
import type Stripe from 'stripe'

import { env } from '../../env'
import type { Payment, Registration } from '../../payload-types'
import { moveRegistration, lockRegistration } from '../booking/registrations'
import { stripe } from '../stripe'
import { inTransaction } from '../transaction'
import type { TicketedEvent } from './catalog'
import type { CheckedOrder } from './validateOrder'
import { slugs } from '../../plugin/settings'

/** Stripe refuses Checkout sessions that expire sooner than 30 minutes after creation. */
const MIN_SESSION_MINUTES = 31

type HeldOrder = {
  orderId: string
  event: TicketedEvent
  order: CheckedOrder
  registrations: Registration[]
  payment: Payment
}

/**
 * One Checkout session for the whole order: a line item per ticket type at its list price and
 * the promo code's discount as a one-off coupon, so the session's total is the payment's amount
 * (which the webhook checks).
 */
export async function openOrderSession(
  req: PayloadRequest,
  { orderId, event, order, registrations, payment }: HeldOrder,
): Promise<Stripe.Checkout.Session> {
  const quantities = new Map<string, { name: string; price: number; quantity: number }>()
  for (const ticket of order.tickets) {
    const line = quantities.get(ticket.type.id)
    if (line) line.quantity++
    else
      quantities.set(ticket.type.id, {
        name: ticket.type.name,
        price: ticket.type.price,
        quantity: 1,
      })
  }
  const currency = payment.currency.toLowerCase()
  const coupon =
    order.discount > 0
      ? await stripe().coupons.create(
          {
            amount_off: order.discount,
            currency,
            duration: 'once',
            name: order.promo?.code ?? 'Discount',
          },
          { idempotencyKey: `coupon:${payment.id}` },
        )
      : null
  const holdEnds = new Date(registrations[0]!.holdExpiresAt!).getTime()
  const expiresAt = Math.max(holdEnds, Date.now() + MIN_SESSION_MINUTES * 60_000)
  return stripe().checkout.sessions.create(
    {
      mode: 'payment',
      line_items: [...quantities.values()].map((line) => ({
        quantity: line.quantity,
        price_data: {
          currency,
          unit_amount: line.price,
          product_data: { name: `${event.title}: ${line.name}` },
        },
      })),
      ...(coupon ? { discounts: [{ coupon: coupon.id }] } : {}),
      customer_email: req.user!.email,
      client_reference_id: String(payment.id),
      metadata: {
        paymentId: String(payment.id),
        registrationId: String(registrations[0]!.id),
        eventId: String(event.id),
        orderId,
      },
      expires_at: Math.floor(expiresAt / 1000),
      success_url: `${env.SITE_URL}/checkout/success?session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: `${env.SITE_URL}/checkout/cancelled?event=${encodeURIComponent(event.slug)}`,
    },
    { idempotencyKey: `checkout:order:${payment.id}` },
  )
}

/** No session could be opened: the payment fails and every ticket of the order gives its seat back. */
export async function releaseFailedOrder(
  req: PayloadRequest,
  { event, registrations, payment }: HeldOrder,
): Promise<void> {
  await inTransaction(req, async () => {
    for (const registration of registrations) {
      const current = await lockRegistration(req, registration.id)
      if (current.status !== 'pending') continue
      await moveRegistration(req, current, 'expired', { holdExpiresAt: null }, event)
    }
    // After the seats (the lock order); the payments hook gives the code's use back.
    await req.payload.update({
      collection: slugs.payments,
      id: payment.id,
      data: { status: 'failed' },
      overrideAccess: true,
      req,
    })
  })
}
