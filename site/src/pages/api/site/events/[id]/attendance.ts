import type { APIRoute } from 'astro'
import { z } from 'zod'

import { json, readJson } from '../../../../../lib/http'
import { idParam, relayToCms } from '../../../../../lib/relay'

const heartbeatSchema = z.object({ token: z.string().min(1).max(500) })

/** The live player's heartbeat (stream token required). */
export const POST: APIRoute = async ({ params, request }) => {
  const id = idParam(params.id)
  if (id === null) return json({ error: 'No such event.' }, 404)
  const body = await readJson(request, heartbeatSchema)
  if (!body) return json({ error: 'Send the stream token as { "token": … }.' }, 400)
  return relayToCms(`/api/events/${id}/attendance`, { method: 'POST', body })
}
