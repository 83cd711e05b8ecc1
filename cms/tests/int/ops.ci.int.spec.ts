import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'

import { beforeAll, describe, expect, it } from 'vitest'

// No Docker engine or GitHub runner here: these read the files the way those
// tools do and check the promises the docs make about them.
const exec = promisify(execFile)
const root = path.resolve(import.meta.dirname, '../../..')
const read = (file: string) => readFileSync(path.join(root, file), 'utf8')

let workflow: any
beforeAll(async () => {
  const { stdout } = await exec('python3', [
    '-c',
    'import json, sys, yaml; json.dump(yaml.safe_load(open(sys.argv[1])), sys.stdout)',
    path.join(root, '.github', 'workflows', 'ci.yml'),
  ])
  workflow = JSON.parse(stdout)
})

const commandsOf = (job: any): string => job.steps.map((step: any) => step.run ?? '').join('\n')

describe('.github/workflows/ci.yml mirrors .ci/run', () => {
  it('runs the same commands in the same order', () => {
    const ciRun = read('.ci/run')
    const workflowCommands = commandsOf(workflow.jobs.test)
    const order = ['npm ci', 'npm run lint', 'npm run typecheck', 'npm test']
    for (const script of [ciRun, workflowCommands]) {
      const positions = order.map((command) => script.indexOf(command))
      expect(positions.every((position) => position >= 0)).toBe(true)
      expect([...positions].sort((a, b) => a - b)).toEqual(positions)
    }
  })

  it('installs what .ci/run installs: Chromium from apt, docker-compose, Caddy', () => {
    const ciRun = read('.ci/run')
    const workflowCommands = commandsOf(workflow.jobs.test)
    for (const pkg of ['chromium', 'docker-compose', 'caddy']) {
      expect(ciRun).toMatch(new RegExp(`apt_install ${pkg}\\b`))
      expect(workflowCommands).toMatch(new RegExp(`\\b${pkg}\\b`))
    }
  })

  it('uses Node 24, PostgreSQL and Redis service containers, and cancels superseded runs', () => {
    const setupNode = workflow.jobs.test.steps.find((step: any) =>
      String(step.uses).startsWith('actions/setup-node'),
    )
    expect(String(setupNode.with['node-version'])).toBe('24')
    expect(workflow.jobs.test.services.postgres.image).toMatch(/^postgres:/)
    expect(workflow.jobs.test.services.redis.image).toMatch(/^redis:/)
    expect(workflow.jobs.test.env.DATABASE_URL).toContain('@postgres:5432/')
    expect(workflow.jobs.test.env.REDIS_URL).toBe('redis://redis:6379')
    expect(workflow.concurrency['cancel-in-progress']).toBe(true)
  })

  it('builds every image target without pushing', () => {
    const build = workflow.jobs.images.steps.find((step: any) =>
      String(step.uses).startsWith('docker/build-push-action'),
    )
    expect(build.with.push).toBe(false)
    expect([...workflow.jobs.images.strategy.matrix.target].sort()).toEqual(
      ['cms', 'realtime', 'site', 'worker'].sort(),
    )
  })
})

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile')
  const stages = new Map<string, string>()
  for (const block of dockerfile.split(/^(?=FROM )/m).filter((part) => part.startsWith('FROM'))) {
    const [, parent, name] = /^FROM (\S+) AS (\S+)/.exec(block)!
    stages.set(name!, block)
    stages.set(`${name}:parent`, parent!)
  }
  const lineage = (name: string): string[] =>
    stages.has(name) ? [name, ...lineage(stages.get(`${name}:parent`)!)] : []

  it('has a target per process, each on Node 24 with a non-root user', () => {
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:24-/m)
    for (const target of ['cms', 'worker', 'site', 'realtime']) {
      const chain = lineage(target)
      expect(chain, target).toContain('runtime')
      expect(chain.map((stage) => stages.get(stage)).join('\n'), target).toMatch(/^USER node$/m)
    }
  })

  it('installs with npm ci from the lockfile, production dependencies only at run time', () => {
    expect(stages.get('manifests')).toContain('COPY package.json package-lock.json ./')
    expect(stages.get('deps')).toMatch(/npm ci\b/)
    expect(stages.get('prod-deps')).toMatch(/npm ci --omit=dev/)
    expect(stages.get('runtime')).toContain('COPY --from=prod-deps')
    expect(stages.get('runtime')).not.toContain('COPY --from=deps')
  })

  it('gives the servers a HEALTHCHECK on /healthz', () => {
    for (const target of ['cms', 'site', 'realtime']) {
      expect(stages.get(target), target).toMatch(/HEALTHCHECK[\s\S]*healthcheck\.mjs/)
      expect(stages.get(target), target).toMatch(/HEALTH_URL=http:\/\/127\.0\.0\.1:\d+\/healthz/)
    }
  })

  it('keeps secrets and local state out of the build context', () => {
    const ignored = read('.dockerignore').split('\n')
    for (const entry of ['**/.env', '**/node_modules', '**/.next', '.git']) {
      expect(ignored).toContain(entry)
    }
  })
})
