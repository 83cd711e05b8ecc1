import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// `docker-compose config` (Debian's docker-compose package; .ci/run installs
// it) parses, interpolates and validates the stack without a Docker engine.
const exec = promisify(execFile)
const root = path.resolve(import.meta.dirname, '../../..')
const composeFile = path.join(root, 'docker-compose.yml')

/** Only what the command needs: nothing from the developer's shell leaks in. */
const childEnv = (env: Record<string, string>) =>
  ({ PATH: process.env.PATH, ...env }) as unknown as NodeJS.ProcessEnv

let emptyEnvFile: string
let tmp: string
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'ep-compose-'))
  // The repository's own .env (local secrets) must not leak into the check.
  emptyEnvFile = path.join(tmp, 'empty.env')
  writeFileSync(emptyEnvFile, '')
})
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

const requiredSecrets = {
  POSTGRES_PASSWORD: 'compose-test-db-password',
  PAYLOAD_SECRET: 'compose-test-payload-secret-0123456789',
  SITE_REVALIDATE_SECRET: 'compose-test-revalidate-secret',
  STRIPE_SECRET_KEY: 'sk_test_compose_test_key',
  STRIPE_WEBHOOK_SECRET: 'whsec_compose_test_secret',
}

async function composeConfig(env: Record<string, string>, ...args: string[]) {
  return exec(
    'docker-compose',
    ['--env-file', emptyEnvFile, '--project-directory', root, '-f', composeFile, 'config', ...args],
    { env: childEnv(env) },
  )
}

/** The resolved stack as JSON (PyYAML ships with docker-compose). */
async function resolvedStack(env: Record<string, string>): Promise<any> {
  const { stdout } = await composeConfig(env)
  const { stdout: json } = await exec('python3', [
    '-c',
    'import json, sys, yaml; json.dump(yaml.safe_load(open(sys.argv[1])), sys.stdout)',
    writeTmp('resolved.yml', stdout),
  ])
  return JSON.parse(json)
}

function writeTmp(name: string, content: string): string {
  const file = path.join(tmp, name)
  writeFileSync(file, content)
  return file
}

