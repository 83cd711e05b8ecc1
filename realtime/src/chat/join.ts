import { tokenOf } from '../auth.ts'
import type { JoinResult } from '../events.ts'
import { ChatError, defineHandler } from '../handler.ts'
import { MAX_MESSAGE_LENGTH, eventRefSchema } from '../schemas.ts'
import { eventRoom, moderatorsRoom } from '../rooms.ts'

/** join: the event's organizer, admins and confirmed registrants enter the room and get its history. */
export const join = defineHandler(
  eventRefSchema,
  async ({ eventId }, context): Promise<JoinResult> => {
    const { socket, deps } = context
    const { user } = socket.data
    const token = tokenOf(socket)
    const event = await deps.cms.event(token, eventId)
    if (!event) throw new ChatError('NOT_FOUND', 'There is no such event.')
    const isModerator = user.role === 'admin' || event.organizer === user.id
    let mutedUntil: string | null = null
    if (!isModerator) {
      if (await deps.limits.isBanned(eventId, user.id)) {
        throw new ChatError('BANNED', 'You were removed from this event’s chat.')
      }
      if (!(await deps.cms.hasConfirmedSeat(token, eventId, user.id))) {
        throw new ChatError('NOT_REGISTERED', 'Only confirmed attendees can join this chat.')
      }
      // Redis may have been flushed since: the audit log in cms is the durable record.
      const restrictions = await deps.cms.restrictionsOf(token, eventId, user.id)
      if (restrictions.isBanned) {
        await deps.limits.ban(eventId, user.id)
        throw new ChatError('BANNED', 'You were removed from this event’s chat.')
      }
      mutedUntil = (await deps.limits.mutedUntil(eventId, user.id)) ?? restrictions.mutedUntil
      if (mutedUntil) await deps.limits.mute(eventId, user.id, new Date(mutedUntil))
    }

    // In the room first, then the history: a message sent meanwhile arrives live, none falls between.
    const wasJoined = socket.rooms.has(eventRoom(eventId))
    await socket.join(eventRoom(eventId))
    if (isModerator) await socket.join(moderatorsRoom(eventId))
    let loaded
    try {
      loaded = await Promise.all([
        deps.cms.messages(token, eventId, { kind: 'chat', limit: deps.historyLimit }),
        deps.cms.messages(token, eventId, { kind: 'question', limit: 100, sort: '-upvotes,id' }),
        deps.cms.myVotes(token, user.id, eventId),
        deps.limits.slowModeSeconds(eventId),
      ])
    } catch (error) {
      if (!wasJoined) {
        await socket.leave(eventRoom(eventId))
        await socket.leave(moderatorsRoom(eventId))
      }
      throw error
    }
    const [history, questions, votes, slowModeSeconds] = loaded
    socket.data.events[eventId] = {
      role: isModerator ? 'moderator' : 'attendee',
      startTime: event.startTime,
    }
    deps.presence.changed(eventId)
    const presence = deps.presence.lastCount(eventId) ?? (await deps.presence.count(eventId))

    return {
      eventId,
      role: isModerator ? 'moderator' : 'attendee',
      messages: history.messages.reverse(),
      hasMoreHistory: history.hasNextPage,
      questions: questions.messages,
      myVotes: votes.map((vote) => vote.messageId),
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
