import type { PayloadRequest } from 'payload'
import { slugs } from '../plugin/settings'

/**
 * Ids of the events the caller holds a confirmed registration for. Read with
 * overrideAccess because it is itself part of an access decision for req.user.
 */
export async function confirmedEventIds(req: PayloadRequest): Promise<number[]> {
  if (!req.user) return []
  const { docs } = await req.payload.find({
    collection: slugs.registrations,
    where: { and: [{ user: { equals: req.user.id } }, { status: { equals: 'confirmed' } }] },
    select: { event: true },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return docs.map((doc) => (typeof doc.event === 'object' ? doc.event.id : doc.event))
}
