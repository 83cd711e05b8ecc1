import type { Access, PayloadRequest, Where } from 'payload'

import { checkRole } from '../../../access/checkRole'

/** Ids of the speakers of sessions in published events: the public ones. */
export async function publicSpeakerIds(req: PayloadRequest): Promise<number[]> {
  const { docs } = await req.payload.find({
    collection: 'sessions',
    where: { 'event.status': { equals: 'published' } },
    select: { speakers: true },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const ids = docs.flatMap((session) =>
    (session.speakers ?? []).map((speaker) => (typeof speaker === 'object' ? speaker.id : speaker)),
  )
  return [...new Set(ids)]
}

/**
 * Speakers of published events are public; organizers also read the profiles they created
 * (to pick them for a session before the event is published); admins read all.
 */
export const readSpeakers: Access = async ({ req }) => {
  const { user } = req
  if (checkRole(['admin'], user)) return true
  const ids = await publicSpeakerIds(req)
  // An empty `in` is no valid SQL; no id is -1.
  const rules: Where[] = [{ id: ids.length > 0 ? { in: ids } : { equals: -1 } }]
  if (user && checkRole(['organizer'], user)) rules.push({ createdBy: { equals: user.id } })
  return { or: rules }
}
