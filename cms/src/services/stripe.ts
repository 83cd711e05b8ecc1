import Stripe from 'stripe'

import { settings } from '../plugin/settings'

let client: Stripe | undefined

/**
 * The Stripe client. With STRIPE_API_URL set (local use and tests) the same
 * SDK talks to the project's Stripe-compatible test server instead of Stripe.
 */
export function stripe(): Stripe {
  if (client) return client
  const api = settings.stripe.apiUrl ? new URL(settings.stripe.apiUrl) : undefined
  client = new Stripe(settings.stripe.secretKey, {
    maxNetworkRetries: 2,
    timeout: 10_000,
    ...(api && {
      host: api.hostname,
      port: Number(api.port || (api.protocol === 'https:' ? 443 : 80)),
      protocol: api.protocol === 'https:' ? 'https' : 'http',
    }),
  })
  return client
}
