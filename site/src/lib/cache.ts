/**
 * An in-process read-through cache for CMS reads with stale-while-revalidate:
 * a fresh entry is served as is; a stale one is served at once while a single
 * background refresh runs; an entry past its stale window is reloaded before
 * answering. If a reload fails (the CMS is down), a stale value is served
 * rather than an error. Entries carry tags so a revalidation call can purge
 * everything that depends on a changed document.
 */
export type CacheOptions = {
  /** Milliseconds an entry is fresh. */
  ttl: number
  /** Milliseconds after `ttl` during which a stale entry is still served while refreshing. */
  staleWhileRevalidate?: number
  /** Milliseconds after `ttl` during which a stale entry is served if the reload fails. */
  staleIfError?: number
  tags?: string[]
}

type Entry = {
  value: unknown
  storedAt: number
  options: CacheOptions
  /** Bumped by a purge, so a refresh that started before it cannot write back old data. */
  generation: number
}

export type CacheStats = { hits: number; stale: number; misses: number; size: number }

export type Cache = {
  get<T>(key: string, options: CacheOptions, load: () => Promise<T>): Promise<T>
  /** The value if it is still fresh, without loading anything. */
  peek<T>(key: string): T | undefined
  /** Changes on every purge; pass it to `set` so a value computed before a purge is dropped. */
  version(): number
  set(key: string, value: unknown, options: CacheOptions, version?: number): void
  purgeTags(tags: string[]): number
  clear(): void
  stats(): CacheStats
}

export function createCache({
  maxEntries = 2000,
  now = Date.now,
}: { maxEntries?: number; now?: () => number } = {}): Cache {
  const entries = new Map<string, Entry>()
  const inFlight = new Map<string, { promise: Promise<unknown>; tags: string[] }>()
  const counters = { hits: 0, stale: 0, misses: 0 }
  let generation = 0

  function store(key: string, value: unknown, options: CacheOptions, startedAt: number) {
    if (startedAt !== generation) return
    entries.delete(key)
    entries.set(key, { value, storedAt: now(), options, generation })
    // Map keeps insertion order, so the first key is the least recently stored.
    while (entries.size > maxEntries) entries.delete(entries.keys().next().value!)
  }

  function load<T>(key: string, options: CacheOptions, loader: () => Promise<T>): Promise<T> {
    const running = inFlight.get(key)
    if (running) return running.promise as Promise<T>
    const startedAt = generation
    const promise = loader()
      .then((value) => {
        store(key, value, options, startedAt)
        return value
      })
      .finally(() => {
        if (inFlight.get(key)?.promise === promise) inFlight.delete(key)
      })
    inFlight.set(key, { promise, tags: options.tags ?? [] })
    return promise
  }

  return {
    async get<T>(key: string, options: CacheOptions, loader: () => Promise<T>): Promise<T> {
      const entry = entries.get(key)
      if (entry) {
        const age = now() - entry.storedAt
        if (age <= options.ttl) {
          counters.hits++
          return entry.value as T
        }
        if (age <= options.ttl + (options.staleWhileRevalidate ?? 0)) {
          counters.stale++
          load(key, options, loader).catch(() => {
            // The stale value keeps being served; the next request tries again.
          })
          return entry.value as T
        }
      }
      counters.misses++
      try {
        return await load(key, options, loader)
      } catch (error) {
        if (entry && now() - entry.storedAt <= options.ttl + (options.staleIfError ?? 0)) {
          return entry.value as T
        }
        throw error
      }
    },
    peek<T>(key: string): T | undefined {
      const entry = entries.get(key)
      if (!entry || now() - entry.storedAt > entry.options.ttl) return undefined
      counters.hits++
      return entry.value as T
    },
    version: () => generation,
    set(key, value, options, version = generation) {
      store(key, value, options, version)
    },
    purgeTags(tags) {
      const wanted = new Set(tags)
      let purged = 0
      for (const [key, entry] of entries) {
        if (entry.options.tags?.some((tag) => wanted.has(tag))) {
          entries.delete(key)
          purged++
        }
      }
      // A read that started before the purge may carry old data: later callers must not join it.
      for (const [key, running] of inFlight) {
        if (running.tags.some((tag) => wanted.has(tag))) inFlight.delete(key)
      }
      generation++
      return purged
    },
    clear() {
      entries.clear()
      inFlight.clear()
      generation++
    },
    stats: () => ({ ...counters, size: entries.size }),
  }
}
