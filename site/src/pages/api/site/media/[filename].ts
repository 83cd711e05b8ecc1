import type { APIRoute } from 'astro'

import { json } from '../../../../lib/http'
import { relayToCms } from '../../../../lib/relay'

/**
 * Event materials and captions, fetched from the CMS as the visitor: the CMS
 * decides who may read them (confirmed attendees, the organizer, admins).
 */
export const GET: APIRoute = async ({ params, locals }) => {
  const filename = params.filename ?? ''
  if (!/^[\w.-]{1,200}$/.test(filename)) return json({ error: 'No such file.' }, 404)
  if (!locals.token) return json({ error: 'Log in to download the event’s materials.' }, 401)
  return relayToCms(`/api/media/file/${encodeURIComponent(filename)}`, { token: locals.token })
}
