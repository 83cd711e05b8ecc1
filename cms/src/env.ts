import { z } from 'zod'

const DEV_SECRET = 'dev-only-secret-change-me-in-production'
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
      .default('dev-only-site-revalidate-secret'),
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
  })
  .transform((env) => ({
    ...env,
    STRIPE_API_URL:
      env.STRIPE_API_URL ??
      (env.STRIPE_SECRET_KEY === LOCAL_STRIPE_KEY ? LOCAL_STRIPE_API_URL : undefined),
  }))
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && env.PAYLOAD_SECRET === DEV_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['PAYLOAD_SECRET'],
        message: 'must be set to a secret of your own when NODE_ENV=production',
      })
    }
  })

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
