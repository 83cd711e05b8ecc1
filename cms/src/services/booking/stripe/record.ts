import type { PayloadRequest } from 'payload'
import type Stripe from 'stripe'
import { slugs } from '../../../plugin/settings'

/** What a webhook did: `refunded` = money arrived that no seat wanted, and went back. */
export type Outcome = 'duplicate' | 'fulfilled' | 'failed' | 'refunded' | 'ignored'

export type StripeEventHandler = (req: PayloadRequest, event: Stripe.Event) => Promise<Outcome>

/** Records the event as handled; inside the handler's transaction, beside its effect. */
export async function recordEvent(req: PayloadRequest, event: Stripe.Event): Promise<void> {
  await req.payload.create({
    collection: slugs.stripeEvents,
    data: { stripeEventId: event.id, type: event.type },
    overrideAccess: true,
    req,
  })
}
