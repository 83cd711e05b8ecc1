import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { DEFAULT_DATABASE_URL, DEFAULT_REDIS_URL } from './services.ts'

const root = path.resolve(import.meta.dirname, '../..')
const localEnvFile = path.join(root, '.env')

function readEnvFile(file: string): Record<string, string> {
  if (!existsSync(file)) return {}
  const values: Record<string, string> = {}
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line)
    if (match) values[match[1]!] = match[2]!.replace(/^(['"])(.*)\1$/, '$2')
  }
  return values
}

/** Secrets every local start needs; each is generated once into `.env`, never shared. */
const generatedSecrets: Record<string, () => string> = {
  PAYLOAD_SECRET: () => randomBytes(32).toString('hex'),
  SITE_REVALIDATE_SECRET: () => randomBytes(32).toString('hex'),
  STRIPE_WEBHOOK_SECRET: () => `whsec_${randomBytes(24).toString('hex')}`,
}

/** The project's Stripe-compatible test server (cms/stripe-test-server), used with no Stripe key. */
const LOCAL_STRIPE_API_URL = 'http://127.0.0.1:12111'

/**
 * The environment every part starts with: the caller's variables first, then
 * the repository's `.env`, then local defaults. Random secrets are generated
 * into `.env` on first start, so a production build never runs on a shared
 * default secret (the cms refuses those when NODE_ENV=production).
 */
export function localEnv(): NodeJS.ProcessEnv {
  const fromFile = readEnvFile(localEnvFile)
  const missing = Object.keys(generatedSecrets).filter(
    (name) => !process.env[name] && !fromFile[name],
  )
  if (missing.length > 0) {
    for (const name of missing) fromFile[name] = generatedSecrets[name]!()
    const existing = existsSync(localEnvFile) ? readFileSync(localEnvFile, 'utf8') : ''
    const lines = missing.map((name) => `${name}=${fromFile[name]}\n`).join('')
    writeFileSync(
      localEnvFile,
      `${existing}${existing && !existing.endsWith('\n') ? '\n' : ''}# Generated on first start; keep them secret.\n${lines}`,
    )
  }
  const env: NodeJS.ProcessEnv = {
    DATABASE_URL: DEFAULT_DATABASE_URL,
    REDIS_URL: DEFAULT_REDIS_URL,
    NEXT_TELEMETRY_DISABLED: '1',
    ...fromFile,
    ...process.env,
  }
  // No Stripe key: the local test server stands in, named explicitly so production mode accepts it.
  if (!env.STRIPE_SECRET_KEY) env.STRIPE_API_URL ??= LOCAL_STRIPE_API_URL
  return env
}
