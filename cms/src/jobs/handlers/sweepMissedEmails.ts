import type { Payload } from 'payload'

import { registrationVersion } from '../context'
import type { JobData } from '../definitions'
import { handOverMissed } from '../outbox'
import { enqueue } from '../queue'
import { slugs } from '../../plugin/settings'

/** How far back the sweep looks: older registrations were swept many times already. */
export const SWEEP_LOOKBACK_MS = 7 * 24 * 3600_000
/** Younger writes may still be on their way to the queue through the after-commit hook. */
export const SWEEP_GRACE_MS = 60_000

/**
 * Re-enqueues what an enqueue after commit may have missed (Redis down at that moment, a crash
 * between commit and enqueue): the booking emails' outbox rows never handed over, confirmed registrations with no sent confirmation, and queued
 * campaigns nobody started. Stable job ids and delivery keys make a second enqueue harmless.
 */
export async function sweepMissedEmails(
  payload: Payload,
  _data: JobData<'sweep-missed-emails'>,
  now = Date.now(),
): Promise<{ requeued: number }> {
  let requeued = await handOverMissed(payload, new Date(now - SWEEP_GRACE_MS))
  const { docs: registrations } = await payload.find({
    collection: slugs.registrations,
    where: {
      and: [
        { status: { equals: 'confirmed' } },
        { registeredAt: { greater_than: new Date(now - SWEEP_LOOKBACK_MS).toISOString() } },
        { updatedAt: { less_than: new Date(now - SWEEP_GRACE_MS).toISOString() } },
      ],
    },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const keyOf = (r: (typeof registrations)[number]) =>
    `registration-confirmed:${r.id}:${registrationVersion(r)}`
  const sent = new Set<string>()
  for (let i = 0; i < registrations.length; i += 500) {
    const keys = registrations.slice(i, i + 500).map(keyOf)
    const { docs } = await payload.find({
      collection: slugs.emailDeliveries,
      where: { and: [{ key: { in: keys } }, { status: { in: ['sent', 'skipped'] } }] },
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
    for (const delivery of docs) sent.add(delivery.key)
  }
  for (const registration of registrations) {
    if (sent.has(keyOf(registration))) continue
    await enqueue(
      'registration-confirmed',
      { registrationId: registration.id },
      { jobId: keyOf(registration) },
    )
    requeued++
  }
  const { docs: campaigns } = await payload.find({
    collection: slugs.campaigns,
    where: {
      and: [
        { status: { equals: 'queued' } },
        { updatedAt: { less_than: new Date(now - SWEEP_GRACE_MS).toISOString() } },
      ],
    },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  for (const campaign of campaigns) {
    const queuedAt = Date.parse(campaign.queuedAt ?? campaign.updatedAt)
    await enqueue(
      'campaign-send',
      { campaignId: campaign.id },
      { jobId: `campaign-send:${campaign.id}:${queuedAt}` },
    )
    requeued++
  }
  if (requeued > 0) payload.logger.info(`Sweep re-enqueued ${requeued} missed email job(s)`)
  return { requeued }
}
