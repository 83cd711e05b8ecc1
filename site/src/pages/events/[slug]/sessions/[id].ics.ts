import type { APIRoute } from 'astro'

import { sessionIcs } from '../../../../lib/calendar'
import { idParam } from '../../../../lib/relay'
import { absoluteUrl, content } from '../../../../lib/site'

/** One session in a calendar file, from the public agenda. */
export const GET: APIRoute = async ({ params }) => {
  const id = idParam(params.id)
  const event = await content.getEvent(params.slug ?? '')
  const agenda = event && id !== null ? await content.getAgenda(event.id) : null
  const session = agenda?.sessions.find((item) => item.id === id)
  if (!event || !session) return new Response('No such session.', { status: 404 })
  const ics = sessionIcs(
    session,
    event,
    absoluteUrl(`/events/${event.slug}/sessions/${session.id}`),
  )
  return new Response(ics, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="${event.slug}-session-${session.id}.ics"`,
    },
  })
}
