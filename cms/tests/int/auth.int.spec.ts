import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

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

  it('locks the account after 5 failed logins, even for the right password', async () => {
    const user = await createUser(payload, 'user')
    for (let attempt = 0; attempt < 5; attempt++) {
      await api('POST', '/auth/login', {
        body: { email: user.user.email, password: 'wrong-password' },
      })
    }
    const res = await api('POST', '/auth/login', {
      body: { email: user.user.email, password: user.password },
    })
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.body.errors[0].message).toMatch(/locked/i)
  })

  it('lets only an admin unlock a locked account', async () => {
    const locked = await createUser(payload, 'user')
    for (let attempt = 0; attempt < 5; attempt++) {
      await api('POST', '/auth/login', {
        body: { email: locked.user.email, password: 'wrong-password' },
      })
    }
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
    const login = await api('POST', '/auth/login', {
      body: { email: locked.user.email, password: locked.password },
    })
    expect(login.status).toBe(200)
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
