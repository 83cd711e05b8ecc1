import { defineHandler } from '../handler.ts'
import { eventRoom, moderatorsRoom } from '../rooms.ts'
import { eventRefSchema } from '../schemas.ts'

/** leave: stop receiving the event's messages. */
export const leave = defineHandler(eventRefSchema, async ({ eventId }, { socket }) => {
  await socket.leave(eventRoom(eventId))
  await socket.leave(moderatorsRoom(eventId))
  delete socket.data.events[eventId]
  return { eventId }
})
