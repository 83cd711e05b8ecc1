import type { APIRoute } from 'astro'

import { json } from '../../../../../lib/http'
import { idParam, relayToCms } from '../../../../../lib/relay'

/** A session's chat and questions with offsets from its start (its stream token required). */
export const GET: APIRoute = async ({ params, url }) => {
  const id = idParam(params.id)
  if (id === null) return json({ error: 'No such session.' }, 404)
  const token = url.searchParams.get('token') ?? ''
  return relayToCms(`/api/sessions/${id}/replay?token=${encodeURIComponent(token)}`)
}
