import type { PayloadRequest } from 'payload'
import { slugs } from '../plugin/settings'

/**
 * The most one heartbeat can add. The player beats every 30 s; a longer gap
 * (a closed laptop) counts as this much, so no client can claim hours at once.
 */
export const MAX_HEARTBEAT_SECONDS = 60

/** Records that the person is watching now: the first beat opens the row, each next one adds the time since the last. */
export async function recordHeartbeat(
  req: PayloadRequest,
  { eventId, userId, now = new Date() }: { eventId: number; userId: number; now?: Date },
) {
  const find = async () =>
    (
      await req.payload.find({
        collection: slugs.attendance,
        where: { and: [{ event: { equals: eventId } }, { user: { equals: userId } }] },
        limit: 1,
        depth: 0,
        overrideAccess: true,
        req,
      })
    ).docs[0]
  let row = await find()
  if (!row) {
    try {
      return await req.payload.create({
        collection: slugs.attendance,
        data: {
          event: eventId,
          user: userId,
          firstSeenAt: now.toISOString(),
          lastSeenAt: now.toISOString(),
          watchSeconds: 0,
        },
        overrideAccess: true,
        req,
      })
    } catch (error) {
      // A second tab's first beat won the unique (event, user) row: add to it instead.
      row = await find()
      if (!row) throw error
    }
  }
  const elapsed = (now.getTime() - new Date(row.lastSeenAt).getTime()) / 1000
  const added = Math.round(Math.min(MAX_HEARTBEAT_SECONDS, Math.max(0, elapsed)))
  return req.payload.update({
    collection: slugs.attendance,
    id: row.id,
    data: { lastSeenAt: now.toISOString(), watchSeconds: row.watchSeconds + added },
    overrideAccess: true,
    req,
  })
}
