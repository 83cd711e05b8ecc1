import type { APIRoute } from 'astro'

import { json } from '../../../../../lib/http'
import { idParam, relayToCms } from '../../../../../lib/relay'

/** A fresh stream token for the player, checked again by cms against the visitor's seat. */
export const GET: APIRoute = async ({ params, locals }) => {
  const id = idParam(params.id)
  if (id === null) return json({ error: 'No such event.' }, 404)
  if (!locals.token) return json({ error: 'Log in to watch this event.' }, 401)
  return relayToCms(`/api/events/${id}/stream`, { token: locals.token })
}
