import type { APIRoute } from 'astro'

import { eventIcs } from '../../../lib/calendar'
import { lexicalToText } from '../../../lib/lexical'
import { absoluteUrl, content } from '../../../lib/site'

export const GET: APIRoute = async ({ params }) => {
  const event = await content.getEvent(params.slug ?? '')
  if (!event) return new Response('No such event.', { status: 404 })
  const ics = eventIcs(
    { ...event, description: lexicalToText(event.description, 1000) },
    absoluteUrl(`/events/${event.slug}`),
  )
  return new Response(ics, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="${event.slug}.ics"`,
    },
  })
}
