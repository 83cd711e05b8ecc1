import type { APIRoute } from 'astro'

import { json } from '../../../../../lib/http'
import { idParam, relayToCms } from '../../../../../lib/relay'

/** The program player's stream for one session, checked by cms against the visitor's seat. */
export const GET: APIRoute = async ({ params, locals }) => {
  const id = idParam(params.id)
  if (id === null) return json({ error: 'No such session.' }, 404)
  if (!locals.token) return json({ error: 'Log in to watch this session.' }, 401)
  return relayToCms(`/api/sessions/${id}/stream`, { token: locals.token })
}
