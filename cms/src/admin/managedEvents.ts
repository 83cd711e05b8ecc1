import type { PayloadRequest } from 'payload'

import { checkRole } from '../access/checkRole'
import { slugs } from '../plugin/settings'

export type ManagedEvent = {
  id: number
  title: string
  startTime: string
  duration: number
  timezone: string
}

/** The events a tool page offers: an organizer's own (never others' published ones), or all for admins. */
export async function loadManagedEvents(req: PayloadRequest): Promise<ManagedEvent[]> {
  if (!req.user || !checkRole(['organizer', 'admin'], req.user)) return []
  const { docs } = await req.payload.find({
    collection: slugs.events,
    where: checkRole(['admin'], req.user) ? {} : { organizer: { equals: req.user.id } },
    select: { title: true, startTime: true, duration: true, timezone: true },
    sort: '-startTime',
    depth: 0,
    limit: 500,
    pagination: false,
    overrideAccess: false,
    user: req.user,
    req,
  })
  return docs.map(({ id, title, startTime, duration, timezone }) => ({
    id,
    title,
    startTime,
    duration,
    timezone,
  }))
}

/** The event running now, else the next to start, else the latest: where a moderator is needed. */
export function liveOrNextEvent(events: ManagedEvent[], now = Date.now()): ManagedEvent | null {
  const startOf = (event: ManagedEvent) => Date.parse(event.startTime)
  const live = events.find(
    (event) => startOf(event) <= now && now < startOf(event) + event.duration * 60_000,
  )
  if (live) return live
  const upcoming = events.filter((event) => startOf(event) > now)
  return upcoming.at(-1) ?? events[0] ?? null
}
