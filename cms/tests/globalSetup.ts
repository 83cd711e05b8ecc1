import net from 'node:net'

import pg from 'pg'

import { closePayload } from './closePayload'

/**
 * Every run gets a fresh database, migrated from the committed migrations,
 * and drops it at the end: no state leaks between runs.
 */
const base = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres')
const name = `event_portal_test_${process.pid}_${Date.now()}`

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: base.toString() })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

/** A port free right now, for the Stripe test server the payment tests start. */
async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

export async function setup() {
  process.env.STRIPE_API_URL = `http://127.0.0.1:${await freePort()}`
  await adminQuery(`CREATE DATABASE "${name}"`)
  const url = new URL(base)
  url.pathname = `/${name}`
  process.env.DATABASE_URL = url.toString()
  process.env.PAYLOAD_SECRET ??= 'integration-test-secret-0123456789'
  Object.assign(process.env, { NODE_ENV: 'test' })
  const { getPayload } = await import('payload')
  const { default: config } = await import('../src/payload.config')
  const { migrations } = await import('../src/migrations')
  const payload = await getPayload({ config })
  // Passed in, because migrate() would otherwise import() the .ts files natively, around vite.
  type MigrateArgs = NonNullable<Parameters<typeof payload.db.migrate>[0]>
  await payload.db.migrate({ migrations: migrations as MigrateArgs['migrations'] })
  await closePayload(payload)
}

export async function teardown() {
  await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
}
