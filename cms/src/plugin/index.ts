import type { CollectionConfig, Config, Endpoint, Plugin } from 'payload'

import { placeInNav } from '../admin/navigation'
import { Attendance } from '../collections/Attendance'
import { agendaFeedEndpoints, CalendarFeeds } from '../collections/CalendarFeeds'
import { Campaigns } from '../collections/Campaigns'
import { Categories } from '../collections/Categories'
import { ChatMessages } from '../collections/ChatMessages'
import { ChatModerationActions } from '../collections/ChatModerationActions'
import { ChatVotes } from '../collections/ChatVotes'
import { EmailDeliveries } from '../collections/EmailDeliveries'
import { EmailOptOuts } from '../collections/EmailOptOuts'
import { EmailOutbox } from '../collections/EmailOutbox'
import { Events } from '../collections/Events'
import { eventChatAccess } from '../collections/Events/endpoints/chatAccess'
import { eventAttendance } from '../collections/Events/endpoints/attendance'
import { eventReplay } from '../collections/Events/endpoints/replay'
import { eventStream } from '../collections/Events/endpoints/stream'
import { Media } from '../collections/Media'
import { Payments } from '../collections/Payments'
import { Registrations } from '../collections/Registrations'
import { SessionStars } from '../collections/SessionStars'
import { Sessions } from '../collections/Sessions'
import { Speakers } from '../collections/Speakers'
import { StripeEvents } from '../collections/StripeEvents'
import { extendUsers } from '../collections/Users/extension'
import { countFailedLogins } from '../collections/Users/hooks/throttleLogins'
import { adminAnalytics, queueRetry, queueStatus } from '../endpoints/analytics/adminAnalytics'
import { organizerAnalytics } from '../endpoints/analytics/organizerAnalytics'
import { promoCodeAnalytics } from '../endpoints/analytics/promoCodeAnalytics'
import { authEndpoints } from '../endpoints/auth'
import { moderate } from '../endpoints/moderation/moderate'
import { withLockCheckInTransaction } from '../hooks/checkLocksInTransaction'
import { withListLimits } from '../hooks/limitLists'
import { queryErrorCode } from '../hooks/queryErrorCode'
import { withIdCheck } from '../hooks/rejectMalformedIds'
import { queuedEmailAdapter } from '../jobs/emailAdapter'
import { sanitizeOptions, type EventPortalOptions, type SanitizedOptions } from './options'
import { renameSlugs } from './renameSlugs'
import { createSeatCounter } from './seatCounter'
import { DEFAULT_SLUGS, settings, slugs, type Features, type SlugKey } from './settings'

export type { EventPortalOptions } from './options'
export { DEFAULT_SLUGS, slugs, type SlugKey } from './settings'
export { createSeatCounter } from './seatCounter'
export { queuedEmailAdapter } from '../jobs/emailAdapter'
export { startWorker } from '../jobs/runWorker'
export { placeInNav } from '../admin/navigation'
export { withIdCheck } from '../hooks/rejectMalformedIds'
export { withListLimits } from '../hooks/limitLists'
export { withLockCheckInTransaction } from '../hooks/checkLocksInTransaction'

const LOCAL_STRIPE_KEY = 'sk_test_local_event_portal'
const LOCAL_STRIPE_API_URL = 'http://127.0.0.1:12111'
const CLIENT = '@event-portal/cms/plugin/client'
const RSC = '@event-portal/cms/plugin/rsc'

/** The plugin's collections, as written in src/collections (with the default slugs). */
const portalCollections: Record<Exclude<SlugKey, 'users'>, CollectionConfig> = {
  categories: Categories,
  events: Events,
  sessions: Sessions,
  speakers: Speakers,
  sessionStars: SessionStars,
  calendarFeeds: CalendarFeeds,
  registrations: Registrations,
  payments: Payments,
  chatMessages: ChatMessages,
  chatVotes: ChatVotes,
  chatModerationActions: ChatModerationActions,
  media: Media,
  stripeEvents: StripeEvents,
  campaigns: Campaigns,
  emailDeliveries: EmailDeliveries,
  emailOutbox: EmailOutbox,
  emailOptOuts: EmailOptOuts,
  attendance: Attendance,
}

/** Collections and endpoints that belong to a feature the host may switch off. */
const featureCollections: Partial<Record<SlugKey, keyof Features>> = {
  chatMessages: 'chat',
  chatVotes: 'chat',
  chatModerationActions: 'chat',
  campaigns: 'campaigns',
}
const featureEndpoints = new Map<Endpoint, keyof Features>([
  [eventStream, 'streaming'],
  [eventReplay, 'streaming'],
  [eventAttendance, 'streaming'],
  [eventChatAccess, 'chat'],
  [moderate, 'chat'],
])

const isOn = (features: Features, endpoint: Endpoint) => {
  const feature = featureEndpoints.get(endpoint)
  return !feature || features[feature]
}

/** Hooks and endpoints gone, fields (the schema) and access rules kept. */
const withoutBehaviour = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  hooks: {},
  endpoints: false,
})

/**
 * A feature switched off keeps its tables (the schema does not depend on the switches) but is
 * hidden from the admin and closed to writes through the API.
 */
const switchedOff = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  admin: { ...collection.admin, hidden: true },
  access: { ...collection.access, create: () => false, update: () => false },
  endpoints: false,
})

