import { type Endpoint } from 'payload'

import { checkRole } from '../../../access/checkRole'
import { json, parseBody } from '../../../lib/http'
import { slugs } from '../../../plugin/settings'
import { eventRequestSchema } from '../../../lib/schemas'
import { bookingError, registerForEvent } from '../../../services/booking'

/** POST /api/registrations { event, waitlist? }: register for a free event, or join a full event's waitlist. */
export const register: Endpoint = {
  path: '/',
  method: 'post',
  handler: async (req) => {
    if (!req.user) throw bookingError('LOGIN_REQUIRED', 'Log in to register.')
    const body = await parseBody(req, eventRequestSchema, slugs.registrations)
    const userId = checkRole(['admin'], req.user) && body.user ? body.user : req.user.id
    const doc = await registerForEvent(req, {
      eventId: body.event,
      userId,
      joinWaitlist: body.waitlist,
    })
    const message = doc.status === 'waitlisted' ? 'You are on the waitlist.' : 'You are registered.'
    return json(req, { doc, message }, { status: 201 })
  },
}
