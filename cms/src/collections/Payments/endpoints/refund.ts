import { type Endpoint } from 'payload'

import { json } from '../../../lib/http'
import { RequestError } from '../../../lib/errors'
import { bookingError, refundAsOrganizer } from '../../../services/booking'

/** POST /api/payments/:id/refund: the event's organizer or an admin refunds, whatever the deadline. */
export const refund: Endpoint = {
  path: '/:id/refund',
  method: 'post',
  handler: async (req) => {
    if (!req.user) throw bookingError('LOGIN_REQUIRED', 'Log in to refund a payment.')
    const id = String(req.routeParams?.id ?? '')
    if (!/^[1-9]\d{0,15}$/.test(id)) {
      throw new RequestError(`"${id.slice(0, 40)}" is not a valid id.`, 400, { path: 'id' })
    }
    const doc = await refundAsOrganizer(req, Number(id))
    return json(req, { doc, message: 'The payment is refunded and the ticket cancelled.' })
  },
}
