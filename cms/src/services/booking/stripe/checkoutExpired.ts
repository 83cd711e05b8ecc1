import type Stripe from 'stripe'

import type { StripeEventHandler } from './record'
import { releaseSession } from './release'

/** The Checkout session expired unpaid: the checkout hold ends. */
export const checkoutExpired: StripeEventHandler = (req, event) =>
  releaseSession(
    req,
    event,
    event.data.object as Stripe.Checkout.Session,
    (session) => session.status === 'expired',
  )
