import type { CollectionAfterChangeHook } from 'payload'

import { afterCommit } from '../../../jobs/afterCommit'
import { enqueue } from '../../../jobs/queue'
import type { Campaign } from '../../../payload-types'

/** Queuing a campaign starts the send once the write has committed. */
export const enqueueCampaign: CollectionAfterChangeHook<Campaign> = async ({
  doc,
  previousDoc,
  req,
}) => {
  if (doc.status === 'queued' && previousDoc?.status !== 'queued') {
    const queuedAt = Date.parse(doc.queuedAt ?? doc.updatedAt)
    await afterCommit(req, 'campaign-send', () =>
      enqueue(
        'campaign-send',
        { campaignId: doc.id },
        { jobId: `campaign-send:${doc.id}:${queuedAt}` },
      ),
    )
  }
  return doc
}
