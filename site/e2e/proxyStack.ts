// The production shape behind TLS, for proxy.spec.ts: the real deploy/Caddyfile (only its
// environment placeholders set) with Caddy's local CA, in front of the site's production server
// (deploy/site-server.mjs, TRUST_PROXY=true), a cms and two realtime nodes. Like compose, every
// process knows the one public https origin; cms and site talk to each other directly.
import type { ChildProcess } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import https from 'node:https'
import path from 'node:path'

import { cmsDir } from '../../scripts/lib/cmsBuild.ts'
import { bin, startService } from '../../scripts/lib/processes.ts'
import { waitForHttp } from '../../scripts/lib/services.ts'
import type { TestCms } from '../../scripts/lib/testCms.ts'
import {
  CADDY_DATA_DIR,
  CADDY_ROOT_CERT,
  PROXIED_CMS_PORT,
  PROXIED_SITE_PORT,
  PROXY_HTTP_PORT,
  PROXY_PORT,
  PROXY_URL,
  REALTIME_PORTS,
  REVALIDATE_SECRET,
} from './ports.ts'

const root = path.resolve(import.meta.dirname, '../..')
const local = (port: number) => `127.0.0.1:${port}`

/** Sign-ups per visitor address through the proxy, low enough for the spec to reach. */
export const PROXIED_SIGNUP_LIMIT = 3

/** True once Caddy answers the site's health check over TLS with its own certificate. */
function answersOverTls(): Promise<boolean> {
  return new Promise((resolve) => {
    const request = https.get(
      `${PROXY_URL}/healthz`,
      { ca: readFileSync(CADDY_ROOT_CERT), timeout: 2_000 },
      (response) => {
        response.resume()
        resolve(response.statusCode === 200)
      },
    )
    request.on('error', () => resolve(false))
    request.on('timeout', () => request.destroy())
  })
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what} did not appear within ${timeoutMs / 1000}s`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

/** Starts the stack on the database of `cms` (already migrated and seeded) and its build. */
export async function startProxyStack(cms: TestCms): Promise<{ stop(): Promise<void> }> {
  const children: ChildProcess[] = []
  rmSync(CADDY_DATA_DIR, { recursive: true, force: true })

  // Caddy first: it makes its CA at start, which cms needs to trust the public origin.
  children.push(
    startService('caddy', 'caddy', ['run', '--adapter', 'caddyfile', '--config', 'Caddyfile'], {
      cwd: path.join(root, 'deploy'),
      env: {
        PATH: process.env.PATH,
        HOME: CADDY_DATA_DIR,
        XDG_DATA_HOME: CADDY_DATA_DIR,
        XDG_CONFIG_HOME: CADDY_DATA_DIR,
        // "localhost" gets a certificate from Caddy's own CA (tls internal), never from ACME.
        SITE_ADDRESS: PROXY_URL,
        CADDY_HTTPS_PORT: String(PROXY_PORT),
        CADDY_HTTP_PORT: String(PROXY_HTTP_PORT),
        CADDY_ADMIN: 'off',
        SITE_UPSTREAM: local(PROXIED_SITE_PORT),
        CMS_UPSTREAM: local(PROXIED_CMS_PORT),
        REALTIME_1_UPSTREAM: local(REALTIME_PORTS[0]),
        REALTIME_2_UPSTREAM: local(REALTIME_PORTS[1]),
      },
    }),
  )
  await waitFor(() => existsSync(CADDY_ROOT_CERT), "Caddy's local CA")

  const realtimeKeyPrefix = `test:rt:site-e2e-proxy:${process.pid}:`
  const publicOrigin = { CMS_URL: PROXY_URL, SITE_URL: PROXY_URL }
  children.push(
    startService('proxied-cms', bin('next'), ['start', '--port', String(PROXIED_CMS_PORT)], {
      cwd: cmsDir,
      env: {
        ...cms.env,
        ...publicOrigin,
        // Revocations and seat changes reach this stack's realtime nodes.
        REALTIME_KEY_PREFIX: realtimeKeyPrefix,
        NODE_ENV: 'production',
        // Its calls to the site's /api/revalidate go through the proxy, as in production.
        NODE_EXTRA_CA_CERTS: CADDY_ROOT_CERT,
        SITE_REVALIDATE_SECRET: REVALIDATE_SECRET,
        RATE_LIMIT_REGISTER: `${PROXIED_SIGNUP_LIMIT}/600`,
        // Production's limits otherwise, counted apart from the plain-http cms of the other specs.
        RATE_LIMIT_LOGIN: '10/60',
        RATE_LIMIT_REGISTRATIONS: '30/60',
        RATE_LIMIT_CHECKOUT: '10/60',
        RATE_LIMIT_PREFIX: `ep:ratelimit:site-e2e-proxy:${process.pid}:`,
      },
    }),
  )
  const cmsUrl = `http://${local(PROXIED_CMS_PORT)}`

  children.push(
    startService(
      'proxied-site',
      process.execPath,
      [path.join(root, 'deploy/site-server.mjs'), 'dist/server/entry.mjs'],
      {
        cwd: path.join(root, 'site'),
        env: {
          ...process.env,
          ...publicOrigin,
          NODE_ENV: 'production',
          HOST: '127.0.0.1',
          PORT: String(PROXIED_SITE_PORT),
          CMS_URL: cmsUrl,
          REALTIME_URL: PROXY_URL,
          TRUST_PROXY: 'true',
          SITE_REVALIDATE_SECRET: REVALIDATE_SECRET,
          REDIS_URL: cms.env.REDIS_URL,
          SITE_CACHE_CHANNEL: `event-portal-site-e2e-proxy-${PROXY_PORT}:purge`,
        },
      },
    ),
  )

  REALTIME_PORTS.forEach((port, index) =>
    children.push(
      startService(`realtime-${index + 1}`, process.execPath, ['src/index.ts'], {
        cwd: path.join(root, 'realtime'),
        env: {
          ...process.env,
          HOST: '127.0.0.1',
          PORT: String(port),
          CMS_URL: cmsUrl,
          REDIS_URL: cms.env.REDIS_URL,
          // Realtime checks cms's session tokens itself, with the key cms signs them with.
          PAYLOAD_SECRET: cms.env.PAYLOAD_SECRET,
          ALLOWED_ORIGINS: PROXY_URL,
          REALTIME_KEY_PREFIX: realtimeKeyPrefix,
          REALTIME_NODE_ID: `realtime-${index + 1}`,
        },
      }),
    ),
  )

  const stop = async () => {
    await Promise.all(
      children.map(
        (child) =>
          new Promise((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve(null)
            child.once('exit', resolve)
            child.kill('SIGTERM')
          }),
      ),
    )
    rmSync(CADDY_DATA_DIR, { recursive: true, force: true })
  }
  try {
    await waitForHttp(`${cmsUrl}/api/events?limit=1`)
    await waitForHttp(`http://${local(PROXIED_SITE_PORT)}/healthz`)
    for (const port of REALTIME_PORTS) await waitForHttp(`http://${local(port)}/healthz`)
    // Caddy issues its certificate on the first handshakes: the first test must not race it.
    for (let attempt = 0; !(await answersOverTls()); attempt++) {
      if (attempt >= 150) throw new Error(`Caddy did not answer over TLS at ${PROXY_URL}`)
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  } catch (error) {
    await stop()
    throw error
  }
  return { stop }
}
