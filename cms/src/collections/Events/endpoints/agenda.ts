import type { Endpoint } from 'payload'

import { json } from '../../../lib/http'
import { endsAt, findVisibleEvent } from '../../../services/bookableEvent'
import { agendaSession, findAgendaSessions, tracksOf } from '../../../services/program/agenda'

/**
 * GET /api/events/:id/agenda: the program of an event the caller may see (public for published
 * events): sessions with times, track, kind and speakers; never a stream address.
 */
export const eventAgenda: Endpoint = {
  path: '/:id/agenda',
  method: 'get',
  handler: async (req) => {
    const event = await findVisibleEvent(req, String(req.routeParams?.id))
    const sessions = (await findAgendaSessions(req, { event: { equals: event.id } })).map(
      agendaSession,
    )
    return json(req, {
      event: {
        id: event.id,
        title: event.title,
        slug: event.slug,
        timezone: event.timezone,
        startTime: new Date(event.startTime).toISOString(),
        endTime: endsAt(event).toISOString(),
        status: event.status,
      },
      tracks: tracksOf(sessions),
      sessions,
    })
  },
}
