import type { APIRoute } from 'astro'

import { idParam, relayToCms } from '../../../../lib/relay'

/** One session as a calendar file: cms writes it, like the entries of the private feed. */
export const GET: APIRoute = async ({ params }) => {
  const id = idParam(params.id)
  if (id === null) return new Response('No such session.', { status: 404 })
  const response = await relayToCms(`/api/sessions/${id}/calendar.ics`)
  if (!response.ok) return new Response('No such session.', { status: response.status })
  // Saved under a name that says what it is, whatever cms calls it.
  const headers = new Headers(response.headers)
  headers.set('Content-Disposition', `attachment; filename="${params.slug}-session-${id}.ics"`)
  return new Response(response.body, { status: 200, headers })
}
