import type { Payload } from 'payload'

import { eventRejectedEmail } from '../../emails/templates'
import { cmsUrl, eventSummary, loadEvent } from '../context'
import { deliverOnce } from '../deliveries'
import type { JobData } from '../definitions'

export async function eventRejected(
  payload: Payload,
  { eventId }: JobData<'event-rejected'>,
): Promise<void> {
  const event = await loadEvent(payload, eventId)
  if (event.status !== 'rejected') return
  await deliverOnce(payload, {
    key: `event-rejected:${event.id}:${Date.parse(event.reviewedAt ?? event.updatedAt)}`,
    template: 'event-rejected',
    to: event.organizer,
    content: eventRejectedEmail({
      name: event.organizer.name,
      event: eventSummary(event),
      reason: event.rejectionReason?.trim() || 'No reason was given.',
      editUrl: `${cmsUrl()}/admin/collections/events/${event.id}`,
    }),
  })
}
