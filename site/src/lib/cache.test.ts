import { describe, expect, it } from 'vitest'

import { createCache } from './cache'

function clock(start = 0) {
  let time = start
  return { now: () => time, advance: (ms: number) => (time += ms) }
}

describe('cache', () => {
  it('serves a fresh entry without calling the loader again', async () => {
    const time = clock()
    const cache = createCache({ now: time.now })
    let calls = 0
    const load = async () => ++calls
    expect(await cache.get('k', { ttl: 1000 }, load)).toBe(1)
    time.advance(999)
    expect(await cache.get('k', { ttl: 1000 }, load)).toBe(1)
    expect(calls).toBe(1)
  })

  it('serves a stale entry at once and refreshes it in the background', async () => {
    const time = clock()
    const cache = createCache({ now: time.now })
    let calls = 0
    const load = async () => ++calls
    const options = { ttl: 1000, staleWhileRevalidate: 5000 }
    await cache.get('k', options, load)
    time.advance(2000)
    expect(await cache.get('k', options, load)).toBe(1)
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(await cache.get('k', options, load)).toBe(2)
  })

  it('reloads an entry past its stale window before answering', async () => {
    const time = clock()
    const cache = createCache({ now: time.now })
    let calls = 0
    const load = async () => ++calls
    const options = { ttl: 1000, staleWhileRevalidate: 1000 }
    await cache.get('k', options, load)
    time.advance(2500)
    expect(await cache.get('k', options, load)).toBe(2)
  })

  it('shares one load between concurrent requests for the same key', async () => {
    const cache = createCache()
    let calls = 0
    const load = () => new Promise<number>((resolve) => setTimeout(() => resolve(++calls), 10))
    const results = await Promise.all(
      Array.from({ length: 20 }, () => cache.get('k', { ttl: 1000 }, load)),
    )
    expect(new Set(results)).toEqual(new Set([1]))
    expect(calls).toBe(1)
  })

  it('serves the stale value when the reload fails, within staleIfError', async () => {
    const time = clock()
    const cache = createCache({ now: time.now })
    const options = { ttl: 1000, staleIfError: 10_000 }
    await cache.get('k', options, async () => 'old')
    time.advance(5000)
    expect(await cache.get('k', options, async () => Promise.reject(new Error('down')))).toBe('old')
    time.advance(10_000)
    await expect(
      cache.get('k', options, async () => Promise.reject(new Error('down'))),
    ).rejects.toThrow('down')
  })

  it('purges every entry carrying a tag, and only those', async () => {
    const cache = createCache()
    let version = 1
    const load = async () => version
    await cache.get('event:a', { ttl: 60_000, tags: ['events', 'event:a'] }, load)
    await cache.get('page:about', { ttl: 60_000, tags: ['pages'] }, load)
    version = 2
    expect(cache.purgeTags(['events'])).toBe(1)
    expect(await cache.get('event:a', { ttl: 60_000, tags: ['events'] }, load)).toBe(2)
    expect(await cache.get('page:about', { ttl: 60_000, tags: ['pages'] }, load)).toBe(1)
  })

  it('does not store a load that started before a purge', async () => {
    const cache = createCache()
    let release!: (value: string) => void
    const slow = cache.get(
      'k',
      { ttl: 60_000, tags: ['t'] },
      () => new Promise<string>((resolve) => (release = resolve)),
    )
    cache.purgeTags(['t'])
    release('old')
    expect(await slow).toBe('old')
    expect(await cache.get('k', { ttl: 60_000, tags: ['t'] }, async () => 'new')).toBe('new')
  })

  it('keeps at most maxEntries entries', async () => {
    const cache = createCache({ maxEntries: 2 })
    for (const key of ['a', 'b', 'c']) await cache.get(key, { ttl: 60_000 }, async () => key)
    expect(cache.stats().size).toBe(2)
  })
})

describe('page cache primitives', () => {
  it('peeks only fresh values, and drops a value computed before a purge', () => {
    let time = 0
    const cache = createCache({ now: () => time })
    const before = cache.version()
    cache.purgeTags(['html'])
    cache.set('stale', 'old page', { ttl: 1000, tags: ['html'] }, before)
    expect(cache.peek('stale')).toBeUndefined()
    cache.set('fresh', 'new page', { ttl: 1000, tags: ['html'] })
    expect(cache.peek('fresh')).toBe('new page')
    time += 1001
    expect(cache.peek('fresh')).toBeUndefined()
  })
})
