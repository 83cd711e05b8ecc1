import type { Payload } from 'payload'
import { slugs } from '../../plugin/settings'

/**
 * Counters are recounted from the delivery rows rather than incremented, so parallel batches and
 * retried jobs can never make them drift.
 */
export async function refreshCampaignProgress(payload: Payload, campaignId: number | string) {
  const count = async (status: 'sent' | 'failed' | 'skipped') =>
    (
      await payload.count({
        collection: slugs.emailDeliveries,
        where: { and: [{ campaign: { equals: campaignId } }, { status: { equals: status } }] },
        overrideAccess: true,
      })
    ).totalDocs
  const [sent, failed, skipped] = await Promise.all([
    count('sent'),
    count('failed'),
    count('skipped'),
  ])
  const campaign = await payload.findByID({
    collection: slugs.campaigns,
    id: campaignId,
    depth: 0,
    overrideAccess: true,
  })
  const total = campaign.total ?? 0
  const isDone = campaign.status === 'sending' && sent + failed + skipped >= total
  await payload.update({
    collection: slugs.campaigns,
    id: campaignId,
    data: {
      sent,
      failed,
      skipped,
      ...(isDone ? { status: 'sent' as const, completedAt: new Date().toISOString() } : {}),
    },
    overrideAccess: true,
    context: { campaignWorker: true },
  })
}
