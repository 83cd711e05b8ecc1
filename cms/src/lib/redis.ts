import { Redis } from 'ioredis'

import { settings } from '../plugin/settings'

let client: Redis | undefined

/**
 * The cms's own Redis connection (rate limits, readiness). It fails fast: a
 * command while Redis is down errors within a couple of seconds instead of
 * queueing, so a request never hangs on it.
 */
export function getRedis(): Redis {
  if (!client) {
    client = new Redis(settings.redisUrl, {
      lazyConnect: true,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      connectTimeout: 2_000,
      commandTimeout: 2_000,
      retryStrategy: (times) => Math.min(times * 500, 5_000),
    })
    // Failures surface through the commands that hit them; without a listener
    // ioredis would print every reconnect attempt.
    client.on('error', () => {})
  }
  return client
}

/** Connects if needed; resolves once the connection is ready or rejects within `timeoutMs`. */
export async function readyRedis(timeoutMs = 2_000): Promise<Redis> {
  const redis = getRedis()
  if (redis.status === 'ready') return redis
  if (redis.status === 'wait' || redis.status === 'end') {
    await redis.connect().catch(() => {})
  }
  // connect() may have changed the status meanwhile.
  if ((redis.status as string) !== 'ready') {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        redis.off('ready', onReady)
        reject(new Error(`Redis not ready within ${timeoutMs} ms`))
      }, timeoutMs)
      const onReady = () => {
        clearTimeout(timer)
        resolve()
      }
      redis.once('ready', onReady)
    })
  }
  return redis
}

export async function closeRedis(): Promise<void> {
  const redis = client
  client = undefined
  if (redis && redis.status !== 'end') await redis.quit().catch(() => redis.disconnect())
}
