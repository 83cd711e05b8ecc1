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

/**
 * The environment every part starts with: the caller's variables first, then
 * the repository's `.env`, then local defaults. A random PAYLOAD_SECRET is
 * generated into `.env` on first start, so a production build never runs on
 * a shared default secret.
 */
export function localEnv(): NodeJS.ProcessEnv {
  const fromFile = readEnvFile(localEnvFile)
  if (!process.env.PAYLOAD_SECRET && !fromFile.PAYLOAD_SECRET) {
    fromFile.PAYLOAD_SECRET = randomBytes(32).toString('hex')
    const existing = existsSync(localEnvFile) ? readFileSync(localEnvFile, 'utf8') : ''
    writeFileSync(
      localEnvFile,
      `${existing}${existing && !existing.endsWith('\n') ? '\n' : ''}# Generated on first start; keep it secret.\nPAYLOAD_SECRET=${fromFile.PAYLOAD_SECRET}\n`,
    )
  }
  return {
    DATABASE_URL: DEFAULT_DATABASE_URL,
    REDIS_URL: DEFAULT_REDIS_URL,
    NEXT_TELEMETRY_DISABLED: '1',
    ...fromFile,
    ...process.env,
  }
}
