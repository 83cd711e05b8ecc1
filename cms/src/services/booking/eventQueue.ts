/**
 * At most this many booking transactions per event at once in this process. They all end at the
 * event's seat counter row, one after the other, so more of them only hold pool connections while
 * they wait for that row: under a rush (1,000 buyers for one event) the pool filled with waiters,
 * and other requests (logins, reads) timed out with 401/503. The rest wait here, holding nothing.
 * Several cms processes each keep their own limit; the counter row still decides every seat.
 */
const SEAT_WRITERS_PER_EVENT = 4

type Queue = { active: number; waiting: (() => void)[] }
const queues = new Map<number, Queue>()

/** Runs `work` (one booking transaction) when one of the event's writer slots is free. */
export async function inEventQueue<T>(eventId: number, work: () => Promise<T>): Promise<T> {
  let queue = queues.get(eventId)
  if (!queue) {
    queue = { active: 0, waiting: [] }
    queues.set(eventId, queue)
  }
  if (queue.active < SEAT_WRITERS_PER_EVENT) queue.active++
  else await new Promise<void>((resolve) => queue.waiting.push(resolve))
  try {
    return await work()
  } finally {
    const next = queue.waiting.shift()
    // The slot passes straight to the next waiter; the last one out removes the queue.
    if (next) next()
    else if (--queue.active === 0) queues.delete(eventId)
  }
}
