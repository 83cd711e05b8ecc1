import type { CollectionConfig } from 'payload'
import { z } from 'zod'

import { DEFAULT_SLUGS, type CheckRole, type SlugKey } from './settings'

/** Payload's slug rule: lowercase letters, digits and dashes. */
const slugSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, 'must be a collection slug: lowercase letters, digits and dashes')

const slugsSchema = z
  .object(
    Object.fromEntries(Object.keys(DEFAULT_SLUGS).map((key) => [key, slugSchema.optional()])) as {
      [K in SlugKey]: z.ZodOptional<typeof slugSchema>
    },
  )
  .strict()
  .default({})
  .superRefine((given, ctx) => {
    const all = { ...DEFAULT_SLUGS, ...given }
    const seen = new Map<string, string>()
    for (const [key, slug] of Object.entries(all)) {
      const other = seen.get(slug)
      if (other)
        ctx.addIssue({ code: 'custom', path: [key], message: `"${slug}" is also ${other}` })
      seen.set(slug, key)
    }
  })

export type CollectionOverride = (args: { defaultCollection: CollectionConfig }) => CollectionConfig

const functionSchema = <T>() =>
  z.custom<T>((value) => typeof value === 'function', { message: 'must be a function' })

export const eventPortalOptionsSchema = z
  .object({
    /** Keeps every collection and field (the schema), removes endpoints, hooks, jobs and views. */
    disabled: z.boolean().default(false),
    /** The host's auth collection that holds attendees, organizers and admins. */
    slugs: slugsSchema,
    /** Per collection, by the key in `slugs`: ({ defaultCollection }) => CollectionConfig. */
    overrides: z
      .object(
        Object.fromEntries(
          Object.keys(DEFAULT_SLUGS).map((key) => [
            key,
            functionSchema<CollectionOverride>().optional(),
          ]),
        ) as unknown as {
          [K in SlugKey]: z.ZodOptional<z.ZodCustom<CollectionOverride, CollectionOverride>>
        },
      )
      .strict()
      .default({}),
    access: z
      .object({
        /** Decides whether a user holds one of the roles; every role rule goes through it. */
        checkRole: functionSchema<CheckRole>().optional(),
        /** Who may open the admin panel (default: organizers and admins). */
        admin: functionSchema<NonNullable<CollectionConfig['access']>['admin']>().optional(),
      })
      .strict()
      .default({}),
    /** The public site: links in emails, Stripe's return pages, previews, cache purges. */
    siteUrl: z.url().default('http://localhost:4321'),
    revalidateSecret: z
      .string()
      .min(16, 'must be at least 16 characters')
      .default('dev-only-site-revalidate-secret'),
    redisUrl: z
      .string()
      .regex(/^rediss?:\/\//, 'must be a redis:// URL')
      .default('redis://127.0.0.1:6379'),
    stripe: z
      .object({
        secretKey: z.string().startsWith('sk_').default('sk_test_local_event_portal'),
        webhookSecret: z.string().startsWith('whsec_').default('whsec_local_event_portal'),
        /** The project's Stripe-compatible test server; unset means Stripe itself. */
        apiUrl: z.url().optional(),
      })
      .strict()
      .default({
        secretKey: 'sk_test_local_event_portal',
        webhookSecret: 'whsec_local_event_portal',
      }),
    features: z
      .object({
        streaming: z.boolean().default(true),
        chat: z.boolean().default(true),
        campaigns: z.boolean().default(true),
      })
      .strict()
      .default({ streaming: true, chat: true, campaigns: true }),
  })
  .strict()

export type EventPortalOptions = z.input<typeof eventPortalOptionsSchema>
export type SanitizedOptions = z.output<typeof eventPortalOptionsSchema>

/** Validates the options once, at config time; a bad one stops start-up with its name. */
export function sanitizeOptions(options: EventPortalOptions = {}): SanitizedOptions {
  const result = eventPortalOptionsSchema.safeParse(options)
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => `  ${issue.path.join('.') || '(options)'}: ${issue.message}`)
      .join('\n')
    throw new Error(`Invalid eventPortal() options:\n${problems}`)
  }
  return result.data
}
