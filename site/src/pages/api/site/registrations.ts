import type { APIRoute } from 'astro'
import { z } from 'zod'

import { json, readJson } from '../../../lib/http'
import { orderBodySchema, refusal, toOrderRequest } from '../../../lib/orders'
import { PAGE_TAG } from '../../../lib/pageCache'
import { account, cache } from '../../../lib/site'

const registerBodySchema = z.union([
  orderBodySchema,
  z.object({ event: z.number().int().positive(), waitlist: z.boolean().optional() }),
])

/**
 * The checkout island's free orders, "Register" and "Join the waitlist", relayed to the CMS
 * with the visitor's session.
 */
export const POST: APIRoute = async ({ request, locals }) => {
  if (!locals.token) return json({ error: 'Log in to register.', code: 'LOGIN_REQUIRED' }, 401)
  const body = await readJson(request, registerBodySchema)
  if (!body) return json({ error: 'Choose an event to register for.', code: 'INVALID_ORDER' }, 400)
  try {
    if ('items' in body) {
      const { registrations } = await account.order(toOrderRequest(body), locals.token, false)
      cache.purgeTags([`seats:${body.event}`, PAGE_TAG])
      return json({ status: 'confirmed', count: registrations.length }, 201)
    }
    const registration = await account.register(body.event, locals.token, body.waitlist)
    cache.purgeTags([`seats:${body.event}`, PAGE_TAG])
    return json({ status: registration.status, id: registration.id }, 201)
  } catch (error) {
    return refusal(error)
  }
}
