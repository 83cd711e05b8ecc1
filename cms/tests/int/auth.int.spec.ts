import { readdir } from 'node:fs/promises'

import config from '@payload-config'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { AUTH_ERROR } from '../../src/contract/auth'
import { FREE_FAILURES } from '../../src/lib/loginThrottle'
import { api, createUser, testPayload, type TestUser } from '../helpers'
import { closePayload } from '../closePayload'

let payload: Payload
let admin: TestUser

beforeAll(async () => {
  payload = await testPayload()
  admin = await createUser(payload, 'admin')
})
afterAll(async () => {
  await closePayload(payload)
})

const signUp = (body: Record<string, unknown>) => api('POST', '/auth/register', { body })

describe('sign up: POST /api/auth/register', () => {
  it('creates a user, logs them in with an HTTP-only cookie, and returns the token', async () => {
    const res = await signUp({
      email: 'New.Person@Test.example',
      password: 'long-enough-1',
      name: 'New Person',
    })
    expect(res.status).toBe(201)
    expect(res.body.user).toMatchObject({
      email: 'new.person@test.example',
      name: 'New Person',
      role: 'user',
    })
    expect(res.body.token).toEqual(expect.any(String))
    const cookie = res.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/payload-token=/)
    expect(cookie).toMatch(/HttpOnly/i)
    const me = await api('GET', '/auth/me', { token: res.body.token })
    expect(me.body.user.email).toBe('new.person@test.example')
  })

  it('ignores a role in the body: nobody signs up as admin or organizer', async () => {
    for (const role of ['admin', 'organizer']) {
      const res = await signUp({
        email: `sneaky-${role}@test.example`,
        password: 'long-enough-1',
        name: 'Sneaky',
        role,
      })
      expect(res.status).toBe(201)
      expect(res.body.user.role).toBe('user')
      const stored = await payload.find({
        collection: 'users',
        where: { email: { equals: `sneaky-${role}@test.example` } },
      })
      expect(stored.docs[0]!.role).toBe('user')
    }
  })

  it('refuses a second account with the same email with 409', async () => {
    await signUp({ email: 'twice@test.example', password: 'long-enough-1', name: 'Once' })
    const res = await signUp({
      email: 'TWICE@test.example',
      password: 'long-enough-1',
      name: 'Twice',
    })
    expect(res.status).toBe(409)
    expect(res.body.errors[0].message).toMatch(/already exists/)
  })

  it('names each bad field with a 400', async () => {
    const res = await signUp({ email: 'not-an-email', password: 'short', name: '' })
    expect(res.status).toBe(400)
    const paths = res.body.errors[0].data.errors.map((error: { path: string }) => error.path)
    expect(paths).toEqual(expect.arrayContaining(['email', 'password', 'name']))
  })

  it('answers a body that is not JSON with a 400', async () => {
    const res = await api('POST', '/auth/register', {
      body: 'email=x',
      headers: { 'Content-Type': 'application/json' },
    })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toMatch(/JSON/)
  })
})

describe('log in, me, log out', () => {
  it('logs in with the right password and returns user and token', async () => {
    const user = await createUser(payload, 'user')
    const res = await api('POST', '/auth/login', {
      body: { email: user.user.email, password: user.password },
    })
    expect(res.status).toBe(200)
    expect(res.body.user.id).toBe(user.user.id)
    expect(res.headers.get('set-cookie')).toMatch(/payload-token=/)
  })

  it('refuses a wrong password with 401', async () => {
    const user = await createUser(payload, 'user')
    const res = await api('POST', '/auth/login', {
      body: { email: user.user.email, password: 'wrong-password' },
    })
    expect(res.status).toBe(401)
    expect(res.body.token).toBeUndefined()
  })

  it('answers /auth/me without a session with 401', async () => {
    const res = await api('GET', '/auth/me')
    expect(res.status).toBe(401)
    expect(res.body.errors[0].message).toMatch(/not logged in/)
  })

  it('logs out: the cookie is cleared and the token no longer works', async () => {
    const user = await createUser(payload, 'user')
    const res = await api('POST', '/auth/logout', { token: user.token })
    expect(res.status).toBe(200)
    expect(res.headers.get('set-cookie')).toMatch(/payload-token=;|Expires=Thu, 01 Jan 1970/i)
    const me = await api('GET', '/auth/me', { token: user.token })
    expect(me.status).toBe(401)
  })
})

