import type { ChildProcess } from 'node:child_process'
import http from 'node:http'
import path from 'node:path'

import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { buildCmsIfStale, cmsDir } from '../../../scripts/lib/cmsBuild.ts'
import { bin, startService } from '../../../scripts/lib/processes.ts'
import { waitForHttp } from '../../../scripts/lib/services.ts'
import { buildSiteIfStale, siteDir } from '../../../scripts/lib/siteBuild.ts'
import { startTestCms, type TestCms } from '../../../scripts/lib/testCms.ts'

// The production build (`next start`) on its own database, as an operator
// runs it: health routes, headers, limits, rate limits and SIGTERM draining.
// Ports 3400-3499 belong to these tests.
const PORT = 3400
const SECOND_PORT = 3401
const NO_REDIS_PORT = 3402
const SITE_PORT = 3410
const SITE_NO_CMS_PORT = 3411
const SITE_BEHIND_PROXY_PORT = 3412
const REALTIME_PORT = 3420
const REALTIME_NO_REDIS_PORT = 3421
const DEAD_REDIS_URL = 'redis://127.0.0.1:3499'
const DEAD_CMS_URL = 'http://127.0.0.1:3498'
const runId = `${process.pid}_${Date.now().toString(36)}`

let cms: TestCms
const extraProcesses: ChildProcess[] = []

beforeAll(async () => {
  cms = await startTestCms({
    port: PORT,
    database: `ep_ops_${runId}`,
    extraEnv: {
      RATE_LIMIT_LOGIN: '3/60',
      RATE_LIMIT_REGISTER: '2/600',
      RATE_LIMIT_REGISTRATIONS: '2/60',
      RATE_LIMIT_CHECKOUT: '2/60',
      RATE_LIMIT_PREFIX: `ep-test:${runId}:`,
      SHUTDOWN_TIMEOUT_MS: '15000',
    } as Record<string, string> as NodeJS.ProcessEnv,
  })
}, 420_000)

afterAll(async () => {
  await Promise.all(extraProcesses.map(stopProcess))
  await cms?.stop()
  // The counters expire on their own; a finished run leaves nothing behind anyway.
  const redis = new Redis(cms.env.REDIS_URL!)
  const keys = await redis.keys(`ep-test:${runId}:*`)
  if (keys.length) await redis.del(...keys)
  await redis.quit()
}, 60_000)

/** Another `next start` of the same build, database and Redis prefix (a second replica). */
async function startReplica(port: number, env: Record<string, string> = {}): Promise<ChildProcess> {
  // Waits out a rebuild another test run may have started meanwhile.
  await buildCmsIfStale(cms.env)
  const child = startService(`cms:${port}`, bin('next'), ['start', '--port', String(port)], {
    cwd: cmsDir,
    env: { ...cms.env, ...env, NODE_ENV: 'production' },
  })
  extraProcesses.push(child)
  await waitForHttp(`http://localhost:${port}/healthz`, 60_000)
  return child
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  await exited
}

const url = (path: string, port = PORT) => `http://localhost:${port}${path}`

const postJson = (path: string, body: unknown, headers: Record<string, string> = {}, port = PORT) =>
  fetch(url(path, port), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })

describe('health routes', () => {
  it('/healthz answers while the process lives, and is never cached', async () => {
    const res = await fetch(url('/healthz'))
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ok' })
    expect(res.headers.get('cache-control')).toContain('no-store')
  })

  it('/readyz reports PostgreSQL and Redis reachable', async () => {
    const res = await fetch(url('/readyz'))
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({
      status: 'ok',
      checks: { database: 'ok', redis: 'ok' },
    })
  })

  it('with Redis unreachable: /readyz is 503 naming Redis, /healthz stays 200, login still works', async () => {
    const replica = await startReplica(NO_REDIS_PORT, { REDIS_URL: DEAD_REDIS_URL })
    try {
      const ready = await fetch(url('/readyz', NO_REDIS_PORT))
      expect(ready.status).toBe(503)
      expect(await ready.json()).toEqual({
        status: 'unavailable',
        checks: { database: 'ok', redis: 'down' },
      })
      expect((await fetch(url('/healthz', NO_REDIS_PORT))).status).toBe(200)
      // The rate limiter fails open: a Redis outage does not lock people out.
      const login = await postJson(
        '/api/auth/login',
        { email: 'alice@example.com', password: 'demo-user-1' },
        {},
        NO_REDIS_PORT,
      )
      expect(login.status).toBe(200)
    } finally {
      await stopProcess(replica)
    }
  }, 90_000)
})

