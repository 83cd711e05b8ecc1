import net from 'node:net'

import pg from 'pg'

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/event_portal'
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379'

const START_HINT =
  'Start them with `docker compose -f deploy/dev-services.yml up -d`, or on Debian:\n' +
  '  pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\n' +
  '  redis-server --daemonize yes --bind 127.0.0.1 --port 6379'

export class ServiceUnavailableError extends Error {}

/** Answers PONG when a Redis server listens at the URL. */
export async function pingRedis(redisUrl: string, timeoutMs = 2000): Promise<void> {
  const url = new URL(redisUrl)
  await new Promise<void>((resolve, reject) => {
    const socket = net.connect(Number(url.port || 6379), url.hostname)
    const fail = (why: string) => {
      socket.destroy()
      reject(
        new ServiceUnavailableError(
          `Redis is not answering at ${redisUrl} (${why}).\n${START_HINT}`,
        ),
      )
    }
    socket.setTimeout(timeoutMs, () => fail('timed out'))
    socket.on('error', (error) => fail(error.message))
    socket.on('connect', () => {
      if (url.password) socket.write(`AUTH ${decodeURIComponent(url.password)}\r\n`)
      socket.write('PING\r\n')
    })
    socket.on('data', (data) => {
      if (data.toString().includes('PONG')) {
        socket.end()
        resolve()
      } else if (data.toString().startsWith('-')) fail(data.toString().trim())
    })
  })
}

/** Connects to the server's maintenance database and creates `databaseUrl`'s database if missing. */
export async function ensureDatabase(databaseUrl: string): Promise<'created' | 'exists'> {
  const url = new URL(databaseUrl)
  const name = decodeURIComponent(url.pathname.slice(1))
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`Unsupported database name "${name}".`)
  const admin = new URL(databaseUrl)
  admin.pathname = '/postgres'
  const client = new pg.Client({
    connectionString: admin.toString(),
    connectionTimeoutMillis: 3000,
  })
  try {
    await client.connect()
  } catch (error) {
    throw new ServiceUnavailableError(
      `PostgreSQL is not answering at ${url.host} (${(error as Error).message}).\n${START_HINT}`,
    )
  }
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
    if (rowCount) return 'exists'
    await client.query(`CREATE DATABASE "${name}"`)
    return 'created'
  } finally {
    await client.end()
  }
}

export async function dropDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl)
  const name = decodeURIComponent(url.pathname.slice(1))
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`Unsupported database name "${name}".`)
  url.pathname = '/postgres'
  const client = new pg.Client({ connectionString: url.toString() })
  await client.connect()
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
  } finally {
    await client.end()
  }
}

/** Resolves once `url` answers with a status below 500, or throws after `timeoutMs`. */
export async function waitForHttp(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) })
      if (response.status < 500) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s.`)
}
