import type { APIRoute } from 'astro'

import { json } from '../../../../../lib/http'
import { idParam, relayToCms } from '../../../../../lib/relay'

/** The player's chat replay: the live session's messages with their offsets (stream token required). */
export const GET: APIRoute = async ({ params, url }) => {
  const id = idParam(params.id)
  if (id === null) return json({ error: 'No such event.' }, 404)
  const token = url.searchParams.get('token') ?? ''
  return relayToCms(`/api/events/${id}/replay?token=${encodeURIComponent(token)}`)
}