describe('docker-compose.yml', () => {
  it('validates and has every part of the stack', async () => {
    const { stdout } = await composeConfig(requiredSecrets, '--services')
    expect(stdout.trim().split('\n').sort()).toEqual(
      [
        'cms',
        'mailpit',
        'migrate',
        'postgres',
        'proxy',
        'realtime-1',
        'realtime-2',
        'redis',
        'site',
        'worker',
      ].sort(),
    )
  })

  it('refuses to start without each secret an operator must choose, naming it', async () => {
    for (const secret of Object.keys(requiredSecrets)) {
      const without = Object.fromEntries(
        Object.entries(requiredSecrets).filter(([name]) => name !== secret),
      )
      await expect(composeConfig(without, '-q'), secret).rejects.toMatchObject({
        stderr: expect.stringContaining(`set ${secret}`),
      })
    }
  }, 120_000)

  it('starts services in order on healthchecks, with migrations once before cms', async () => {
    const stack = await resolvedStack(requiredSecrets)
    const { services } = stack
    expect(services.migrate.depends_on.postgres.condition).toBe('service_healthy')
    expect(services.migrate.restart).toBe('no')
    expect(services.cms.depends_on.migrate.condition).toBe('service_completed_successfully')
    expect(services.cms.depends_on.redis.condition).toBe('service_healthy')
    for (const name of ['worker', 'site', 'realtime-1', 'realtime-2']) {
      expect(services[name].depends_on.cms.condition).toBe('service_healthy')
    }
    for (const name of [
      'postgres',
      'redis',
      'mailpit',
      'cms',
      'site',
      'realtime-1',
      'realtime-2',
    ]) {
      expect(services[name].healthcheck?.test, name).toBeTruthy()
    }
    expect(services.cms.healthcheck.test.join(' ')).toContain('/readyz')
    expect(Object.keys(services.proxy.depends_on).sort()).toEqual(
      ['cms', 'realtime-1', 'realtime-2', 'site'].sort(),
    )
  })

  it('keeps Redis data the way BullMQ needs it, and Postgres on a volume', async () => {
    const { services, volumes } = await resolvedStack(requiredSecrets)
    const redisCommand = [services.redis.command].flat().join(' ')
    expect(redisCommand).toContain('--appendonly yes')
    expect(redisCommand).toContain('--maxmemory-policy noeviction')
    expect(services.postgres.volumes.join(' ')).toContain(':/var/lib/postgresql/data')
    expect(Object.keys(volumes)).toContain('postgres-data')
  })

  it('gives every app process the same database, secret and public origin', async () => {
    const { services } = await resolvedStack({
      ...requiredSecrets,
      PUBLIC_URL: 'https://events.test',
    })
    for (const name of ['migrate', 'cms', 'worker', 'site', 'realtime-1', 'realtime-2']) {
      const env = services[name].environment
      expect(env.NODE_ENV, name).toBe('production')
      expect(env.DATABASE_URL, name).toBe(
        'postgres://event_portal:compose-test-db-password@postgres:5432/event_portal',
      )
      expect(env.REDIS_URL, name).toBe('redis://redis:6379')
      expect(env.PAYLOAD_SECRET, name).toBe(requiredSecrets.PAYLOAD_SECRET)
      expect(env.SITE_URL, name).toBe('https://events.test')
    }
    expect(services.cms.environment.CMS_URL).toBe('https://events.test')
    // Server-side calls stay on the internal network.
    expect(services.site.environment.CMS_URL).toBe('http://cms:3000')
    expect(services['realtime-1'].environment.CMS_URL).toBe('http://cms:3000')
    // Only the proxy (and the local mail inbox, on loopback) is published.
    const published = Object.entries(services)
      .filter(([, service]: [string, any]) => service.ports?.length)
      .map(([name]) => name)
    expect(published.sort()).toEqual(['mailpit', 'proxy'])
  })

  it('builds each app from its own Dockerfile target', async () => {
    const { services } = await resolvedStack(requiredSecrets)
    expect(services.cms.build.target).toBe('cms')
    expect(services.worker.build.target).toBe('worker')
    expect(services.site.build.target).toBe('site')
    expect(services['realtime-1'].build.target).toBe('realtime')
    expect(services['realtime-2'].image).toBe(services['realtime-1'].image)
  })
})

describe('deploy/dev-services.yml', () => {
  it('gives npm start the PostgreSQL and Redis it expects, on loopback only', async () => {
    const { stdout } = await exec(
      'docker-compose',
      ['--env-file', emptyEnvFile, '-f', path.join(root, 'deploy', 'dev-services.yml'), 'config'],
      { env: childEnv({}) },
    )
    const { stdout: json } = await exec('python3', [
      '-c',
      'import json, sys, yaml; json.dump(yaml.safe_load(open(sys.argv[1])), sys.stdout)',
      writeTmp('dev-services.yml', stdout),
    ])
    const { services } = JSON.parse(json)
    expect(Object.keys(services).sort()).toEqual(['postgres', 'redis'])
    // scripts/lib/services.ts defaults: postgres://postgres@127.0.0.1:5432, redis://127.0.0.1:6379
    expect(services.postgres.environment.POSTGRES_HOST_AUTH_METHOD).toBe('trust')
    expect(services.postgres.ports).toEqual(['127.0.0.1:5432:5432/tcp'])
    expect(services.redis.ports).toEqual(['127.0.0.1:6379:6379/tcp'])
  })
})