describe('security headers and request ids', () => {
  it('every cms response carries the security headers, and no X-Powered-By', async () => {
    for (const path of ['/api/events?limit=1', '/admin/login']) {
      const res = await fetch(url(path))
      expect(res.status, path).toBe(200)
      const csp = res.headers.get('content-security-policy') ?? ''
      expect(csp, path).toContain("frame-ancestors 'self'")
      expect(csp, path).toContain("object-src 'none'")
      expect(res.headers.get('x-frame-options'), path).toBe('SAMEORIGIN')
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff')
      expect(res.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin')
      expect(res.headers.get('strict-transport-security'), path).toMatch(/max-age=\d{7,}/)
      expect(res.headers.get('x-powered-by'), path).toBeNull()
    }
  })

  it('carries the proxy’s x-request-id through, or makes one', async () => {
    const given = await fetch(url('/api/events?limit=1'), {
      headers: { 'x-request-id': `req-${runId}` },
    })
    expect(given.headers.get('x-request-id')).toBe(`req-${runId}`)
    const made = await fetch(url('/api/events?limit=1'))
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('the session cookie is HttpOnly, Secure and SameSite=Lax in production', async () => {
    const res = await postJson('/api/auth/login', {
      email: 'bob@example.com',
      password: 'demo-user-2',
    })
    expect(res.status).toBe(200)
    const cookie = res.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/payload-token=/)
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/Secure/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
  })

  it('a cookie-authenticated request from a foreign origin is not signed in (CSRF)', async () => {
    const login = await postJson('/api/auth/login', {
      email: 'carol@example.com',
      password: 'demo-user-3',
    })
    const token = /payload-token=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')![1]
    const me = (origin: string) =>
      fetch(url('/api/auth/me'), { headers: { Cookie: `payload-token=${token}`, Origin: origin } })
    expect((await me(`http://localhost:${PORT}`)).status).toBe(200)
    expect((await me('https://evil.example')).status).toBe(401)
    // A write: a forged form on another site cannot change carol's profile.
    const rename = await fetch(url(`/api/users/${(await login.json()).user.id}`), {
      method: 'PATCH',
      headers: {
        Cookie: `payload-token=${token}`,
        Origin: 'https://evil.example',
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ name: 'Hijacked' }),
    })
    expect([401, 403]).toContain(rename.status)
    const profile = await (await me(`http://localhost:${PORT}`)).json()
    expect(profile.user.name).not.toBe('Hijacked')
  })

  it('refuses a request body over 1 MB with 413 before reading it', async () => {
    const res = await postJson('/api/auth/login', {
      email: 'big@test.example',
      password: 'x'.repeat(1_100_000),
    })
    expect(res.status).toBe(413)
    expect((await res.json()).errors[0].message).toMatch(/larger than 1 MB/)
  })
})

describe('rate limits (Redis-backed)', () => {
  it('login: the 4th attempt in a minute for one account answers 429 with Retry-After', async () => {
    const email = `guess-${runId}@test.example`
    for (let attempt = 1; attempt <= 3; attempt++) {
      const res = await postJson('/api/auth/login', { email, password: `wrong-${attempt}` })
      expect(res.status, `attempt ${attempt}`).toBe(401)
    }
    const limited = await postJson('/api/auth/login', { email, password: 'wrong-4' })
    expect(limited.status).toBe(429)
    const retryAfter = Number(limited.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThanOrEqual(1)
    expect(retryAfter).toBeLessThanOrEqual(60)
    expect((await limited.json()).errors[0].message).toMatch(/Too many requests/)
    // Somebody else logging in from the same address is not affected.
    const other = await postJson('/api/auth/login', {
      email: 'alice@example.com',
      password: 'demo-user-1',
    })
    expect(other.status).toBe(200)
  })

  it('the count is shared by every cms process: a second replica refuses too', async () => {
    const email = `replica-${runId}@test.example`
    await startReplica(SECOND_PORT)
    for (let attempt = 1; attempt <= 3; attempt++) {
      const res = await postJson('/api/auth/login', { email, password: 'wrong' })
      expect(res.status).toBe(401)
    }
    const onReplica = await postJson(
      '/api/auth/login',
      { email, password: 'wrong' },
      {},
      SECOND_PORT,
    )
    expect(onReplica.status).toBe(429)
    expect(onReplica.headers.get('retry-after')).toMatch(/^\d+$/)
  }, 90_000)

  it('sign-up: the 3rd account from one address within the window answers 429', async () => {
    const signUp = (n: number) =>
      postJson(
        '/api/auth/register',
        { email: `signup-${n}-${runId}@test.example`, password: 'long-enough-1', name: 'Ops' },
        { 'X-Forwarded-For': `198.51.100.${(process.pid % 200) + 1}` },
      )
    expect((await signUp(1)).status).toBe(201)
    expect((await signUp(2)).status).toBe(201)
    const limited = await signUp(3)
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(60)
  })

  it('registering and checkout: the 3rd request from one user within the window answers 429', async () => {
    const login = await postJson('/api/auth/login', {
      email: 'carol@example.com',
      password: 'demo-user-3',
    })
    const { token } = await login.json()
    const events = await (await fetch(url('/api/events?limit=1&depth=0'))).json()
    const event = events.docs[0].id
    const auth = { Authorization: `JWT ${token}` }
    for (const path of ['/api/registrations', '/api/payments/checkout']) {
      for (let attempt = 1; attempt <= 2; attempt++) {
        const res = await postJson(path, { event }, auth)
        expect(res.status, `${path} attempt ${attempt}`).not.toBe(429)
      }
      const limited = await postJson(path, { event }, auth)
      expect(limited.status, path).toBe(429)
      expect(Number(limited.headers.get('retry-after')), path).toBeGreaterThanOrEqual(1)
    }
    // Another user is counted separately.
    const alice = await (
      await postJson('/api/auth/login', { email: 'alice@example.com', password: 'demo-user-1' })
    ).json()
    const other = await postJson(
      '/api/registrations',
      { event },
      { Authorization: `JWT ${alice.token}` },
    )
    expect(other.status).not.toBe(429)
  })
})

describe('site server (deploy/site-server.mjs, the site image’s command)', () => {
  const siteServer = path.resolve(import.meta.dirname, '../../../deploy/site-server.mjs')
  const startSite = async (port: number, cmsUrl: string, extraEnv: Record<string, string> = {}) => {
    const child = startService(`site:${port}`, process.execPath, [siteServer], {
      cwd: siteDir,
      env: {
        ...cms.env,
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        CMS_URL: cmsUrl,
        ...extraEnv,
      },
    })
    extraProcesses.push(child)
    await waitForHttp(url('/healthz', port), 30_000)
    return child
  }

  beforeAll(async () => {
    await buildSiteIfStale(cms.env)
  }, 300_000)

  it('/healthz lives, /readyz follows cms, and pages render', async () => {
    await startSite(SITE_PORT, cms.url)
    const health = await fetch(url('/healthz', SITE_PORT))
    expect(health.status).toBe(200)
    const ready = await fetch(url('/readyz', SITE_PORT))
    expect(ready.status).toBe(200)
    expect(await ready.json()).toEqual({ status: 'ok', checks: { cms: 'ok' } })
    const home = await fetch(url('/', SITE_PORT), { headers: { 'x-request-id': `site-${runId}` } })
    expect(home.status).toBe(200)
    expect(home.headers.get('content-type')).toContain('text/html')
    expect(home.headers.get('x-request-id')).toBe(`site-${runId}`)
  }, 60_000)

  it('with cms unreachable: /readyz is 503, /healthz stays 200', async () => {
    const site = await startSite(SITE_NO_CMS_PORT, DEAD_CMS_URL)
    expect((await fetch(url('/healthz', SITE_NO_CMS_PORT))).status).toBe(200)
    const ready = await fetch(url('/readyz', SITE_NO_CMS_PORT))
    expect(ready.status).toBe(503)
    expect(await ready.json()).toEqual({ status: 'unavailable', checks: { cms: 'down' } })
    await stopProcess(site)
  }, 60_000)

  it('behind the proxy (TRUST_PROXY), sign-up limits count each visitor, not the proxy', async () => {
    const origin = url('', SITE_BEHIND_PROXY_PORT).replace(/\/$/, '')
    await startSite(SITE_BEHIND_PROXY_PORT, cms.url, { TRUST_PROXY: 'true', SITE_URL: origin })
    let accounts = 0
    const signUp = (visitor: string) =>
      fetch(url('/_actions/signUp', SITE_BEHIND_PROXY_PORT), {
        method: 'POST',
        headers: { Origin: origin, 'X-Forwarded-For': visitor },
        body: new URLSearchParams({
          name: 'Proxied Visitor',
          email: `proxied-${runId}-${++accounts}@test.example`,
          password: 'long-enough-1',
        }),
      })
    // The limit is 2 sign-ups per address: three visitors behind one proxy all get through…
    for (const visitor of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) {
      expect((await signUp(visitor)).status).toBe(200)
    }
    // …while one visitor's third attempt is refused.
    expect((await signUp('198.51.100.1')).status).toBe(200)
    const refused = await signUp('198.51.100.1')
    expect(refused.status).toBe(429)
  }, 60_000)

  it('SIGTERM closes the listener and exits 0 within the bound', async () => {
    const site = extraProcesses.find((child) => child.spawnargs.includes(siteServer))!
    const exited = new Promise<number | null>((resolve) => site.once('exit', resolve))
    const started = Date.now()
    site.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(Date.now() - started).toBeLessThan(10_000)
    await expect(fetch(url('/healthz', SITE_PORT))).rejects.toThrow()
  }, 30_000)
})

describe('realtime node (realtime/src/index.ts)', () => {
  const realtimeDir = path.resolve(import.meta.dirname, '../../../realtime')
  const startRealtime = async (port: number, redisUrl: string) => {
    const child = startService(`realtime:${port}`, process.execPath, ['src/index.ts'], {
      cwd: realtimeDir,
      env: {
        ...cms.env,
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        CMS_URL: cms.url,
        REDIS_URL: redisUrl,
        REALTIME_KEY_PREFIX: `ep-test:${runId}:rt:`,
      },
    })
    extraProcesses.push(child)
    await waitForHttp(url('/healthz', port), 30_000)
    return child
  }

  it('/healthz lives and /readyz reports Redis; SIGTERM exits 0 within the bound', async () => {
    const node = await startRealtime(REALTIME_PORT, cms.env.REDIS_URL!)
    expect((await fetch(url('/healthz', REALTIME_PORT))).status).toBe(200)
    const ready = await fetch(url('/readyz', REALTIME_PORT))
    expect(ready.status).toBe(200)
    expect(await ready.json()).toEqual({ status: 'ok', checks: { redis: 'ok' } })
    const exited = new Promise<number | null>((resolve) => node.once('exit', resolve))
    const started = Date.now()
    node.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(Date.now() - started).toBeLessThan(10_000)
  }, 60_000)

  it('with Redis unreachable: /readyz is 503 naming Redis, /healthz stays 200', async () => {
    const node = await startRealtime(REALTIME_NO_REDIS_PORT, DEAD_REDIS_URL)
    expect((await fetch(url('/healthz', REALTIME_NO_REDIS_PORT))).status).toBe(200)
    const ready = await fetch(url('/readyz', REALTIME_NO_REDIS_PORT))
    expect(ready.status).toBe(503)
    expect(await ready.json()).toEqual({ status: 'unavailable', checks: { redis: 'down' } })
    await stopProcess(node)
  }, 60_000)
})

describe('graceful shutdown', () => {
  it('SIGTERM stops new connections, finishes the request in flight, then exits', async () => {
    const body = JSON.stringify({ email: `inflight-${runId}@test.example`, password: 'wrong' })
    const half = Math.floor(body.length / 2)
    const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        url('/api/auth/login'),
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Content-Length': body.length },
        },
        (res) => {
          let text = ''
          res.on('data', (chunk) => (text += chunk))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }))
        },
      )
      req.on('error', reject)
      // Half the body now; the rest after the signal.
      req.write(body.slice(0, half))
      setTimeout(() => {
        stopping = cms.stop().then(() => Date.now())
        signalledAt = Date.now()
        setTimeout(async () => {
          refusedNewConnection = await fetch(url('/healthz')).then(
            () => false,
            () => true,
          )
          req.end(body.slice(half))
        }, 1_500)
      }, 500)
    })
    let stopping: Promise<number> | undefined
    let signalledAt = 0
    let refusedNewConnection = false

    const answer = await response
    expect(refusedNewConnection).toBe(true)
    expect(answer.status).toBe(401)
    expect(JSON.parse(answer.body).errors[0].message).toEqual(expect.any(String))
    const exitedAt = await stopping!
    // Exits once drained, well inside SHUTDOWN_TIMEOUT_MS.
    expect(exitedAt - signalledAt).toBeLessThan(15_000)
  }, 60_000)
})