/** Sets what services read at run time: the host's slugs, URLs, secrets and switches. */
function resolveSettings(options: SanitizedOptions, authSlug: string): void {
  Object.assign(slugs, { ...DEFAULT_SLUGS, ...options.slugs, users: authSlug })
  Object.assign(settings, {
    siteUrl: options.siteUrl,
    revalidateSecret: options.revalidateSecret,
    redisUrl: options.redisUrl,
    stripe: {
      ...options.stripe,
      // The local key only works against the project's Stripe-compatible test server.
      apiUrl:
        options.stripe.apiUrl ??
        (options.stripe.secretKey === LOCAL_STRIPE_KEY ? LOCAL_STRIPE_API_URL : undefined),
    },
    features: options.features,
    checkRole: options.access.checkRole,
  })
}

function buildCollections(options: SanitizedOptions): CollectionConfig[] {
  const slugMap: Record<string, string> = Object.fromEntries(
    (Object.keys(DEFAULT_SLUGS) as SlugKey[]).map((key) => [DEFAULT_SLUGS[key], slugs[key]]),
  )
  return (Object.entries(portalCollections) as [Exclude<SlugKey, 'users'>, CollectionConfig][]).map(
    ([key, written]) => {
      let collection = renameSlugs(placeInNav(written), slugMap)
      const feature = featureCollections[key]
      if (options.disabled) collection = withoutBehaviour(collection)
      else if (feature && !options.features[feature]) collection = switchedOff(collection)
      else if (Array.isArray(collection.endpoints)) {
        collection = {
          ...collection,
          endpoints: collection.endpoints.filter((endpoint) => isOn(options.features, endpoint)),
        }
      }
      const override = options.overrides[key]
      return override ? override({ defaultCollection: collection }) : collection
    },
  )
}

const adminViews = (features: Features) => ({
  analytics: { Component: `${RSC}#AnalyticsView`, path: '/analytics' as const },
  approvals: { Component: `${RSC}#ApprovalsView`, path: '/approvals' as const },
  overview: { Component: `${RSC}#OverviewView`, path: '/overview' as const },
  attendees: { Component: `${RSC}#AttendeesView`, path: '/attendees' as const },
  ...(features.chat && {
    moderation: { Component: `${RSC}#ModerationView`, path: '/moderation' as const },
  }),
})

/**
 * Virtual events for a Payload site: `plugins: [eventPortal({ siteUrl, stripe, ... })]`. Adds the
 * event collections, extends the host's auth collection with roles, and adds the booking,
 * streaming, chat and analytics endpoints, the admin views and the email queue.
 */
export const eventPortal =
  (input: EventPortalOptions = {}): Plugin =>
  (incoming: Config): Config => {
    const options = sanitizeOptions(input)
    const authSlug = options.slugs.users ?? incoming.admin?.user ?? DEFAULT_SLUGS.users
    const hostUsers = incoming.collections?.find((collection) => collection.slug === authSlug)
    if (!hostUsers?.auth) {
      throw new Error(
        `Invalid eventPortal() options:\n  slugs.users: "${authSlug}" is not an auth collection of this config`,
      )
    }
    const taken = new Set(incoming.collections?.map((collection) => collection.slug))
    resolveSettings(options, authSlug)
    const collections = buildCollections(options)
    for (const collection of collections) {
      if (taken.has(collection.slug)) {
        throw new Error(
          `Invalid eventPortal() options:\n  slugs: the host already has a "${collection.slug}" collection; rename the plugin's in slugs`,
        )
      }
    }
    const users = extendUsers(hostUsers, {
      isDisabled: options.disabled,
      adminAccess: options.access.admin,
    })
    const guarded = (collection: CollectionConfig) =>
      options.disabled
        ? collection
        : withIdCheck(withListLimits(withLockCheckInTransaction(collection)))

    // The plugin's collections follow the auth collection, so a host's admin lists them together.
    const hostCollections = incoming.collections ?? []
    const authIndex = hostCollections.findIndex((collection) => collection.slug === authSlug)
    const config: Config = {
      ...incoming,
      admin: { ...incoming.admin, user: authSlug },
      collections: [
        ...hostCollections.slice(0, authIndex),
        users,
        ...collections.map(guarded),
        ...hostCollections.slice(authIndex + 1),
      ],
    }
    if (options.disabled) return config

    const endpoints: Endpoint[] = [
      ...authEndpoints,
      organizerAnalytics,
      promoCodeAnalytics,
      adminAnalytics,
      queueStatus,
      queueRetry,
      moderate,
      ...agendaFeedEndpoints,
    ].filter((endpoint) => isOn(options.features, endpoint))
    const components = incoming.admin?.components ?? {}
    return {
      ...config,
      admin: {
        ...config.admin,
        components: {
          ...components,
          afterNavLinks: [...(components.afterNavLinks ?? []), `${CLIENT}#NavLinks`],
          beforeDashboard: [...(components.beforeDashboard ?? []), `${CLIENT}#DashboardIntro`],
          views: { ...components.views, ...adminViews(options.features) },
        },
        // Client components read the host's slugs and switches here (src/admin/portalSlugs.ts).
        custom: {
          ...incoming.admin?.custom,
          eventPortal: { slugs: { ...slugs }, features: options.features },
        },
      },
      endpoints: [...(incoming.endpoints ?? []), ...endpoints],
      // Payload's own emails (password reset) are queued and sent by the worker like the rest,
      // unless the host chose its own adapter.
      email: incoming.email ?? queuedEmailAdapter,
      hooks: {
        ...incoming.hooks,
        // A failed login counts toward the throttle only once Payload has refused it.
        afterError: [queryErrorCode, countFailedLogins, ...(incoming.hooks?.afterError ?? [])],
      },
      onInit: async (payload) => {
        await incoming.onInit?.(payload)
        await createSeatCounter(payload)
      },
    }
  }
