import { type Endpoint } from 'payload'

import { json } from '../../../lib/http'
import { cancelRegistration } from '../../../services/registration'
import { RequestError } from '../../../lib/errors'

/** DELETE /api/registrations/:id: cancels (the row is kept), refunds, frees the seat. */
export const cancel: Endpoint = {
  path: '/:id',
  method: 'delete',
  handler: async (req) => {
    if (!req.user) throw new RequestError('Log in to cancel a registration.', 401)
    const id = String(req.routeParams?.id ?? '')
    if (!/^[1-9]\d{0,15}$/.test(id)) {
      throw new RequestError(`"${id.slice(0, 40)}" is not a valid id.`, 400)
    }
    const doc = await cancelRegistration(req, id)
    return json(req, { doc, message: 'Your registration is cancelled.' })
  },
}
