import { type Endpoint } from 'payload'

import { checkRole } from '../../../access/checkRole'
import { json, readJsonObject, validateBody } from '../../../lib/http'
import { slugs } from '../../../plugin/settings'
import { eventRequestSchema } from '../../../lib/schemas'
import { bookingError, registerForEvent } from '../../../services/booking'
import { placeFreeOrder } from '../../../services/tickets/order'
import { isOrderBody, orderRequestSchema } from '../../../services/tickets/orderRequest'

/**
 * POST /api/registrations { event, waitlist? }: register for a free event, or join a full event's
 * waitlist. With `items` (docs/tickets.md): a free order of one or more tickets, each naming its
 * attendee.
 */
export const register: Endpoint = {
  path: '/',
  method: 'post',
  handler: async (req) => {
    if (!req.user) throw bookingError('LOGIN_REQUIRED', 'Log in to register.')
    const raw = await readJsonObject(req)
    if (isOrderBody(raw)) {
      const order = await placeFreeOrder(
        req,
        validateBody(raw, orderRequestSchema, slugs.registrations),
      )
      const count = order.registrations.length
      return json(
        req,
        {
          doc: order.registrations[0],
          docs: order.registrations,
          orderId: order.orderId,
          message: `You have ${count} ticket${count === 1 ? '' : 's'}.`,
        },
        { status: 201 },
      )
    }
    const body = validateBody(raw, eventRequestSchema, slugs.registrations)
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
