import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { unsubscribeUrl } from '../../src/jobs/unsubscribe'
import { closePayload } from '../closePayload'
import { api, createUser, testPayload, type TestUser } from '../helpers'

let payload: Payload
let user: TestUser
let other: TestUser
let organizer: TestUser
let admin: TestUser

beforeAll(async () => {
  payload = await testPayload()
  user = await createUser(payload, 'user')
  other = await createUser(payload, 'user')
  organizer = await createUser(payload, 'organizer')
  admin = await createUser(payload, 'admin')
  await payload.create({
    collection: 'email-deliveries',
    data: {
      key: `access-test:${user.user.id}`,
      template: 'x',
      to: user.user.email,
      status: 'sent',
    },
  })
})

afterAll(async () => {
  await closePayload(payload)
})

const unsubscribePath = (userId: number) =>
  unsubscribeUrl(userId).replace(/^https?:\/\/[^/]+\/api/, '')

describe('email records', () => {
  it('the delivery log is for admins only', async () => {
    expect((await api('GET', '/email-deliveries')).status).toBe(403)
    expect((await api('GET', '/email-deliveries', { token: user.token })).status).toBe(403)
    expect((await api('GET', '/email-deliveries', { token: organizer.token })).status).toBe(403)
    const asAdmin = await api('GET', '/email-deliveries', { token: admin.token })
    expect(asAdmin.status).toBe(200)
    expect(asAdmin.body.totalDocs).toBeGreaterThan(0)
    const forged = await api('POST', '/email-deliveries', {
      token: admin.token,
      body: { key: 'forged', template: 'x', to: 'a@b.test', status: 'sent' },
    })
    expect(forged.status).toBe(403)
  })

  it('people see and remove only their own opt-out; nobody creates one for someone else', async () => {
    expect((await api('GET', unsubscribePath(user.user.id))).status).toBe(200)
    const own = await api('GET', '/email-opt-outs', { token: user.token })
    expect(own.body.docs).toHaveLength(1)
    expect((await api('GET', '/email-opt-outs', { token: other.token })).body.docs).toHaveLength(0)
    const forCreate = await api('POST', '/email-opt-outs', {
      token: other.token,
      body: { user: user.user.id },
    })
    expect(forCreate.status).toBe(403)
    const id = own.body.docs[0].id as number
    expect([403, 404]).toContain(
      (await api('DELETE', `/email-opt-outs/${id}`, { token: other.token })).status,
    )
    expect((await api('DELETE', `/email-opt-outs/${id}`, { token: user.token })).status).toBe(200)
  })

  it('an unsubscribe link works only for the person it was made for', async () => {
    const forged = unsubscribePath(user.user.id).replace(/u=\d+/, `u=${other.user.id}`)
    expect((await api('GET', forged)).status).toBe(400)
    expect((await api('GET', '/email-opt-outs/unsubscribe?u=abc&t=x')).status).toBe(400)
  })
})