describe('failed logins slow the failing address, never the owner', () => {
  const from = (address: string) => ({ 'X-Forwarded-For': address })
  const logIn = (path: string, email: string, password: string, address: string) =>
    api('POST', path, { body: { email, password }, headers: from(address) })

  it('after a stranger’s failures the stranger gets 429 + Retry-After; the admin still logs in elsewhere', async () => {
    const victim = await createUser(payload, 'admin')
    const stranger = '203.0.113.7'
    for (let attempt = 0; attempt < FREE_FAILURES; attempt++) {
      const res = await logIn('/users/login', victim.user.email, 'guess-' + attempt, stranger)
      expect(res.status).toBe(401)
    }
    for (const path of ['/users/login', '/auth/login']) {
      // Even the right password waits: the address is throttled before anything is checked.
      const throttled = await logIn(path, victim.user.email, victim.password, stranger)
      expect(throttled.status, path).toBe(429)
      expect(throttled.body.errors[0].data.code).toBe(AUTH_ERROR.loginThrottled)
      expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThanOrEqual(10)
      expect(throttled.body.token).toBeUndefined()
    }
    for (const path of ['/users/login', '/auth/login']) {
      const owner = await logIn(path, victim.user.email, victim.password, '198.51.100.20')
      expect(owner.status, path).toBe(200)
      expect(owner.body.user.id).toBe(victim.user.id)
    }
  })

  it('one address guessing across many accounts is capped (password spraying)', async () => {
    const sprayer = '203.0.113.99'
    let status = 0
    for (let attempt = 0; attempt < 40 && status !== 429; attempt++) {
      status = (await logIn('/users/login', `nobody-${attempt}@test.example`, 'x', sprayer)).status
    }
    expect(status).toBe(429)
    const person = await createUser(payload, 'user')
    expect((await logIn('/users/login', person.user.email, person.password, sprayer)).status).toBe(
      429,
    )
    expect(
      (await logIn('/users/login', person.user.email, person.password, '198.51.100.21')).status,
    ).toBe(200)
  })

  it('a crowd logging in at once from one address (an office NAT, a live event starting) is not a crowd of failures', async () => {
    const office = '198.51.100.40'
    const people = await Promise.all(Array.from({ length: 10 }, () => createUser(payload, 'user')))
    const logins = await Promise.all(
      Array.from({ length: 100 }, (_, index) => {
        const person = people[index % people.length]!
        return logIn('/users/login', person.user.email, person.password, office)
      }),
    )
    expect(logins.map((res) => res.status)).toEqual(Array(100).fill(200))
    // Real failures from that address still trip the cap at RATE_LIMIT_LOGIN_FAILURES (30).
    const statuses: number[] = []
    for (let attempt = 0; attempt < 31; attempt++) {
      statuses.push(
        (await logIn('/users/login', `ghost-${attempt}@test.example`, 'x', office)).status,
      )
    }
    expect(statuses).toEqual(Array(30).fill(401).concat(429))
    const person = people[0]!
    expect((await logIn('/users/login', person.user.email, person.password, office)).status).toBe(
      429,
    )
  }, 180_000)

  it('a successful login clears the address’s failures for the account', async () => {
    const person = await createUser(payload, 'user')
    const home = '198.51.100.22'
    for (let round = 0; round < 3; round++) {
      for (let attempt = 0; attempt < FREE_FAILURES - 1; attempt++) {
        await logIn('/users/login', person.user.email, 'typo', home)
      }
      expect((await logIn('/users/login', person.user.email, person.password, home)).status).toBe(
        200,
      )
    }
  })

  it('only an admin unlocks a throttled account, for every address', async () => {
    const locked = await createUser(payload, 'user')
    const address = '203.0.113.50'
    for (let attempt = 0; attempt < FREE_FAILURES; attempt++) {
      await logIn('/users/login', locked.user.email, 'wrong-password', address)
    }
    expect((await logIn('/auth/login', locked.user.email, locked.password, address)).status).toBe(
      429,
    )
    const other = await createUser(payload, 'organizer')
    const refused = await api('POST', '/users/unlock', {
      token: other.token,
      body: { email: locked.user.email },
    })
    expect(refused.status).toBe(403)
    const unlocked = await api('POST', '/users/unlock', {
      token: admin.token,
      body: { email: locked.user.email },
    })
    expect(unlocked.status).toBe(200)
    expect((await logIn('/auth/login', locked.user.email, locked.password, address)).status).toBe(
      200,
    )
  })

  it('forgot-password and reset are rate-limited per address', async () => {
    const address = '203.0.113.80'
    const statuses: number[] = []
    for (let attempt = 0; attempt < 8; attempt++) {
      const res = await api('POST', '/users/forgot-password', {
        body: { email: `someone-${attempt}@test.example` },
        headers: from(address),
      })
      statuses.push(res.status)
      if (res.status === 429) {
        expect(res.body.errors[0].data.code).toBe(AUTH_ERROR.rateLimited)
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
      }
    }
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200])
    expect(statuses.slice(5)).toEqual([429, 429, 429])
    const reset = await api('POST', '/users/reset-password', {
      body: { token: 'guess', password: 'new-password-1' },
      headers: from(address),
    })
    expect(reset.status).toBe(429)
  })
})

