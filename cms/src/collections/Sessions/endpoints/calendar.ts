import { headersWithCors, type Endpoint } from 'payload'

import { agendaSession, findAgendaSessions } from '../../../services/program/agenda'
import {
  buildSessionsCalendar,
  calendarHeaders,
  calendarSession,
} from '../../../services/program/calendar'
import { findVisibleSession } from '../../../services/program/sessions'

/** GET /api/sessions/:id/calendar.ics: one session as a calendar file, for anyone who may see it. */
export const sessionCalendar: Endpoint = {
  path: '/:id/calendar.ics',
  method: 'get',
  handler: async (req) => {
    const visible = await findVisibleSession(req, req.routeParams?.id as string)
    const [session] = await findAgendaSessions(req, { id: { equals: visible.id } })
    const agenda = agendaSession(session!)
    const body = buildSessionsCalendar([calendarSession(agenda, session!)], { name: agenda.title })
    return new Response(body, {
      headers: headersWithCors({
        headers: new Headers(calendarHeaders(`session-${session!.id}.ics`)),
        req,
      }),
    })
  },
}
