import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { Attendance } from './collections/Attendance'
import { Campaigns } from './collections/Campaigns'
import { Categories } from './collections/Categories'
import { ChatMessages } from './collections/ChatMessages'
import { ChatModerationActions } from './collections/ChatModerationActions'
import { ChatVotes } from './collections/ChatVotes'
import { EmailDeliveries } from './collections/EmailDeliveries'
import { EmailOutbox } from './collections/EmailOutbox'
import { EmailOptOuts } from './collections/EmailOptOuts'
import { Events } from './collections/Events'
import { Media } from './collections/Media'
import { Pages } from './collections/Pages'
import { Payments } from './collections/Payments'
import { Registrations } from './collections/Registrations'
import { StripeEvents } from './collections/StripeEvents'
import { Users } from './collections/Users'
import { placeInNav } from './admin/navigation'
import { adminAnalytics, queueRetry, queueStatus } from './endpoints/analytics/adminAnalytics'
import { organizerAnalytics } from './endpoints/analytics/organizerAnalytics'
import { authEndpoints } from './endpoints/auth'
import { moderate } from './endpoints/moderation/moderate'
import { env } from './env'
import { queryErrorCode } from './hooks/queryErrorCode'
import { countFailedLogins } from './collections/Users/hooks/throttleLogins'
import { withLockCheckInTransaction } from './hooks/checkLocksInTransaction'
import { withListLimits } from './hooks/limitLists'
import { Navigation } from './globals/Navigation'
import { withIdCheck } from './hooks/rejectMalformedIds'
import { queuedEmailAdapter } from './jobs/emailAdapter'
import { payloadLoggerOptions } from './lib/logging'
import { answerOverloadWith503 } from './lib/overload'
import { migrations } from './migrations'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  serverURL: env.CMS_URL,
  secret: env.PAYLOAD_SECRET,
  admin: {
    user: Users.slug,
    meta: { titleSuffix: ' · Event Portal' },
    // Payload's default avatar is Gravatar, an outside request on every admin page.
    avatar: 'default',
    importMap: { baseDir: path.resolve(dirname), autoGenerate: false },
    components: {
      afterNavLinks: ['/admin/NavLinks#NavLinks'],
      beforeDashboard: ['/admin/DashboardIntro#DashboardIntro'],
      views: {
        analytics: { Component: '/admin/AnalyticsView#AnalyticsView', path: '/analytics' },
        approvals: { Component: '/admin/ApprovalsView#ApprovalsView', path: '/approvals' },
        overview: { Component: '/admin/OverviewView#OverviewView', path: '/overview' },
        attendees: { Component: '/admin/AttendeesView#AttendeesView', path: '/attendees' },
        moderation: { Component: '/admin/ModerationView#ModerationView', path: '/moderation' },
      },
    },
  },
  collections: [
    Users,
    Categories,
    Events,
    Registrations,
    Payments,
    ChatMessages,
    ChatVotes,
    ChatModerationActions,
    Media,
    Pages,
    StripeEvents,
    Campaigns,
    EmailDeliveries,
    EmailOutbox,
    EmailOptOuts,
    Attendance,
  ]
    // Each wrapper puts its hook first, so these run bottom-up: ids, list limits, locks.
    .map(withLockCheckInTransaction)
    .map(withListLimits)
    .map(withIdCheck)
    .map(placeInNav),
  globals: [Navigation].map(placeInNav),
  endpoints: [
    ...authEndpoints,
    organizerAnalytics,
    adminAnalytics,
    queueStatus,
    queueRetry,
    moderate,
  ],
  editor: lexicalEditor(),
  email: queuedEmailAdapter,
  db: postgresAdapter({
    // Under overload a request waits a bounded time for a connection (then 503), and PostgreSQL
    // ends runaway statements and transactions left open, so no pool can be held forever.
    pool: {
      connectionString: env.DATABASE_URL,
      max: env.DB_POOL_MAX,
      connectionTimeoutMillis: env.DB_ACQUIRE_TIMEOUT_MS,
      statement_timeout: env.DB_STATEMENT_TIMEOUT_MS,
      idle_in_transaction_session_timeout: env.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    },
    // The schema comes from committed migrations in every environment, never from a push.
    push: false,
    migrationDir: path.resolve(dirname, 'migrations'),
    prodMigrations: migrations,
  }),
  hooks: { afterError: [queryErrorCode, answerOverloadWith503, countFailedLogins] },
  cors: [env.SITE_URL, env.CMS_URL],
  csrf: [env.SITE_URL, env.CMS_URL],
  sharp,
  telemetry: false,
  logger: payloadLoggerOptions(),
  // Refusals the caller caused are routine: log them briefly, keep `error` for faults.
  loggingLevels: {
    ValidationError: 'info',
    Forbidden: 'info',
    AuthenticationError: 'info',
    LockedAuth: 'info',
    // Payload's type lists only its own error names; ours is looked up by name all the same.
    ...({ RequestError: 'info' } as Record<string, 'info'>),
  },
  // Types and the import map are generated on purpose (npm run generate:types / generate:importmap),
  // not by every dev-mode start: tests start Payload many times and would each spawn a generator.
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts'), autoGenerate: false },
  // Nothing (admin, site, realtime, tests) speaks GraphQL; off, it cannot carry batches of aliased logins.
  graphQL: { disable: true },
})
