import Stripe from 'stripe'

import { env } from '../env'

let client: Stripe | undefined

/**
 * The Stripe client. With STRIPE_API_URL set (local use and tests) the same
 * SDK talks to the project's Stripe-compatible test server instead of Stripe.
 */
export function stripe(): Stripe {
  if (client) return client
  const api = env.STRIPE_API_URL ? new URL(env.STRIPE_API_URL) : undefined
  client = new Stripe(env.STRIPE_SECRET_KEY, {
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
