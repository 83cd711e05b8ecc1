// Applies what cms publishes about sessions and seats to this node's sockets:
// a session that ended (logout, disabled account, deleted user, lost role)
// disconnects, and a person whose seat was cancelled leaves the event's room.
// cms has already written the same facts into Redis (session.ts, access.ts read
// them), so a node that missed a notice still refuses the next handshake or join.
import type { Redis } from 'ioredis'
import { z } from 'zod'

import { sessionOf } from './auth.ts'
import type { AppServer, Deps } from './handler.ts'
import { eventRoom, userRoom } from './rooms.ts'

const sessionNoticeSchema = z.object({
  userId: z.number().int().positive(),
  /** Absent: every session of the user issued until now. */
  sid: z.string().optional(),
})

const accessNoticeSchema = z.object({
  eventId: z.number().int().positive(),
  /** Absent: the event itself changed (organizer, times), nobody's seat. */
  userId: z.number().int().positive().optional(),
  isAllowed: z.boolean().optional(),
})

export function listenToCmsRevocations(
  io: AppServer,
  deps: Pick<Deps, 'log'>,
  subscriber: Redis,
  channels: { sessions: string; access: string },
) {
  const localSocketsOf = (userId: number) => {
    const ids = io.of('/').adapter.rooms.get(userRoom(userId)) ?? new Set<string>()
    return [...ids].flatMap((id) => io.of('/').sockets.get(id) ?? [])
  }

  const endSessions = ({ userId, sid }: z.infer<typeof sessionNoticeSchema>) => {
    for (const socket of localSocketsOf(userId)) {
      if (sid === undefined || sessionOf(socket).sid === sid) socket.disconnect(true)
    }
  }

  const applyAccess = ({ eventId, userId, isAllowed }: z.infer<typeof accessNoticeSchema>) => {
    if (userId === undefined || isAllowed) return
    for (const socket of localSocketsOf(userId)) {
      // The organizer and admins are in the room for their role, not for a seat.
      if (socket.data.events[eventId]?.role !== 'attendee') continue
      delete socket.data.events[eventId]
      void socket.leave(eventRoom(eventId))
      socket.emit('chat:left', { eventId, code: 'NOT_REGISTERED' })
    }
  }

  const handlers = new Map<string, (raw: string) => void>([
    [channels.sessions, (raw) => endSessions(sessionNoticeSchema.parse(JSON.parse(raw)))],
    [channels.access, (raw) => applyAccess(accessNoticeSchema.parse(JSON.parse(raw)))],
  ])
  subscriber.on('message', (channel, raw) => {
    const handle = handlers.get(channel)
    if (!handle) return
    try {
      handle(raw)
    } catch (error) {
      deps.log(`ignored a malformed notice on ${channel}`, error)
    }
  })
  return subscriber.subscribe(...handlers.keys())
}
