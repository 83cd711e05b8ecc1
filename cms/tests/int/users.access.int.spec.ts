import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { api, createUser, testPayload, type TestUser } from '../helpers'
import { closePayload } from '../closePayload'

let payload: Payload
let admin: TestUser
let organizer: TestUser
let alice: TestUser
let bob: TestUser

beforeAll(async () => {
  payload = await testPayload()
  admin = await createUser(payload, 'admin')
  organizer = await createUser(payload, 'organizer', 'Public Organizer')
  alice = await createUser(payload, 'user')
  bob = await createUser(payload, 'user')
})
afterAll(async () => {
  await closePayload(payload)
})

describe('users: own profile', () => {
  it('a user reads and updates their own profile', async () => {
    const read = await api('GET', `/users/${alice.user.id}`, { token: alice.token })
    expect(read.status).toBe(200)
    expect(read.body.email).toBe(alice.user.email)
    const update = await api('PATCH', `/users/${alice.user.id}`, {
      token: alice.token,
      body: { name: 'Alice Renamed' },
    })
    expect(update.status).toBe(200)
    expect(update.body.doc.name).toBe('Alice Renamed')
  })

  it('a user cannot raise their own role: the role in the body is ignored', async () => {
    const res = await api('PATCH', `/users/${alice.user.id}`, {
      token: alice.token,
      body: { role: 'admin' },
    })
    expect(res.status).toBe(200)
    const stored = await payload.findByID({ collection: 'users', id: alice.user.id })
    expect(stored.role).toBe('user')
  })

  it('an organizer cannot make themselves admin', async () => {
    await api('PATCH', `/users/${organizer.user.id}`, {
      token: organizer.token,
      body: { role: 'admin' },
    })
    const stored = await payload.findByID({ collection: 'users', id: organizer.user.id })
    expect(stored.role).toBe('organizer')
  })

  it('a user cannot read another user by id (IDOR)', async () => {
    const res = await api('GET', `/users/${bob.user.id}`, { token: alice.token })
    expect(res.status).toBe(404)
  })

  it('a user cannot update or delete another user', async () => {
    const update = await api('PATCH', `/users/${bob.user.id}`, {
      token: alice.token,
      body: { name: 'Hacked' },
    })
    expect(update.status).toBe(403)
    const del = await api('DELETE', `/users/${bob.user.id}`, { token: alice.token })
    expect(del.status).toBe(403)
    expect((await payload.findByID({ collection: 'users', id: bob.user.id })).name).not.toBe(
      'Hacked',
    )
  })

  it('anonymous visitors cannot list accounts: only organizers’ public profiles, without emails', async () => {
    const res = await api('GET', '/users?limit=100')
    expect(res.status).toBe(200)
    const roles = new Set(res.body.docs.map((doc: { role: string }) => doc.role))
    expect([...roles]).toEqual(['organizer'])
    const profile = res.body.docs.find((doc: { id: number }) => doc.id === organizer.user.id)
    expect(profile.name).toBe('Public Organizer')
    expect(profile.email).toBeUndefined()
  })

  it('another user reading an organizer profile does not see the email', async () => {
    const res = await api('GET', `/users/${organizer.user.id}`, { token: alice.token })
    expect(res.status).toBe(200)
    expect(res.body.email).toBeUndefined()
  })

  it('filtering or sorting users by the protected email field is refused', async () => {
    const filter = await api(
      'GET',
      `/users?where[email][like]=${encodeURIComponent(organizer.user.email)}`,
      { token: alice.token },
    )
    expect(filter.status).toBe(400)
    expect(JSON.stringify(filter.body)).not.toContain(organizer.user.email)
  })
})

describe('users: admins', () => {
  it('an admin lists every account with emails', async () => {
    const res = await api('GET', '/users?limit=100', { token: admin.token })
    expect(res.status).toBe(200)
    const emails = res.body.docs.map((doc: { email: string }) => doc.email)
    expect(emails).toEqual(expect.arrayContaining([alice.user.email, bob.user.email]))
  })

  it('an admin sets roles', async () => {
    const res = await api('PATCH', `/users/${bob.user.id}`, {
      token: admin.token,
      body: { role: 'organizer' },
    })
    expect(res.status).toBe(200)
    expect(res.body.doc.role).toBe('organizer')
  })

  it('an admin creates an admin; anybody else creating a user gets role user', async () => {
    const byAdmin = await api('POST', '/users', {
      token: admin.token,
      body: {
        email: 'second-admin@test.example',
        password: 'long-enough-1',
        name: 'Second',
        role: 'admin',
      },
    })
    expect(byAdmin.status).toBe(201)
    expect(byAdmin.body.doc.role).toBe('admin')
    const anonymous = await api('POST', '/users', {
      body: {
        email: 'anon-admin@test.example',
        password: 'long-enough-1',
        name: 'Anon',
        role: 'admin',
      },
    })
    expect(anonymous.status).toBe(201)
    expect(anonymous.body.doc.role).toBe('user')
  })
})
