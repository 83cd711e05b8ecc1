import { Redis } from 'ioredis'

import type { Cache } from './cache'

export type PurgeBus = {
  /** Purges `tags` on every site process (this one included). */
  publish(tags: string[]): Promise<void>
  close(): Promise<void>
}

/**
 * Each site process keeps its own cache, but the CMS calls only one of them:
 * the revalidation is fanned out over Redis pub/sub so every process purges.
 * Without Redis (or while it is down) the purge stays local.
 */
export function createPurgeBus({
  cache,
  redisUrl,
  channel,
  log = console,
}: {
  cache: Cache
  redisUrl: string | undefined
  channel: string
  log?: Pick<Console, 'warn'>
}): PurgeBus {
  if (!redisUrl) {
    return {
      async publish(tags) {
        cache.purgeTags(tags)
      },
      async close() {},
    }
  }
  // A publish never waits for a reconnect (the local purge already happened); the
  // subscription is queued until connected and renewed after every reconnect.
  const publisher = new Redis(redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false })
  const subscriber = new Redis(redisUrl, { maxRetriesPerRequest: null })
  let lastWarning = 0
  const warn = (error: unknown) => {
    if (Date.now() - lastWarning < 60_000) return
    lastWarning = Date.now()
    log.warn(`site cache purge bus: ${error instanceof Error ? error.message : String(error)}`)
  }
  publisher.on('error', warn)
  subscriber.on('error', warn)
  subscriber.subscribe(channel).catch(warn)
  subscriber.on('message', (from, message) => {
    if (from !== channel) return
    try {
      const tags: unknown = JSON.parse(message)
      if (Array.isArray(tags) && tags.every((tag) => typeof tag === 'string')) cache.purgeTags(tags)
    } catch (error) {
      warn(error)
    }
  })
  return {
    async publish(tags) {
      // Local first, so this process never waits on Redis to be fresh.
      cache.purgeTags(tags)
      try {
        await publisher.publish(channel, JSON.stringify(tags))
      } catch (error) {
        warn(error)
      }
    },
    async close() {
      await Promise.allSettled([publisher.quit(), subscriber.quit()])
    },
  }
}
