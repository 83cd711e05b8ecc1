import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import {
  eventPortal,
  placeInNav,
  withIdCheck,
  withListLimits,
  withLockCheckInTransaction,
} from './plugin'
import { Pages } from './collections/Pages'
import { Users } from './collections/Users'
import { env } from './env'
import { Navigation } from './globals/Navigation'
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
  },
  // Our own collections; the event portal plugin adds its own and extends Users.
  collections: [Users, Pages]
    // Each wrapper puts its hook first, so these run bottom-up: ids, list limits, locks.
    .map(withLockCheckInTransaction)
    .map(withListLimits)
    .map(withIdCheck)
    .map(placeInNav),
  globals: [Navigation].map(placeInNav),
  plugins: [
    eventPortal({
      siteUrl: env.SITE_URL,
      revalidateSecret: env.SITE_REVALIDATE_SECRET,
      redisUrl: env.REDIS_URL,
      stripe: {
        secretKey: env.STRIPE_SECRET_KEY,
        webhookSecret: env.STRIPE_WEBHOOK_SECRET,
        apiUrl: env.STRIPE_API_URL,
      },
    }),
  ],
  editor: lexicalEditor(),
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
  hooks: { afterError: [answerOverloadWith503] },
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
