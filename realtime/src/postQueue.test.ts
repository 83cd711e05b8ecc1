import { describe, expect, it } from 'vitest'

import { createPostQueue } from './postQueue.ts'

/** A stand-in for cms that answers each batch only when the test lets it. */
function slowStore() {
  const batches: { posts: string[]; answer: () => void; fail: () => void }[] = []
  const store = (posts: string[]) =>
    new Promise<string[]>((resolve, reject) => {
      batches.push({
        posts,
        answer: () => resolve(posts.map((post) => `stored ${post}`)),
        fail: () => reject(new Error('cms is down')),
      })
    })
  return { batches, store }
}

const tick = () => new Promise((resolve) => setImmediate(resolve))

describe('the post queue', () => {
  it('sends a post at once while cms keeps up, and what arrives meanwhile in one batch', async () => {
    const { batches, store } = slowStore()
    const post = createPostQueue(store)
    const first = post('a')
    expect(batches.map((batch) => batch.posts)).toEqual([['a']])
    const waiting = [post('b'), post('c'), post('d')]
    await tick()
    // One request at a time: b, c and d wait for a's answer.
    expect(batches).toHaveLength(1)
    batches[0]!.answer()
    expect(await first).toBe('stored a')
    await tick()
    expect(batches.map((batch) => batch.posts)).toEqual([['a'], ['b', 'c', 'd']])
    batches[1]!.answer()
    expect(await Promise.all(waiting)).toEqual(['stored b', 'stored c', 'stored d'])
  })

  it('a failed request fails every post in it, and the next posts go on', async () => {
    const { batches, store } = slowStore()
    const post = createPostQueue(store)
    const first = post('a')
    const second = post('b')
    batches[0]!.fail()
    await expect(first).rejects.toThrow('cms is down')
    await tick()
    batches[1]!.fail()
    await expect(second).rejects.toThrow('cms is down')
    const third = post('c')
    await tick()
    batches[2]!.answer()
    expect(await third).toBe('stored c')
  })

  it('never puts more than 50 posts in one request', async () => {
    const { batches, store } = slowStore()
    const post = createPostQueue(store)
    const posts = Array.from({ length: 121 }, (_, n) => post(`p${n}`))
    for (let n = 0; n < 4; n++) {
      await tick()
      batches.at(-1)!.answer()
    }
    await Promise.all(posts)
    expect(batches.map((batch) => batch.posts.length)).toEqual([1, 50, 50, 20])
  })
})
