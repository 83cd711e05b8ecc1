import type { Endpoint } from 'payload'

import { json } from '../../../lib/http'
import { recordHeartbeat } from '../../../services/attendance'
import { streamState } from '../../../services/streamAccess'
import { requireStreamGrant } from './streamTokenParam'
import { slugs } from '../../../plugin/settings'

/**
 * POST /api/events/:id/attendance { token }: the live player's heartbeat.
 * Counts only while the event is live; the token names who is watching.
 */
export const eventAttendance: Endpoint = {
  path: '/:id/attendance',
  method: 'post',
  handler: async (req) => {
    const body = (req.json ? await req.json().catch(() => ({})) : {}) as { token?: unknown }
    const grant = requireStreamGrant(req, body?.token)
    const event = await req.payload.findByID({
      collection: slugs.events,
      id: grant.eventId,
      depth: 0,
      overrideAccess: true,
      req,
    })
    if (streamState(event) !== 'live') {
      return json(req, { recorded: false, message: 'Attendance counts while the event is live.' })
    }
    const row = await recordHeartbeat(req, { eventId: grant.eventId, userId: grant.userId })
    return json(req, { recorded: true, watchSeconds: row.watchSeconds })
  },
}
