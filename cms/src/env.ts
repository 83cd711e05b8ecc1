import { z } from 'zod'

const DEV_SECRET = 'dev-only-secret-change-me-in-production'
const DEV_REVALIDATE_SECRET = 'dev-only-site-revalidate-secret'
export const LOCAL_STRIPE_KEY = 'sk_test_local_event_portal'
export const LOCAL_WEBHOOK_SECRET = 'whsec_local_event_portal'
/** The project's Stripe-compatible test server (npm run stripe:test-server -w cms). */
export const LOCAL_STRIPE_API_URL = 'http://127.0.0.1:12111'

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection string')
      .default('postgres://postgres@127.0.0.1:5432/event_portal'),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, 'must be a redis:// URL')
      .default('redis://127.0.0.1:6379'),
    PAYLOAD_SECRET: z.string().min(16, 'must be at least 16 characters').default(DEV_SECRET),
    /** The realtime gateway's Redis prefix: moderation decisions made here reach live rooms on its channel. */
    REALTIME_KEY_PREFIX: z.string().min(1).default('ep:rt:'),
    CMS_URL: z.url().default('http://localhost:3000'),
    SITE_URL: z.url().default('http://localhost:4321'),
    /** Sent to the site's /api/revalidate so it purges its cache after a change; the site checks the same value. */
    SITE_REVALIDATE_SECRET: z
      .string()
      .min(16, 'must be at least 16 characters')
      .default(DEV_REVALIDATE_SECRET),
    STRIPE_SECRET_KEY: z.string().startsWith('sk_').default(LOCAL_STRIPE_KEY),
    STRIPE_WEBHOOK_SECRET: z.string().startsWith('whsec_').default(LOCAL_WEBHOOK_SECRET),
    /** Where the Stripe SDK sends requests; unset means Stripe itself, or the local test server with the local key. */
    STRIPE_API_URL: z.url().optional(),
    /** Real SMTP (smtp:// or smtps://); unset sends to the local mail catcher `npm start` runs. */
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
      .optional(),
    MAIL_FROM: z.string().min(3).default('Event Portal <no-reply@event-portal.localhost>'),
    MAIL_CATCHER_SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(1025),
    MAIL_CATCHER_HTTP_PORT: z.coerce.number().int().min(1).max(65535).default(8025),
    /** PostgreSQL connections per process (the pool's size). */
    DB_POOL_MAX: z.coerce.number().int().min(2).max(200).default(20),
    /** How long a request waits for a free connection before it answers 503. */
    DB_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(100).default(5_000),
    /** The longest one SQL statement may run. */
    DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
    /** PostgreSQL ends a session that sits idle inside an open transaction this long. */
    DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== 'production') return
    // These defaults are public (they are in this file): in production they would let anyone
    // forge sessions, sign Stripe webhooks or purge the site's cache.
    const publicDefaults: [keyof typeof env, string][] = [
      ['PAYLOAD_SECRET', DEV_SECRET],
      ['SITE_REVALIDATE_SECRET', DEV_REVALIDATE_SECRET],
      ['STRIPE_WEBHOOK_SECRET', LOCAL_WEBHOOK_SECRET],
    ]
    for (const [name, publicDefault] of publicDefaults) {
      if (env[name] === publicDefault) {
        ctx.addIssue({
          code: 'custom',
          path: [name],
          message: 'must be set to a secret of your own when NODE_ENV=production',
        })
      }
    }
    // The local key talks to the project's test server, never to Stripe: no real payment could
    // succeed. Only a deliberately named test server (STRIPE_API_URL) may use it.
    if (env.STRIPE_SECRET_KEY === LOCAL_STRIPE_KEY && !env.STRIPE_API_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['STRIPE_SECRET_KEY'],
        message:
          'must be your Stripe secret key when NODE_ENV=production (the local test key works only with STRIPE_API_URL set to a test server)',
      })
    }
  })
  .transform((env) => ({
    ...env,
    STRIPE_API_URL:
      env.STRIPE_API_URL ??
      (env.STRIPE_SECRET_KEY === LOCAL_STRIPE_KEY ? LOCAL_STRIPE_API_URL : undefined),
  }))

export type Env = z.infer<typeof envSchema>

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source)
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
      .join('\n')
    throw new Error(`Invalid environment configuration:\n${problems}`)
  }
  return result.data
}

export const env = parseEnv(process.env)
