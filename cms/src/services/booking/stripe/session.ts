import type { PayloadRequest } from 'payload'
import type Stripe from 'stripe'

import type { Payment } from '../../../payload-types'
import { RequestError } from '../../../lib/errors'
import { stripe } from '../../stripe'
import { slugs } from '../../../plugin/settings'

const MAX_ID = 2_147_483_647

export type SessionMatch =
  { payment: Payment; session: Stripe.Checkout.Session } | { mismatch: string }

/**
 * The payment a Checkout session event names, with Stripe's own copy of the session, only when
 * they agree: the event's session is the payment's session, and Stripe's session has the
 * payment's amount and currency (and the event's copy says the same). Anything else is a
 * mismatch that changes nothing, however well it is signed.
 */
export async function matchSession(
  req: PayloadRequest,
  claimed: Stripe.Checkout.Session,
): Promise<SessionMatch> {
  const paymentId = Number(claimed.metadata?.paymentId)
  // A payment id is a Postgres integer: a larger number is nobody's payment, not a database error.
  if (!Number.isInteger(paymentId) || paymentId <= 0 || paymentId > MAX_ID) {
    return { mismatch: 'no payment id' }
  }
  // Only a payment that is not there is unknown; a database that cannot answer now throws, so
  // the webhook fails and Stripe delivers it again (ignoring it would lose a paid seat).
  const payment = await req.payload.findByID({
    collection: slugs.payments,
    id: paymentId,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  if (!payment) return { mismatch: `unknown payment ${paymentId}` }
  if (!payment.checkoutSessionId) {
    // The session is being opened right now; Stripe delivers again in a moment.
    throw new RequestError('This payment has no Checkout session yet.', 409)
  }
  if (claimed.id !== payment.checkoutSessionId) return { mismatch: 'another session' }
  const session = await stripe().checkout.sessions.retrieve(payment.checkoutSessionId)
  const currency = payment.currency.toLowerCase()
  if (session.amount_total !== payment.amount || session.currency !== currency) {
    return { mismatch: 'amount or currency differ from the payment' }
  }
  if (claimed.amount_total !== session.amount_total || claimed.currency !== session.currency) {
    return { mismatch: 'the event disagrees with Stripe' }
  }
  if (session.metadata?.paymentId !== String(payment.id)) return { mismatch: 'another payment' }
  return { payment, session }
}

export function logMismatch(req: PayloadRequest, event: Stripe.Event, mismatch: string): void {
  req.payload.logger.warn(
    { stripeEventId: event.id, type: event.type, mismatch },
    'webhook ignored',
  )
}
