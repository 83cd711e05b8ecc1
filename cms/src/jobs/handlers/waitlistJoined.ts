import type { Payload } from 'payload'

import { waitlistJoinedEmail } from '../../emails/templates'
import { eventSummary, loadRegistration, registrationVersion } from '../context'
import { deliverOnce } from '../deliveries'
import type { JobData } from '../definitions'

export async function waitlistJoined(
  payload: Payload,
  { registrationId }: JobData<'waitlist-joined'>,
): Promise<void> {
  const registration = await loadRegistration(payload, registrationId)
  if (registration.status !== 'waitlisted') return
  await deliverOnce(payload, {
    key: `waitlist-joined:${registration.id}:${registrationVersion(registration)}`,
    template: 'waitlist-joined',
    to: registration.user,
    content: waitlistJoinedEmail({
      name: registration.user.name,
      event: eventSummary(registration.event),
    }),
  })
}
