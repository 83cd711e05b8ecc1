import type { APIRoute } from 'astro'
import { z } from 'zod'

import { json, readJson, visitorMessage } from '../../../lib/http'
import { PAGE_TAG } from '../../../lib/pageCache'
import { account, cache } from '../../../lib/site'

const registerBodySchema = z.object({
  event: z.number().int().positive(),
  waitlist: z.boolean().optional(),
})

/** The checkout island's "Register" and "Join the waitlist", relayed to the CMS with the visitor's session. */
export const POST: APIRoute = async ({ request, locals }) => {
  if (!locals.token) return json({ error: 'Log in to register.', code: 'LOGIN_REQUIRED' }, 401)
  const body = await readJson(request, registerBodySchema)
  if (!body) return json({ error: 'Choose an event to register for.' }, 400)
  try {
    const registration = await account.register(body.event, locals.token, body.waitlist)
    cache.purgeTags([`seats:${body.event}`, PAGE_TAG])
    return json({ status: registration.status, id: registration.id }, 201)
  } catch (error) {
    const { message, status, code } = visitorMessage(error)
    return json({ error: message, code }, status)
  }
}
