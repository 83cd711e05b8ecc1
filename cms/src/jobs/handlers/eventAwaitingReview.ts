import type { Payload } from 'payload'

import { eventAwaitingReviewEmail } from '../../emails/templates'
import { cmsUrl, eventSummary, loadEvent } from '../context'
import { deliverOnce } from '../deliveries'
import type { JobData } from '../definitions'
import { slugs } from '../../plugin/settings'

/** Every admin hears of a submission once. */
export async function eventAwaitingReview(
  payload: Payload,
  { eventId, submittedAt }: JobData<'event-awaiting-review'>,
): Promise<void> {
  const event = await loadEvent(payload, eventId)
  if (event.status !== 'pending_review') return
  const { docs: admins } = await payload.find({
    collection: slugs.users,
    where: { role: { equals: 'admin' } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const summary = eventSummary(event)
  for (const admin of admins) {
    await deliverOnce(payload, {
      key: `event-awaiting-review:${event.id}:${Date.parse(submittedAt)}:${admin.id}`,
      template: 'event-awaiting-review',
      to: admin,
      content: eventAwaitingReviewEmail({
        name: admin.name,
        event: summary,
        organizer: event.organizer.name,
        reviewUrl: `${cmsUrl()}/admin/collections/events/${event.id}`,
      }),
    })
  }
}
