import type { APIRoute } from 'astro'
import { z } from 'zod'

import { json, readJson, visitorMessage } from '../../../lib/http'
import { PAGE_TAG } from '../../../lib/pageCache'
import { account, cache } from '../../../lib/site'

const checkoutBodySchema = z.object({ event: z.number().int().positive() })

/** Starts Stripe Checkout (or the local test checkout) and hands its URL to the island. */
export const POST: APIRoute = async ({ request, locals }) => {
  if (!locals.token) return json({ error: 'Log in to buy a ticket.', code: 'LOGIN_REQUIRED' }, 401)
  const body = await readJson(request, checkoutBodySchema)
  if (!body) return json({ error: 'Choose an event to buy a ticket for.' }, 400)
  try {
    const { url } = await account.checkout(body.event, locals.token)
    cache.purgeTags([`seats:${body.event}`, PAGE_TAG])
    return json({ url })
  } catch (error) {
    const { message, status, code } = visitorMessage(error)
    return json({ error: message, code }, status)
  }
}
