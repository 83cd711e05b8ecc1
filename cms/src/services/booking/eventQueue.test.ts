import { describe, expect, it } from 'vitest'

import { inEventQueue } from './eventQueue'

const tick = () => new Promise((resolve) => setTimeout(resolve, 5))

describe('inEventQueue', () => {
  it('runs at most four bookings of one event at once, all of them in the end', async () => {
    let running = 0
    let most = 0
    const done = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        inEventQueue(1, async () => {
          running++
          most = Math.max(most, running)
          await tick()
          running--
          return index
        }),
      ),
    )
    expect(most).toBe(4)
    expect(done).toEqual(Array.from({ length: 20 }, (_, index) => index))
  })

  it('does not make one event wait for another', async () => {
    const order: string[] = []
    const slow = Array.from({ length: 4 }, () =>
      inEventQueue(2, async () => {
        await tick()
        await tick()
        order.push('event 2')
      }),
    )
    await inEventQueue(3, async () => {
      order.push('event 3')
    })
    await Promise.all(slow)
    expect(order[0]).toBe('event 3')
  })

  it('frees the slot when a booking fails', async () => {
    const failures = await Promise.allSettled(
      Array.from({ length: 8 }, () =>
        inEventQueue(4, async () => {
          await tick()
          throw new Error('EVENT_FULL')
        }),
      ),
    )
    expect(failures.every((result) => result.status === 'rejected')).toBe(true)
    await expect(inEventQueue(4, async () => 'booked')).resolves.toBe('booked')
  })
})
