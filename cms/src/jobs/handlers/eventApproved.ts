import type { Payload } from 'payload'

import { eventApprovedEmail } from '../../emails/templates'
import { eventSummary, loadEvent } from '../context'
import { deliverOnce } from '../deliveries'
import type { JobData } from '../definitions'

export async function eventApproved(
  payload: Payload,
  { eventId }: JobData<'event-approved'>,
): Promise<void> {
  const event = await loadEvent(payload, eventId)
  if (event.status !== 'published') return
  await deliverOnce(payload, {
    key: `event-approved:${event.id}`,
    template: 'event-approved',
    to: event.organizer,
    content: eventApprovedEmail({ name: event.organizer.name, event: eventSummary(event) }),
  })
}
