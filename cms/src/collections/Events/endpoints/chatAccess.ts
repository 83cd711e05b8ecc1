import type { Endpoint } from 'payload'

import { RequestError } from '../../../lib/errors'
import { json } from '../../../lib/http'
import { isRealtimeService } from '../../../lib/realtimeBus'
import { slugs } from '../../../plugin/settings'

const idOf = (value: unknown): number =>
  typeof value === 'object' && value !== null ? (value as { id: number }).id : Number(value)

/**
 * GET /api/events/:id/chat-access — for the realtime gateway only (service key):
 * who may be in the event's chat, in one answer, so that a crowd joining costs
 * one request per event instead of one per socket. The gateway keeps it in Redis
 * and cms keeps that copy current (lib/realtimeBus.ts).
 */
export const eventChatAccess: Endpoint = {
  path: '/:id/chat-access',
  method: 'get',
  handler: async (req) => {
    if (!isRealtimeService(req)) {
      throw new RequestError('Only the realtime service may ask this.', 401, {
        code: 'UNAUTHENTICATED',
      })
    }
    const eventId = Number(req.routeParams?.id)
    const event = Number.isInteger(eventId)
      ? await req.payload
          .findByID({ collection: slugs.events, id: eventId, depth: 0, overrideAccess: true, req })
          .catch(() => null)
      : null
    if (!event) throw new RequestError('There is no such event.', 404, { code: 'NOT_FOUND' })

    // One after the other: both share the request's database connection.
    const registrations = await req.payload.find({
      collection: slugs.registrations,
      where: { event: { equals: event.id }, status: { equals: 'confirmed' } },
      select: { user: true },
      depth: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })
    const decisions = await req.payload.find({
      collection: slugs.chatModerationActions,
      where: {
        event: { equals: event.id },
        action: { in: ['ban', 'unban', 'mute', 'unmute'] },
      },
      select: { action: true, targetUser: true, until: true },
      sort: '-createdAt',
      depth: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })
    // The newest decision per person and kind wins (a ban, then an unban: not banned).
    const seen = new Set<string>()
    const banned: number[] = []
    const muted: { userId: number; until: string }[] = []
    for (const decision of decisions.docs) {
      const userId = idOf(decision.targetUser)
      const kind = decision.action.endsWith('ban') ? 'ban' : 'mute'
      if (!userId || seen.has(`${kind}:${userId}`)) continue
      seen.add(`${kind}:${userId}`)
      if (decision.action === 'ban') banned.push(userId)
      if (decision.action === 'mute' && decision.until && Date.parse(decision.until) > Date.now()) {
        muted.push({ userId, until: decision.until })
      }
    }
    return json(
      req,
      {
        event: { id: event.id, organizer: idOf(event.organizer), startTime: event.startTime },
        attendees: registrations.docs.map((registration) => idOf(registration.user)),
        banned,
        muted,
      },
      { headers: { 'Cache-Control': 'no-store' } },
    )
  },
}