describe('accounts are created through sign-up only', () => {
  it('POST /api/users is refused to anonymous callers and to non-admins', async () => {
    const body = { email: 'direct@test.example', password: 'long-enough-1', name: 'Direct' }
    expect((await api('POST', '/users', { body })).status).toBe(403)
    for (const role of ['user', 'organizer'] as const) {
      const caller = await createUser(payload, role)
      expect((await api('POST', '/users', { token: caller.token, body })).status).toBe(403)
    }
    const stored = await payload.count({
      collection: 'users',
      where: { email: { equals: 'direct@test.example' } },
    })
    expect(stored.totalDocs).toBe(0)
  })
})

describe('GraphQL is off', () => {
  it('the config disables it and no route serves /api/graphql', async () => {
    expect((await config).graphQL.disable).toBe(true)
    const apiRoutes = await readdir(new URL('../../src/app/(payload)/api', import.meta.url))
    expect(apiRoutes.filter((name) => name.includes('graphql'))).toEqual([])
  })
})

describe('disabled accounts', () => {
  it('cannot log in, and a session already open ends at once', async () => {
    const person = await createUser(payload, 'user')
    const before = await api('GET', '/users/me', { token: person.token })
    expect(before.body.user?.id).toBe(person.user.id)

    const disabled = await api('PATCH', `/users/${person.user.id}`, {
      token: admin.token,
      body: { disabled: true },
    })
    expect(disabled.status).toBe(200)
    const after = await api('GET', '/users/me', { token: person.token })
    expect(after.body.user).toBeNull()
    const login = await api('POST', '/auth/login', {
      body: { email: person.user.email, password: person.password },
    })
    expect(login.status).toBe(403)
    expect(login.body.errors[0].message).toMatch(/disabled/)
  })

  it('only admins disable an account', async () => {
    const person = await createUser(payload, 'user')
    const organizer = await createUser(payload, 'organizer')
    await api('PATCH', `/users/${person.user.id}`, {
      token: person.token,
      body: { disabled: true },
    })
    await api('PATCH', `/users/${person.user.id}`, {
      token: organizer.token,
      body: { disabled: true },
    })
    const stored = await payload.findByID({ collection: 'users', id: person.user.id })
    expect(stored.disabled).toBe(false)
    const login = await api('POST', '/auth/login', {
      body: { email: person.user.email, password: person.password },
    })
    expect(login.status).toBe(200)
  })
})
