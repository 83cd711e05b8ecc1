import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { withLock } from './lock.ts'
import { bin, run } from './processes.ts'

const root = path.resolve(import.meta.dirname, '../..')
export const siteDir = path.join(root, 'site')
const stampFile = path.join(siteDir, 'dist', 'event-portal-source-hash')

function hashTree(hash: ReturnType<typeof createHash>, target: string): void {
  if (!existsSync(target)) return
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
  for (const item of ['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    hashTree(hash, path.join(siteDir, item))
  }
  hashTree(hash, path.join(root, 'package-lock.json'))
  return hash.digest('hex')
}

/** Builds the site for production unless the last build came from the same sources. */
export function buildSiteIfStale(env: NodeJS.ProcessEnv): Promise<'built' | 'fresh'> {
  return withLock(path.join(siteDir, '.build-lock'), async () => {
    const current = sourceHash()
    if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === current) return 'fresh'
    console.log('Building the site for production…')
    await run(bin('astro'), ['build'], {
      cwd: siteDir,
      // A development NODE_ENV would compile islands for React's dev runtime, which production lacks.
      env: { ...env, NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1' },
    })
    writeFileSync(stampFile, current)
    return 'built'
  })
}
