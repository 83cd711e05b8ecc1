import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { withLock } from './lock.ts'
import { bin, run } from './processes.ts'

const root = path.resolve(import.meta.dirname, '../..')
export const cmsDir = path.join(root, 'cms')
const stampFile = path.join(cmsDir, '.next', 'event-portal-source-hash')

function hashTree(hash: ReturnType<typeof createHash>, target: string): void {
  const stats = statSync(target)
  if (stats.isDirectory()) {
    for (const entry of readdirSync(target).sort()) hashTree(hash, path.join(target, entry))
  } else {
    hash.update(path.relative(root, target))
    hash.update(readFileSync(target))
  }
}

function sourceHash(): string {
  const hash = createHash('sha256')
  for (const item of ['src', 'next.config.ts', 'package.json', 'tsconfig.json']) {
    hashTree(hash, path.join(cmsDir, item))
  }
  const lockfile = path.join(root, 'package-lock.json')
  if (existsSync(lockfile)) hash.update(readFileSync(lockfile))
  return hash.digest('hex')
}

/** Builds the cms for production unless the last build came from the same sources. */
export function buildCmsIfStale(env: NodeJS.ProcessEnv): Promise<'built' | 'fresh'> {
  return withLock(path.join(cmsDir, '.build-lock'), () => build(env))
}

async function build(env: NodeJS.ProcessEnv): Promise<'built' | 'fresh'> {
  const current = sourceHash()
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === current) return 'fresh'
  const started = Date.now()
  console.log('Building the cms for production (about a minute)…')
  await run(bin('next'), ['build'], { cwd: cmsDir, env: { ...env, NODE_ENV: 'production' } })
  writeFileSync(stampFile, current)
  console.log(`cms built in ${Math.round((Date.now() - started) / 1000)}s.`)
  return 'built'
}
