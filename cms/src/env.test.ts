import { describe, expect, it } from 'vitest'

import { LOCAL_STRIPE_KEY, LOCAL_WEBHOOK_SECRET, parseEnv } from './env'

const ownSecrets = {
  PAYLOAD_SECRET: 'a-secret-of-our-own-0123456789',
  SITE_REVALIDATE_SECRET: 'another-secret-of-ours-0123456789',
  STRIPE_SECRET_KEY: 'sk_live_our_own_key',
  STRIPE_WEBHOOK_SECRET: 'whsec_our_own_secret',
}
const production = { NODE_ENV: 'production', ...ownSecrets }

const refusal = (source: Record<string, string | undefined>): string => {
  try {
    parseEnv(source)
  } catch (error) {
    return (error as Error).message
  }
  throw new Error('parseEnv accepted the configuration')
}

describe('production refuses development secrets, naming the variable', () => {
  it('accepts secrets of its own', () => {
    expect(parseEnv(production).STRIPE_SECRET_KEY).toBe('sk_live_our_own_key')
  })

  it.each([
    ['PAYLOAD_SECRET', 'dev-only-secret-change-me-in-production'],
    ['SITE_REVALIDATE_SECRET', 'dev-only-site-revalidate-secret'],
    ['STRIPE_WEBHOOK_SECRET', LOCAL_WEBHOOK_SECRET],
    ['STRIPE_SECRET_KEY', LOCAL_STRIPE_KEY],
  ])('%s set to its public default', (name, publicDefault) => {
    const message = refusal({ ...production, [name]: publicDefault })
    expect(message).toContain(`${name}:`)
    // Only the offending variable is named.
    for (const other of Object.keys(ownSecrets).filter((key) => key !== name)) {
      expect(message).not.toContain(`${other}:`)
    }
  })

  it('left unset (the defaults apply), every one is named', () => {
    const message = refusal({ NODE_ENV: 'production' })
    for (const name of Object.keys(ownSecrets)) expect(message).toContain(`${name}:`)
  })

  it('the local Stripe key is accepted only with a test server named in STRIPE_API_URL', () => {
    const env = parseEnv({
      ...production,
      STRIPE_SECRET_KEY: LOCAL_STRIPE_KEY,
      STRIPE_API_URL: 'http://127.0.0.1:12111',
    })
    expect(env.STRIPE_API_URL).toBe('http://127.0.0.1:12111')
  })

  it('development keeps working on the defaults', () => {
    const env = parseEnv({ NODE_ENV: 'development' })
    expect(env.STRIPE_WEBHOOK_SECRET).toBe(LOCAL_WEBHOOK_SECRET)
    expect(env.STRIPE_API_URL).toBe('http://127.0.0.1:12111')
  })
})
