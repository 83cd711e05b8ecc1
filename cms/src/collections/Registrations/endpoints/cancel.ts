import { type Endpoint, type PayloadRequest } from 'payload'

import { json } from '../../../lib/http'
import { bookingError, cancelRegistration, quoteCancellation } from '../../../services/booking'
import { RequestError } from '../../../lib/errors'

function registrationId(req: PayloadRequest): number {
  if (!req.user) throw bookingError('LOGIN_REQUIRED', 'Log in to cancel a registration.')
  const id = String(req.routeParams?.id ?? '')
  if (!/^[1-9]\d{0,15}$/.test(id)) {
    throw new RequestError(`"${id.slice(0, 40)}" is not a valid id.`, 400, { path: 'id' })
  }
  return Number(id)
}

/** GET /api/registrations/:id/cancellation: what cancelling now would do to the money. */
export const cancellationQuote: Endpoint = {
  path: '/:id/cancellation',
  method: 'get',
  handler: async (req) => json(req, await quoteCancellation(req, registrationId(req))),
}

/**
 * DELETE /api/registrations/:id[?refund=required]: cancels (the row is kept), refunds when the
 * event's refund policy allows, frees the seat. The answer says what happened to the money;
 * `refund=required` refuses (REFUND_NOT_ALLOWED) rather than cancel without a refund.
 */
export const cancel: Endpoint = {
  path: '/:id',
  method: 'delete',
  handler: async (req) => {
    const id = registrationId(req)
    const requireRefund = req.searchParams.get('refund') === 'required'
    return json(req, await cancelRegistration(req, id, { requireRefund }))
  },
}
