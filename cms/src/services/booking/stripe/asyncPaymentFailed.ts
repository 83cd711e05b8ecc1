import type Stripe from 'stripe'

import type { StripeEventHandler } from './record'
import { releaseSession } from './release'

/** A delayed payment failed: the checkout hold ends. */
export const asyncPaymentFailed: StripeEventHandler = (req, event) =>
  releaseSession(
    req,
    event,
    event.data.object as Stripe.Checkout.Session,
    (session) => session.payment_status !== 'paid',
  )
