import type Stripe from 'stripe'

import { fulfilSession } from './fulfil'
import type { StripeEventHandler } from './record'

/** A delayed payment (bank debit) went through: fulfil. */
export const asyncPaymentSucceeded: StripeEventHandler = (req, event) =>
  fulfilSession(req, event, event.data.object as Stripe.Checkout.Session)
