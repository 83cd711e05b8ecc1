import type { PayloadRequest } from 'payload'
import type Stripe from 'stripe'

import { RequestError } from '../../../lib/errors'
import { stripe } from '../../stripe'
import { asyncPaymentFailed } from './asyncPaymentFailed'
import { asyncPaymentSucceeded } from './asyncPaymentSucceeded'
import { checkoutCompleted } from './checkoutCompleted'
import { checkoutExpired } from './checkoutExpired'
import { recordEvent, type Outcome, type StripeEventHandler } from './record'
import { refundUpdated } from './refundUpdated'
import { settings, slugs } from '../../../plugin/settings'

export type { Outcome } from './record'

/** Signatures older than this are refused (Stripe's own default). */
export const WEBHOOK_TOLERANCE_SECONDS = 300

/** Checks the signature on the raw body; anything wrong is a 400 and changes nothing. */
export function verifyWebhook(rawBody: string, signature: string | null): Stripe.Event {
  if (!signature) throw new RequestError('Missing Stripe-Signature header.', 400)
  try {
    return stripe().webhooks.constructEvent(
      rawBody,
      signature,
      settings.stripe.webhookSecret,
      WEBHOOK_TOLERANCE_SECONDS,
    )
  } catch {
    throw new RequestError('Invalid or expired Stripe signature.', 400)
  }
}

/** One handler per Stripe event type we act on; every other type is recorded and ignored. */
const handlers: Partial<Record<Stripe.Event['type'], StripeEventHandler>> = {
  'checkout.session.completed': checkoutCompleted,
  'checkout.session.async_payment_succeeded': asyncPaymentSucceeded,
  'checkout.session.async_payment_failed': asyncPaymentFailed,
  'checkout.session.expired': checkoutExpired,
  'refund.updated': refundUpdated,
}

/**
 * Applies one verified Stripe event exactly once. Each handler records the event id in the same
 * transaction as its effect, so a redelivery is a no-op and a failure records nothing (Stripe
 * retries it).
 */
export async function handleStripeEvent(
  req: PayloadRequest,
  event: Stripe.Event,
): Promise<Outcome> {
  const seen = await req.payload.count({
    collection: slugs.stripeEvents,
    where: { stripeEventId: { equals: event.id } },
    overrideAccess: true,
  })
  if (seen.totalDocs > 0) return 'duplicate'
  const handler = handlers[event.type]
  if (handler) return handler(req, event)
  await recordEvent(req, event)
  return 'ignored'
}
