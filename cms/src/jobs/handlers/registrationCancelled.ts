import type { Payload } from 'payload'

import { formatMoney } from '../../emails/format'
import { registrationCancelledEmail } from '../../emails/templates'
import { eventSummary, loadRegistration, registrationVersion } from '../context'
import { deliverOnce } from '../deliveries'
import type { JobData } from '../definitions'
import { unscheduleReminders } from '../reminders'

export async function registrationCancelled(
  payload: Payload,
  { registrationId }: JobData<'registration-cancelled'>,
): Promise<void> {
  const registration = await loadRegistration(payload, registrationId)
  if (registration.status !== 'cancelled') return
  const { event, user } = registration
  await unscheduleReminders(registration.id, event.startTime)
  const payment =
    registration.payment && typeof registration.payment === 'object' ? registration.payment : null
  const refund =
    payment && (payment.status === 'succeeded' || payment.status === 'refunded')
      ? formatMoney(payment.amount, payment.currency)
      : null
  await deliverOnce(payload, {
    key: `registration-cancelled:${registration.id}:${registrationVersion(registration)}`,
    template: 'registration-cancelled',
    to: user,
    content: registrationCancelledEmail({ name: user.name, event: eventSummary(event), refund }),
  })
}
