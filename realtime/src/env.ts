import { z } from 'zod'

/** cms's local default (cms/src/env.ts); refused in production there and here. */
const DEV_PAYLOAD_SECRET = 'dev-only-secret-change-me-in-production'

const commaList = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean),
)

export const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3001),
  HOST: z.string().default('0.0.0.0'),
  CMS_URL: z.url().default('http://localhost:3000'),
  REDIS_URL: z.url().default('redis://127.0.0.1:6379'),
  /** Origins whose pages may open a socket (the site's and the cms's). */
  ALLOWED_ORIGINS: commaList.default(['http://localhost:4321', 'http://localhost:3000']),
  /** Prefix for every Redis key and pub/sub channel, so several deployments (or test runs) share one Redis. */
  REALTIME_KEY_PREFIX: z.string().min(1).default('ep:rt:'),
  HISTORY_LIMIT: z.coerce.number().int().min(1).max(200).default(50),
  /** Messages (chat and questions) a user may send per second, as a burst. */
  RATE_LIMIT_PER_SECOND: z.coerce.number().int().min(1).max(100).default(3),
  /** cms's secret: session tokens are verified here with the key Payload derives from it. */
  PAYLOAD_SECRET: z.string().min(16, 'must be at least 16 characters').default(DEV_PAYLOAD_SECRET),
  NODE_ENV: z.string().optional(),
  /** Joins a person may make per 10 s over all their tabs (a reconnect rejoins every tab). */
  JOIN_LIMIT_PER_10S: z.coerce.number().int().min(1).default(20),
  /** How long who-may-join and the rooms' recent messages stay cached in Redis without a change. */
  CACHE_TTL_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .default(10 * 60_000),
  /** Connections a node holds before it answers new ones OVERLOADED with a retry-after. */
  MAX_CONNECTIONS: z.coerce.number().int().min(1).default(20_000),
  /** Event-loop delay (median over a second) above which a node refuses new connections. */
  OVERLOAD_LAG_MS: z.coerce.number().int().min(10).default(5000),
  /** A room's chat lines go out at most once per this many ms, together (src/chatFeed.ts). */
  CHAT_BATCH_MS: z.coerce.number().int().min(0).max(1000).default(50),
})

export type RealtimeEnv = z.infer<typeof envSchema>

/** Reads and validates the environment; a bad value stops the process naming the variable. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): RealtimeEnv {
  const parsed = envSchema
    .refine((env) => env.NODE_ENV !== 'production' || env.PAYLOAD_SECRET !== DEV_PAYLOAD_SECRET, {
      message: 'must be set to cms’s own secret in production',
      path: ['PAYLOAD_SECRET'],
    })
    .safeParse(source)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    throw new Error(`Invalid realtime environment: ${problems.join('; ')}`)
  }
  return parsed.data
}
