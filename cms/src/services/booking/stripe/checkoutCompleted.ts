import type Stripe from 'stripe'

import { fulfilSession } from './fulfil'
import type { StripeEventHandler } from './record'
import { recordEvent } from './record'

/** Paid at once (cards): fulfil. Delayed methods complete unpaid; their outcome comes later. */
export const checkoutCompleted: StripeEventHandler = async (req, event) => {
  const session = event.data.object as Stripe.Checkout.Session
  if (session.payment_status !== 'paid') {
    await recordEvent(req, event)
    return 'ignored'
  }
  return fulfilSession(req, event, session)
}
