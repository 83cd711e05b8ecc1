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
import { adminAnalytics, queueRetry, queueStatus } from './endpoints/analytics/adminAnalytics'
import { organizerAnalytics } from './endpoints/analytics/organizerAnalytics'
import { authEndpoints } from './endpoints/auth'
import { moderate } from './endpoints/moderation/moderate'
import { env } from './env'
import { withIdCheck } from './hooks/rejectMalformedIds'
import { queuedEmailAdapter } from './jobs/emailAdapter'
import { payloadLoggerOptions } from './lib/logging'
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
  ].map(withIdCheck),
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
    pool: { connectionString: env.DATABASE_URL, max: 20 },
    // The schema comes from committed migrations in every environment, never from a push.
    push: false,
    migrationDir: path.resolve(dirname, 'migrations'),
    prodMigrations: migrations,
  }),
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
  graphQL: { schemaOutputFile: path.resolve(dirname, 'generated-schema.graphql') },
})
