import type { Payload } from 'payload'

import { campaignEmail } from '../../emails/templates'
import { eventSummary, loadEvent, loadRegistration } from '../context'
import { deliverOnce, recordSkipped } from '../deliveries'
import type { JobData } from '../definitions'
import { unsubscribeUrl } from '../unsubscribe'
import { refreshCampaignProgress } from './campaignProgress'
import { slugs } from '../../plugin/settings'

/**
 * Sends one batch. Each recipient is keyed by campaign and person, so a retried batch or a
 * campaign queued again mails nobody twice; people who unsubscribed are skipped.
 */
export async function campaignBatch(
  payload: Payload,
  { campaignId, registrationIds }: JobData<'campaign-batch'>,
): Promise<void> {
  const campaign = await payload.findByID({
    collection: slugs.campaigns,
    id: campaignId,
    depth: 0,
    overrideAccess: true,
  })
  const event = await loadEvent(
    payload,
    typeof campaign.event === 'object' ? campaign.event.id : campaign.event,
  )
  const summary = eventSummary(event)
  const { docs: optOuts } = await payload.find({
    collection: slugs.emailOptOuts,
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const optedOut = new Set(optOuts.map((o) => (typeof o.user === 'object' ? o.user.id : o.user)))
  let firstError: unknown
  for (const registrationId of registrationIds) {
    const { user } = await loadRegistration(payload, registrationId)
    // Campaigns go to account holders (who can opt out); a ticket not claimed yet has none.
    if (user.id === undefined) continue
    const key = `campaign:${campaign.id}:${user.id}`
    if (optedOut.has(user.id)) {
      await recordSkipped(payload, {
        key,
        template: 'campaign',
        to: user,
        campaignId: campaign.id,
        subject: campaign.subject,
      })
      continue
    }
    const unsubscribe = unsubscribeUrl(user.id)
    try {
      await deliverOnce(payload, {
        key,
        template: 'campaign',
        to: user,
        campaignId: campaign.id,
        content: campaignEmail({
          name: user.name,
          event: summary,
          subject: campaign.subject,
          body: campaign.body,
          unsubscribeUrl: unsubscribe,
        }),
        headers: {
          'List-Unsubscribe': `<${unsubscribe}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        },
      })
    } catch (error) {
      // One bad address must not hold up the rest; the retry resends only the unsent ones.
      firstError ??= error
    }
  }
  await refreshCampaignProgress(payload, campaign.id)
  if (firstError) throw firstError
}
