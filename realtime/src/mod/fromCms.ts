import type { Redis } from 'ioredis'
import { z } from 'zod'

import type { AppServer, Deps } from '../handler.ts'
import { eventRoom, moderatorsRoom, userRoom } from '../rooms.ts'

const noticeSchema = z.object({
  eventId: z.number().int().positive(),
  action: z.string(),
  userId: z.number().int().positive().optional(),
  messageId: z.number().int().positive().optional(),
  until: z.string().optional(),
})

/**
 * Applies moderation decisions published by cms (the admin tools, or any
 * recorded action) to this node's sockets. Every node hears every notice, so
 * each emits to its own sockets only (`io.local`); limits live in shared Redis.
 */
export function listenToCmsModeration(
  io: AppServer,
  deps: Pick<Deps, 'limits' | 'rooms' | 'feed' | 'log'>,
  subscriber: Redis,
  channel: string,
) {
  const apply = async (notice: z.infer<typeof noticeSchema>) => {
    const { eventId, userId, messageId } = notice
    switch (notice.action) {
      case 'hide':
        if (!messageId) return
        await deps.rooms.hidden(eventId, [messageId])
        deps.feed.applyHere({ kind: 'hidden', eventId, messageIds: [messageId] })
        return
      case 'unhide':
        await deps.rooms.forget(eventId)
        return
      case 'mute':
        if (!userId || !notice.until) return
        await deps.limits.mute(eventId, userId, new Date(notice.until))
        io.local
          .to(userRoom(userId))
          .to(moderatorsRoom(eventId))
          .emit('mod:muted', { eventId, userId, until: notice.until })
        return
      case 'unmute':
        if (userId) await deps.limits.unmute(eventId, userId)
        return
      case 'ban':
        if (!userId) return
        await deps.limits.ban(eventId, userId)
        io.local
          .to(userRoom(userId))
          .to(moderatorsRoom(eventId))
          .emit('mod:banned', { eventId, userId })
        io.local.in(userRoom(userId)).socketsLeave(eventRoom(eventId))
        return
      case 'unban':
        if (userId) await deps.limits.unban(eventId, userId)
        return
    }
  }
  subscriber.on('message', (received, raw) => {
    if (received !== channel) return
    let notice
    try {
      notice = noticeSchema.parse(JSON.parse(raw))
    } catch (error) {
      deps.log('ignored a malformed moderation notice', error)
      return
    }
    apply(notice).catch((error) => deps.log('could not apply a moderation notice', error))
  })
  return subscriber.subscribe(channel)
}
