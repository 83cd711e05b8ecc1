import type { APIRoute } from 'astro'
import { z } from 'zod'

import { json, readJson } from '../../../lib/http'
import { orderBodySchema, refusal, toOrderRequest } from '../../../lib/orders'
import { PAGE_TAG } from '../../../lib/pageCache'
import { account, cache } from '../../../lib/site'

// One ticket for the visitor (a held seat, the plain button), or an order of tickets.
const checkoutBodySchema = z.union([
  orderBodySchema,
  z.object({ event: z.number().int().positive() }),
])

/** Starts Stripe Checkout (or the local test checkout) and hands its URL to the island. */
export const POST: APIRoute = async ({ request, locals }) => {
  if (!locals.token) return json({ error: 'Log in to buy a ticket.', code: 'LOGIN_REQUIRED' }, 401)
  const body = await readJson(request, checkoutBodySchema)
  if (!body) return json({ error: 'Choose the tickets to buy.', code: 'INVALID_ORDER' }, 400)
  try {
    const { url } =
      'items' in body
        ? await account.order(toOrderRequest(body), locals.token, true)
        : await account.checkout(body.event, locals.token)
    cache.purgeTags([`seats:${body.event}`, PAGE_TAG])
    return json({ url })
  } catch (error) {
    return refusal(error)
  }
}
