import type { Role } from '../access/checkRole'
import type { User } from '../payload-types'

/**
 * The collection slugs the plugin uses, by the name the code knows them. A host may rename any of
 * them (`eventPortal({ slugs: { events: 'webinars' } })`); code never writes a slug literally but
 * reads it here: `payload.find({ collection: slugs.events })`.
 */
export const DEFAULT_SLUGS = {
  users: 'users',
  categories: 'categories',
  events: 'events',
  sessions: 'sessions',
  speakers: 'speakers',
  sessionStars: 'session-stars',
  calendarFeeds: 'calendar-feeds',
  registrations: 'registrations',
  payments: 'payments',
  chatMessages: 'chat-messages',
  chatVotes: 'chat-votes',
  chatModerationActions: 'chat-moderation-actions',
  media: 'media',
  stripeEvents: 'stripe-events',
  campaigns: 'campaigns',
  emailDeliveries: 'email-deliveries',
  emailOutbox: 'email-outbox',
  emailOptOuts: 'email-opt-outs',
  attendance: 'attendance',
} as const

export type SlugKey = keyof typeof DEFAULT_SLUGS

/**
 * Typed with the default slugs, so Local API calls keep the generated types of our own host
 * (payload-types.ts); at run time each value is the host's slug, set once by `eventPortal()`.
 */
export const slugs: { -readonly [K in SlugKey]: (typeof DEFAULT_SLUGS)[K] } = { ...DEFAULT_SLUGS }

export type Features = { streaming: boolean; chat: boolean; campaigns: boolean }

export type CheckRole = (roles: Role[], user?: Pick<User, 'role'> | null) => boolean

/** What the plugin's services read at run time: the host's options, resolved once at config time. */
export type PortalSettings = {
  siteUrl: string
  revalidateSecret: string
  redisUrl: string
  stripe: { secretKey: string; webhookSecret: string; apiUrl?: string }
  features: Features
  /** Replaces the role check behind every access rule (`checkRole`), when the host gives one. */
  checkRole?: CheckRole
}

export const settings: PortalSettings = {
  siteUrl: 'http://localhost:4321',
  revalidateSecret: 'dev-only-site-revalidate-secret',
  redisUrl: 'redis://127.0.0.1:6379',
  stripe: {
    secretKey: 'sk_test_local_event_portal',
    webhookSecret: 'whsec_local_event_portal',
    apiUrl: 'http://127.0.0.1:12111',
  },
  features: { streaming: true, chat: true, campaigns: true },
}

/** The SQL table Payload's Postgres adapter makes for a collection slug ("chat-messages" → chat_messages). */
export const tableOf = (slug: string): string =>
  slug
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[-\s]+/g, '_')
    .toLowerCase()
