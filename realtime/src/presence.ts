import type { AppServer } from './handler.ts'
import { eventRoom } from './rooms.ts'

export type Presence = ReturnType<typeof createPresence>

/**
 * Presence is the number of distinct users in an event room across all nodes.
 * Counting asks every node (fetchSockets), so bursts of joins are coalesced
 * into one count and one broadcast per room.
 */
export function createPresence(io: AppServer, { delayMs = 250 } = {}) {
  const timers = new Map<number, NodeJS.Timeout>()
  const lastCount = new Map<number, number>()

  async function count(eventId: number): Promise<number> {
    const sockets = await io.in(eventRoom(eventId)).fetchSockets()
    const users = new Set(sockets.map((socket) => socket.data.user?.id))
    lastCount.set(eventId, users.size)
    return users.size
  }

  return {
    count,
    lastCount: (eventId: number) => lastCount.get(eventId),
    changed(eventId: number) {
      if (timers.has(eventId)) return
      timers.set(
        eventId,
        setTimeout(() => {
          timers.delete(eventId)
          count(eventId)
            .then((users) => io.to(eventRoom(eventId)).emit('presence', { eventId, count: users }))
            .catch(() => undefined)
        }, delayMs),
      )
    },
    close() {
      for (const timer of timers.values()) clearTimeout(timer)
      timers.clear()
    },
  }
}
