import type { PayloadRequest } from 'payload'
import { describe, expect, it } from 'vitest'

import { ANSWER_WAIT_MS, beforeTheAnswer } from './afterCommit'

const request = () => ({ context: {} }) as unknown as PayloadRequest
const never = new Promise(() => {})
const elapsed = async (work: () => Promise<unknown>) => {
  const started = performance.now()
  await work()
  return performance.now() - started
}

describe('what a request waits for before it answers', () => {
  it('waits for quick work to finish', async () => {
    let isDone = false
    const work = new Promise((resolve) => setTimeout(resolve, 30)).then(() => (isDone = true))
    await beforeTheAnswer(request(), work)
    expect(isDone).toBe(true)
  })

  it('answers after a bounded wait when the work hangs (Redis down)', async () => {
    const ms = await elapsed(() => beforeTheAnswer(request(), never))
    expect(ms).toBeGreaterThanOrEqual(ANSWER_WAIT_MS - 5)
    expect(ms).toBeLessThan(ANSWER_WAIT_MS + 200)
  })

  it('bounds the whole request, not each of its many seats', async () => {
    const req = request()
    const ms = await elapsed(async () => {
      for (let seat = 0; seat < 50; seat++) await beforeTheAnswer(req, never)
    })
    expect(ms).toBeLessThan(ANSWER_WAIT_MS + 200)
  })
})
