import type { JoinResult } from '../events.ts'
import { ChatError, defineHandler, requireWithinLimit } from '../handler.ts'
import { MAX_MESSAGE_LENGTH, eventRefSchema } from '../schemas.ts'
import { eventRoom, moderatorsRoom } from '../rooms.ts'

/**
 * join: the event's organizer, admins and confirmed registrants enter the room
 * and get its history. Decided from Redis (filled from cms once per event), so
 * a crowd joining costs cms nothing per socket.
 */
export const join = defineHandler(
  eventRefSchema,
  async ({ eventId }, context): Promise<JoinResult> => {
    const { socket, deps } = context
    const { user } = socket.data
    await requireWithinLimit(context, 'join')
    const { meta, isAttendee } = await deps.access.standing(eventId, user.id)
    if (!meta) throw new ChatError('NOT_FOUND', 'There is no such event.')
    const isModerator = user.role === 'admin' || meta.organizer === user.id
    let mutedUntil: string | null = null
    if (!isModerator) {
      if (!isAttendee) {
        throw new ChatError('NOT_REGISTERED', 'Only confirmed attendees can join this chat.')
      }
      if (await deps.limits.isBanned(eventId, user.id)) {
        throw new ChatError('BANNED', 'You were removed from this event’s chat.')
      }
      mutedUntil = await deps.limits.mutedUntil(eventId, user.id)
    }

    // In the room first, then the history: a message sent meanwhile arrives live, none falls between.
    const wasJoined = socket.rooms.has(eventRoom(eventId))
    await socket.join(eventRoom(eventId))
    if (isModerator) await socket.join(moderatorsRoom(eventId))
    let loaded
    try {
      const [history, questions, slowModeSeconds] = await Promise.all([
        deps.rooms.recentChat(socket, eventId),
        deps.rooms.questions(socket, eventId),
        deps.limits.slowModeSeconds(eventId),
      ])
      // Votes only matter (and are only looked up) when there are questions.
      const myVotes =
        questions.length === 0 ? [] : await deps.rooms.myVotes(socket, eventId, user.id)
      loaded = { history, questions, slowModeSeconds, myVotes }
    } catch (error) {
      if (!wasJoined) {
        await socket.leave(eventRoom(eventId))
        await socket.leave(moderatorsRoom(eventId))
      }
      throw error
    }
    const { history, questions, myVotes, slowModeSeconds } = loaded
    socket.data.events[eventId] = {
      role: isModerator ? 'moderator' : 'attendee',
      startTime: meta.startTime,
    }
    const presence = deps.presence.lastCount(eventId) ?? (await deps.presence.count(eventId))

    return {
      eventId,
      role: isModerator ? 'moderator' : 'attendee',
      messages: history.messages,
      hasMoreHistory: history.hasMoreHistory,
      questions,
      myVotes,
      presence: Math.max(presence, 1),
      settings: {
        slowModeSeconds,
        rateLimitPerSecond: deps.limits.ratePerSecond,
        maxLength: MAX_MESSAGE_LENGTH,
      },
      mutedUntil,
    }
  },
)
