import type { Payload } from 'payload'

import type { Campaign } from '../../payload-types'
import { eventRegistrations } from '../context'
import type { JobData } from '../definitions'
import { enqueue } from '../queue'
import { refreshCampaignProgress } from './campaignProgress'
import { slugs } from '../../plugin/settings'

export const CAMPAIGN_BATCH_SIZE = 50

const AUDIENCE_STATUSES: Record<Campaign['audience'], ('confirmed' | 'waitlisted')[]> = {
  confirmed: ['confirmed'],
  waitlisted: ['waitlisted'],
  confirmed_and_waitlisted: ['confirmed', 'waitlisted'],
}

/** Fixes the recipient list and fans it out into batch jobs; the batches do the sending. */
export async function campaignSend(
  payload: Payload,
  { campaignId }: JobData<'campaign-send'>,
): Promise<void> {
  const campaign = await payload.findByID({
    collection: slugs.campaigns,
    id: campaignId,
    depth: 0,
    overrideAccess: true,
  })
  if (campaign.status !== 'queued' && campaign.status !== 'sending') return
  const eventId = typeof campaign.event === 'object' ? campaign.event.id : campaign.event
  const ids: number[] = []
  for await (const registration of eventRegistrations(
    payload,
    eventId,
    AUDIENCE_STATUSES[campaign.audience],
    500,
  )) {
    ids.push(registration.id)
  }
  await payload.update({
    collection: slugs.campaigns,
    id: campaign.id,
    data: { status: 'sending', total: ids.length },
    overrideAccess: true,
    context: { campaignWorker: true },
  })
  const queuedAt = Date.parse(campaign.queuedAt ?? campaign.updatedAt)
  for (let start = 0; start < ids.length; start += CAMPAIGN_BATCH_SIZE) {
    const batch = ids.slice(start, start + CAMPAIGN_BATCH_SIZE)
    await enqueue(
      'campaign-batch',
      { campaignId: campaign.id, registrationIds: batch },
      { jobId: `campaign-batch:${campaign.id}:${queuedAt}:${start}` },
    )
  }
  await refreshCampaignProgress(payload, campaign.id)
}
