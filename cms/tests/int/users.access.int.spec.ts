import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { AUTH_ERROR } from '../../src/contract/auth'
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
    // Narrowed to this file's accounts: other files share the database.
    const ours = [alice.user.id, bob.user.id].join(',')
    const res = await api('GET', `/users?limit=100&where[id][in]=${ours}`, { token: admin.token })
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

  it('an admin creates an admin; nobody else creates accounts here', async () => {
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
    expect(anonymous.status).toBe(403)
  })
})

describe('users: private fields are not searchable, by anyone', () => {
  const attacks = [
    `where[sessions.createdAt][greater_than]=${encodeURIComponent('2000-01-01')}`,
    'where[sessions.id][exists]=true',
    'where[hash][exists]=true',
    'where[salt][like]=a',
    'where[resetPasswordToken][exists]=true',
    'where[or][0][name][exists]=true&where[or][1][resetPasswordExpiration][exists]=true',
    'sort=-sessions.createdAt',
    'sort=name,hash',
  ]

  it('anonymous visitors and attendees get 400 naming the field', async () => {
    for (const token of [undefined, alice.token]) {
      for (const query of attacks) {
        const res = await api('GET', `/users?${query}`, { token })
        expect(res.status, query).toBe(400)
        expect(res.body.errors[0].data.code).toBe(AUTH_ERROR.fieldNotQueryable)
        expect(query).toContain(res.body.errors[0].data.path.split('.')[0])
      }
    }
    const count = await api('GET', '/users/count?where[sessions.createdAt][exists]=true', {
      token: alice.token,
    })
    expect(count.status).toBe(400)
  })

  it('the same filters through another collection’s relationship are refused too', async () => {
    for (const token of [undefined, alice.token]) {
      for (const query of [
        'where[organizer.sessions.createdAt][exists]=true',
        'where[organizer.hash][exists]=true',
        'where[organizer.resetPasswordToken][exists]=true',
        'sort=organizer.sessions.createdAt',
      ]) {
        const res = await api('GET', `/events?${query}`, { token })
        expect(res.status, query).toBe(400)
      }
    }
  })
})

describe('users: changing one’s email or password needs the current password', () => {
  let carol: TestUser

  beforeAll(async () => {
    carol = await createUser(payload, 'user')
  })

  const patchSelf = (body: Record<string, unknown>) =>
    api('PATCH', `/users/${carol.user.id}`, { token: carol.token, body })

  it('missing: 400 CURRENT_PASSWORD_REQUIRED on currentPassword, nothing changes', async () => {
    for (const body of [{ email: 'carol-new@test.example' }, { password: 'brand-new-pass-1' }]) {
      const res = await patchSelf(body)
      expect(res.status).toBe(400)
      expect(res.body.errors[0].data).toMatchObject({
        code: AUTH_ERROR.currentPasswordRequired,
        path: 'currentPassword',
      })
    }
    const stored = await payload.findByID({ collection: 'users', id: carol.user.id })
    expect(stored.email).toBe(carol.user.email)
  })

  it('wrong: 400 CURRENT_PASSWORD_WRONG on currentPassword', async () => {
    const res = await patchSelf({ email: 'carol-new@test.example', currentPassword: 'not-it' })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data).toMatchObject({
      code: AUTH_ERROR.currentPasswordWrong,
      path: 'currentPassword',
    })
    const stored = await payload.findByID({ collection: 'users', id: carol.user.id })
    expect(stored.email).toBe(carol.user.email)
  })

  it('right: the email and password change and currentPassword is not stored', async () => {
    const res = await patchSelf({
      email: 'carol-new@test.example',
      password: 'brand-new-pass-1',
      currentPassword: carol.password,
    })
    expect(res.status).toBe(200)
    expect(res.body.doc.email).toBe('carol-new@test.example')
    expect(JSON.stringify(res.body)).not.toContain(carol.password)
    const login = await api('POST', '/auth/login', {
      body: { email: 'carol-new@test.example', password: 'brand-new-pass-1' },
    })
    expect(login.status).toBe(200)
    expect(JSON.stringify(login.body.user)).not.toContain('currentPassword')
  })

  it('other changes need no password; an admin editing someone else needs none', async () => {
    expect((await patchSelf({ name: 'Carol Renamed' })).status).toBe(200)
    const byAdmin = await api('PATCH', `/users/${bob.user.id}`, {
      token: admin.token,
      body: { email: 'bob-by-admin@test.example' },
    })
    expect(byAdmin.status).toBe(200)
    expect(byAdmin.body.doc.email).toBe('bob-by-admin@test.example')
  })

  it('an email or password sent as an array is a 400 naming the field, not a 500', async () => {
    for (const field of ['email', 'password']) {
      const res = await patchSelf({ [field]: ['x@evil.example'], currentPassword: carol.password })
      expect(res.status).toBe(400)
      expect(res.body.errors[0].data.errors[0].path).toBe(field)
    }
  })

  it('PATCH by where (the bulk route) needs the current password too', async () => {
    const res = await api('PATCH', `/users?where[id][equals]=${carol.user.id}`, {
      token: carol.token,
      body: { email: 'carol-bulk@evil.example' },
    })
    expect(res.status).toBe(400)
    const stored = await payload.findByID({ collection: 'users', id: carol.user.id })
    expect(stored.email).not.toBe('carol-bulk@evil.example')
  })
})

describe('admin: one’s own account form asks for the current password', () => {
  const currentPasswordField = () => {
    const field = payload.collections.users.config.fields.find(
      (candidate) => 'name' in candidate && candidate.name === 'currentPassword',
    )
    if (!field || field.type !== 'text') throw new Error('no currentPassword field')
    return field
  }

  it('the field shows on one’s own account only, never on another’s or a new one', () => {
    const condition = currentPasswordField().admin?.condition
    expect(condition).toBeTypeOf('function')
    const shows = (data: { id?: number }) =>
      condition!(data, data, { user: admin.user, operation: 'update', path: [], blockData: {} })
    expect(shows({ id: admin.user.id })).toBe(true)
    expect(shows({ id: alice.user.id })).toBe(false)
    expect(shows({})).toBe(false)
  })

  it('an admin changes their own email with it; it is neither stored nor read back', async () => {
    const me = await createUser(payload, 'admin')
    const without = await api('PATCH', `/users/${me.user.id}`, {
      token: me.token,
      body: { email: 'admin-moved@test.example' },
    })
    expect(without.body.errors[0].data.code).toBe(AUTH_ERROR.currentPasswordRequired)
    const res = await api('PATCH', `/users/${me.user.id}`, {
      token: me.token,
      body: { email: 'admin-moved@test.example', currentPassword: me.password },
    })
    expect(res.status).toBe(200)
    expect(res.body.doc.email).toBe('admin-moved@test.example')
    expect(res.body.doc).not.toHaveProperty('currentPassword')
    const row = await payload.db.findOne({
      collection: 'users',
      where: { id: { equals: me.user.id } },
    })
    expect(JSON.stringify(row)).not.toContain(me.password)
  })
})
