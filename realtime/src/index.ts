import { createServer, type ServerResponse } from 'node:http'
import { setFlagsFromString } from 'node:v8'

import { Redis } from 'ioredis'

import { createApp } from './app.ts'
import { createCmsClient } from './cms.ts'
import { readEnv } from './env.ts'

// A crowd's joins leave the old generation full of their handshakes' garbage, and V8's dynamic
// limit lets it grow to as much as 4× what survived its last collection before collecting again;
// nothing shrank it in the 40 s after a storm (V8's memory reducer did not run). Growing by a
// fifth keeps the heap nearer what the sockets hold (~15 KB each, heap snapshot). Measured with
// `npm run bench:chat`: 10,000 clients went from 44.7 to 23.0–27.8 KB per connection (joined in
// 10.2–11.7 s instead of 9.2), 1,000 from 32–53 to 17–41 KB. The cost is more frequent full
// collections, paid while the heap grows; the knee was 50, 80 and 30 msg/s in the full runs
// with it (60 in the one without), within what the store path's stalls already spread it over.
setFlagsFromString('--heap-growing-percent=20')

let env: ReturnType<typeof readEnv>
try {
  env = readEnv()
} catch (error) {
  console.error(`[realtime] ${(error as Error).message}`)
  process.exit(1)
}
// Auto-pipelining sends the commands of a burst (a crowd joining) in one round trip.
const redisOptions = { maxRetriesPerRequest: 3, lazyConnect: false, enableAutoPipelining: true }
const pubClient = new Redis(env.REDIS_URL, redisOptions)
// Subscriptions wait for Redis however long it is away, instead of failing
// (and crashing the node) after a few retries.
const subClient = pubClient.duplicate({ maxRetriesPerRequest: null })
for (const client of [pubClient, subClient]) {
  client.on('error', (error) => console.error(`[realtime] redis: ${error.message}`))
}

const sendJson = (res: ServerResponse, status: number, body: unknown) =>
  res
    .writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
    .end(JSON.stringify(body))

/** Both Redis connections answer (the adapter needs them to reach the other nodes). */
async function isRedisUp(): Promise<boolean> {
  const timeout = new Promise<never>((_, reject) => {
    setTimeout(() => reject(new Error('timed out')), 2_000).unref()
  })
  try {
    await Promise.race([pubClient.ping(), timeout])
    return subClient.status === 'ready'
  } catch {
    return false
  }
}

const httpServer = createServer((req, res) => {
  const path = req.url?.split('?')[0]
  if (path === '/health') {
    res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}')
    return
  }
  // Liveness and readiness for the orchestrator; readiness fails once shutdown begins.
  if (path === '/healthz') return sendJson(res, 200, { status: 'ok' })
  if (path === '/readyz') {
    void isRedisUp().then((isUp) => {
      const isReady = isUp && !isClosing
      sendJson(res, isReady ? 200 : 503, {
        status: isReady ? 'ok' : 'unavailable',
        checks: { redis: isUp ? 'ok' : 'down' },
      })
    })
    return
  }
  res.writeHead(404).end()
})
const app = createApp(httpServer, {
  cms: createCmsClient(env.CMS_URL, { payloadSecret: env.PAYLOAD_SECRET }),
  pubClient,
  subClient,
  allowedOrigins: env.ALLOWED_ORIGINS,
  keyPrefix: env.REALTIME_KEY_PREFIX,
  historyLimit: env.HISTORY_LIMIT,
  ratePerSecond: env.RATE_LIMIT_PER_SECOND,
  joinLimitPer10s: env.JOIN_LIMIT_PER_10S,
  payloadSecret: env.PAYLOAD_SECRET,
  cacheTtlMs: env.CACHE_TTL_MS,
  maxConnections: env.MAX_CONNECTIONS,
  overloadLagMs: env.OVERLOAD_LAG_MS,
  chatBatchMs: env.CHAT_BATCH_MS,
})

// A crowd opens thousands of connections in the same second: a long accept queue keeps the
// kernel from dropping them (and the clients from waiting seconds to retransmit).
httpServer.listen({ port: env.PORT, host: env.HOST, backlog: 4096 }, () => {
  console.log(`[realtime] listening on http://${env.HOST}:${env.PORT} (cms ${env.CMS_URL})`)
})

let isClosing = false
async function shutdown(signal: string) {
  if (isClosing) return
  isClosing = true
  console.log(`[realtime] ${signal}: closing`)
  const forced = setTimeout(() => process.exit(1), 10_000)
  forced.unref()
  try {
    await app.close()
    await Promise.allSettled([pubClient.quit(), subClient.quit()])
  } finally {
    process.exit(0)
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'))
process.on('SIGINT', () => void shutdown('SIGINT'))