describe('deploy/Caddyfile', () => {
  it('is a valid Caddy configuration', async () => {
    const { stdout, stderr } = await exec(
      'caddy',
      ['validate', '--adapter', 'caddyfile', '--config', path.join(root, 'deploy', 'Caddyfile')],
      { env: childEnv({ HOME: tmp, XDG_DATA_HOME: tmp, XDG_CONFIG_HOME: tmp }) },
    )
    expect(stdout + stderr).toContain('Valid configuration')
  })

  it('routes each path to the part that serves it, first match wins as in Caddy', async () => {
    const { stdout } = await exec(
      'caddy',
      ['adapt', '--adapter', 'caddyfile', '--config', path.join(root, 'deploy', 'Caddyfile')],
      { env: childEnv({ HOME: tmp, XDG_DATA_HOME: tmp, XDG_CONFIG_HOME: tmp }) },
    )
    type Route = { match?: { path?: string[] }[]; handle?: any[] }
    const routes: Route[] = JSON.parse(stdout).apps.http.servers.srv0.routes
    const matches = (pattern: string, requestPath: string) =>
      pattern.endsWith('*') ? requestPath.startsWith(pattern.slice(0, -1)) : pattern === requestPath
    const upstreamsFor = (requestPath: string): string[] => {
      for (const route of routes) {
        const subroute = route.handle?.find((handler) => handler.handler === 'subroute')
        if (!subroute) continue
        const paths = route.match?.flatMap((matcher) => matcher.path ?? [])
        if (paths && !paths.some((pattern) => matches(pattern, requestPath))) continue
        const proxy = subroute.routes
          .flatMap((inner: Route) => inner.handle ?? [])
          .find((handler: any) => handler.handler === 'reverse_proxy')
        return proxy.upstreams.map((upstream: { dial: string }) => upstream.dial)
      }
      return []
    }
    expect(upstreamsFor('/')).toEqual(['site:4321'])
    expect(upstreamsFor('/events/some-event')).toEqual(['site:4321'])
    expect(upstreamsFor('/_astro/island.js')).toEqual(['site:4321'])
    expect(upstreamsFor('/admin')).toEqual(['cms:3000'])
    expect(upstreamsFor('/admin/collections/events')).toEqual(['cms:3000'])
    expect(upstreamsFor('/_next/static/chunk.js')).toEqual(['cms:3000'])
    expect(upstreamsFor('/api/events')).toEqual(['cms:3000'])
    expect(upstreamsFor('/api/payments/checkout')).toEqual(['cms:3000'])
    expect(upstreamsFor('/api/registrations')).toEqual(['cms:3000'])
    // The site's own endpoints under /api.
    expect(upstreamsFor('/api/site/checkout')).toEqual(['site:4321'])
    expect(upstreamsFor('/api/site/registrations')).toEqual(['site:4321'])
    expect(upstreamsFor('/api/revalidate')).toEqual(['site:4321'])
    expect(upstreamsFor('/socket.io/')).toEqual(['realtime-1:3001', 'realtime-2:3001'])
    expect(stdout).toContain('X-Request-Id')
    expect(stdout).toContain('Strict-Transport-Security')
  })

  it('gives the site pages a CSP that allows the site, its players and Stripe, nothing else', async () => {
    const { stdout } = await exec(
      'caddy',
      ['adapt', '--adapter', 'caddyfile', '--config', path.join(root, 'deploy', 'Caddyfile')],
      { env: childEnv({ HOME: tmp, XDG_DATA_HOME: tmp, XDG_CONFIG_HOME: tmp }) },
    )
    const csp = /"Content-Security-Policy":\["([^"]+)"\]/.exec(stdout)?.[1] ?? ''
    const directives = new Map(
      csp.split(';').map((part) => {
        const [name, ...values] = part.trim().split(/\s+/)
        return [name!, values]
      }),
    )
    expect(directives.get('default-src')).toEqual(["'self'"])
    // HLS players fetch their playlists and segments from the video host.
    expect(directives.get('connect-src')).toEqual(["'self'", 'https:'])
    expect(directives.get('object-src')).toEqual(["'none'"])
    expect(directives.get('form-action')).toEqual(["'self'", 'https://checkout.stripe.com'])
    const frames = directives.get('frame-src') ?? []
    expect(frames).toContain('https://js.stripe.com')
    expect(frames).toContain('https://player.vimeo.com')
    expect(frames.every((source) => source.startsWith('https://'))).toBe(true)
  })
})
