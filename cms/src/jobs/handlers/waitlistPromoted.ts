import type { Payload } from 'payload'

import { formatEventTime } from '../../emails/format'
import { waitlistPromotedEmail } from '../../emails/templates'
import { eventSummary, loadRegistration, registrationVersion } from '../context'
import { deliverOnce } from '../deliveries'
import type { JobData } from '../definitions'

/** A seat freed up: for a paid event it is held until a deadline, shown in the event's zone. */
export async function waitlistPromoted(
  payload: Payload,
  { registrationId }: JobData<'waitlist-promoted'>,
): Promise<void> {
  const registration = await loadRegistration(payload, registrationId)
  const { event, user } = registration
  if (registration.status !== 'offered' || !registration.holdExpiresAt) return
  if (Date.parse(registration.holdExpiresAt) <= Date.now()) return
  const summary = eventSummary(event)
  await deliverOnce(payload, {
    key: `waitlist-promoted:${registration.id}:${Date.parse(registration.holdExpiresAt)}:${registrationVersion(registration)}`,
    template: 'waitlist-promoted',
    to: user,
    content: waitlistPromotedEmail({
      name: user.name,
      event: summary,
      holdUntil: formatEventTime(registration.holdExpiresAt, event.timezone),
      checkoutUrl: summary.url,
    }),
  })
}
