import type { PayloadRequest } from 'payload'

import { checkRole } from '../../access/checkRole'
import type { Payment } from '../../payload-types'
import { idOf } from '../bookableEvent'
import { cancelRegistration } from './cancel'
import { bookingError } from './errors'
import { findPayment, refundPayment } from './payments'
import { slugs } from '../../plugin/settings'

/**
 * An organizer (of the payment's event) or an admin refunds a payment in full, whatever the
 * deadline; the ticket is cancelled with it (its seat goes to the waitlist). Anyone else: 404 for
 * a payment they cannot see, 403 for their own.
 */
export async function refundAsOrganizer(req: PayloadRequest, paymentId: number): Promise<Payment> {
  const visible = await req.payload
    .findByID({
      collection: slugs.payments,
      id: paymentId,
      depth: 1,
      overrideAccess: false,
      user: req.user,
      req,
    })
    .catch(() => null)
  const event = visible && typeof visible.event === 'object' ? visible.event : null
  if (!visible || !event) throw bookingError('PAYMENT_NOT_FOUND', 'No such payment.')
  const isOrganizer = idOf(event.organizer) === req.user!.id
  if (!isOrganizer && !checkRole(['admin'], req.user)) {
    throw bookingError('NOT_ALLOWED', 'Only the event’s organizer or an admin can refund.')
  }
  const payment = await findPayment(req, paymentId)
  if (payment.status !== 'succeeded') {
    throw bookingError('NOTHING_TO_REFUND', 'This payment has nothing to refund.', {
      status: payment.status,
    })
  }
  const registrationId = idOf(payment.registration)
  const registration = registrationId
    ? await req.payload.findByID({
        collection: slugs.registrations,
        id: registrationId,
        depth: 0,
        overrideAccess: true,
        req,
      })
    : undefined
  if (
    registration &&
    registration.status !== 'cancelled' &&
    idOf(registration.payment) === payment.id
  ) {
    await cancelRegistration(req, registration.id)
  } else {
    await refundPayment(req, payment.id)
  }
  return findPayment(req, paymentId)
}
