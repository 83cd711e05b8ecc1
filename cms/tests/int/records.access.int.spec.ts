import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Event, Registration } from '../../src/payload-types'
import { api, createEvent, createUser, testPayload, type TestUser } from '../helpers'
import { closePayload } from '../closePayload'

let payload: Payload
let admin: TestUser
let olivia: TestUser
let oscar: TestUser
let alice: TestUser
let bob: TestUser
let oliviaEvent: Event
let oscarEvent: Event
let aliceAtOlivia: Registration
let bobAtOscar: Registration

const ids = (body: { docs?: { id: number }[] }) => (body.docs ?? []).map((doc) => doc.id)

async function register(
  user: TestUser,
  event: Event,
  status: Registration['status'] = 'confirmed',
) {
  return payload.create({
    collection: 'registrations',
    data: { user: user.user.id, event: event.id, status, registeredAt: new Date().toISOString() },
  })
}

beforeAll(async () => {
  payload = await testPayload()
  admin = await createUser(payload, 'admin')
  olivia = await createUser(payload, 'organizer')
  oscar = await createUser(payload, 'organizer')
  alice = await createUser(payload, 'user')
  bob = await createUser(payload, 'user')
  oliviaEvent = await createEvent(payload, olivia.user, { price: 2000 })
  oscarEvent = await createEvent(payload, oscar.user)
  aliceAtOlivia = await register(alice, oliviaEvent)
  bobAtOscar = await register(bob, oscarEvent)
})
afterAll(async () => {
  await closePayload(payload)
})

describe('registrations', () => {
  it('anonymous visitors can neither list nor create registrations', async () => {
    expect((await api('GET', '/registrations')).status).toBe(403)
    const create = await api('POST', '/registrations', { body: { event: oliviaEvent.id } })
    expect(create.status).toBe(401)
  })

  it('a user reads only their own registrations', async () => {
    const res = await api('GET', '/registrations?limit=100', { token: alice.token })
    expect(ids(res.body)).toEqual([aliceAtOlivia.id])
  })

  it('a user cannot read another user’s registration by id (IDOR)', async () => {
    expect(
      (await api('GET', `/registrations/${bobAtOscar.id}`, { token: alice.token })).status,
    ).toBe(404)
  })

  it('a user cannot list others’ registrations by filtering on user', async () => {
    const res = await api('GET', `/registrations?where[user][equals]=${bob.user.id}`, {
      token: alice.token,
    })
    expect(ids(res.body)).toEqual([])
  })

  it('a user cannot cancel or change another user’s registration', async () => {
    const res = await api('PATCH', `/registrations/${bobAtOscar.id}`, {
      token: alice.token,
      body: { status: 'cancelled' },
    })
    expect(res.status).toBe(403)
    expect(
      (await payload.findByID({ collection: 'registrations', id: bobAtOscar.id })).status,
    ).toBe('confirmed')
  })

  it('a user cannot change a registration directly: not even to confirm their own', async () => {
    const event = await createEvent(payload, olivia.user)
    const pending = await register(alice, event, 'pending')
    const confirm = await api('PATCH', `/registrations/${pending.id}`, {
      token: alice.token,
      body: { status: 'confirmed' },
    })
    expect(confirm.status).toBe(403)
    expect((await payload.findByID({ collection: 'registrations', id: pending.id })).status).toBe(
      'pending',
    )
  })

  it('a user cannot register someone else or pick their own status', async () => {
    const event = await createEvent(payload, oscar.user)
    const res = await api('POST', '/registrations', {
      token: alice.token,
      body: { event: event.id, user: bob.user.id, status: 'waitlisted' },
    })
    expect(res.status).toBe(201)
    const stored = await payload.findByID({
      collection: 'registrations',
      id: res.body.doc.id,
      depth: 0,
    })
    expect(stored).toMatchObject({ user: alice.user.id, status: 'confirmed' })
  })

  it('the database refuses a second registration for the same user and event', async () => {
    await expect(register(alice, oliviaEvent)).rejects.toThrow()
  })

  it('cancelling keeps the row: DELETE marks it cancelled', async () => {
    const event = await createEvent(payload, oscar.user)
    const mine = await register(alice, event)
    const res = await api('DELETE', `/registrations/${mine.id}`, { token: alice.token })
    expect(res.status).toBe(200)
    expect((await payload.findByID({ collection: 'registrations', id: mine.id })).status).toBe(
      'cancelled',
    )
  })

  it('an organizer reads the registrations of their own events only', async () => {
    const res = await api('GET', '/registrations?limit=100', { token: olivia.token })
    expect(ids(res.body)).toContain(aliceAtOlivia.id)
    expect(ids(res.body)).not.toContain(bobAtOscar.id)
    expect(
      (await api('GET', `/registrations/${bobAtOscar.id}`, { token: olivia.token })).status,
    ).toBe(404)
  })

  it('an organizer cannot change attendees’ registrations of their event', async () => {
    const res = await api('PATCH', `/registrations/${aliceAtOlivia.id}`, {
      token: olivia.token,
      body: { status: 'cancelled' },
    })
    expect(res.status).toBe(403)
  })

  it('an admin reads every registration', async () => {
    // Narrowed to this file's registrations: other files share the database.
    const ours = [aliceAtOlivia.id, bobAtOscar.id]
    const res = await api('GET', `/registrations?limit=100&where[id][in]=${ours.join(',')}`, {
      token: admin.token,
    })
    expect(ids(res.body)).toEqual(expect.arrayContaining(ours))
  })
})

describe('payments', () => {
  let alicePayment: number
  let bobPayment: number

  beforeAll(async () => {
    const make = (
      user: TestUser,
      event: Event,
      registration: Registration,
      stripePaymentId: string,
    ) =>
      payload.create({
        collection: 'payments',
        data: {
          user: user.user.id,
          event: event.id,
          registration: registration.id,
          stripePaymentId,
          amount: 2000,
          currency: 'EUR',
          status: 'succeeded',
        },
      })
    alicePayment = (await make(alice, oliviaEvent, aliceAtOlivia, 'pi_alice')).id
    bobPayment = (await make(bob, oscarEvent, bobAtOscar, 'pi_bob')).id
  })

  it('a user reads their own payment, not another user’s', async () => {
    expect((await api('GET', `/payments/${alicePayment}`, { token: alice.token })).status).toBe(200)
    expect((await api('GET', `/payments/${bobPayment}`, { token: alice.token })).status).toBe(404)
    expect(ids((await api('GET', '/payments', { token: alice.token })).body)).toEqual([
      alicePayment,
    ])
  })

  it('anonymous visitors read no payments', async () => {
    expect((await api('GET', `/payments/${alicePayment}`)).status).toBe(403)
  })

  it('an organizer reads payments for their events only', async () => {
    const res = await api('GET', '/payments', { token: olivia.token })
    expect(ids(res.body)).toEqual([alicePayment])
    expect((await api('GET', `/payments/${bobPayment}`, { token: olivia.token })).status).toBe(404)
  })

  it('nobody but the system and admins writes payments', async () => {
    const body = {
      user: alice.user.id,
      event: oliviaEvent.id,
      amount: 1,
      currency: 'EUR',
      status: 'succeeded',
    }
    for (const user of [alice, olivia]) {
      expect((await api('POST', '/payments', { token: user.token, body })).status).toBe(403)
      expect(
        (
          await api('PATCH', `/payments/${alicePayment}`, {
            token: user.token,
            body: { status: 'refunded' },
          })
        ).status,
      ).toBe(403)
    }
    expect(
      (await api('GET', '/payments', { token: admin.token })).body.totalDocs,
    ).toBeGreaterThanOrEqual(2)
  })
})

describe('chat and Q&A', () => {
  let hiddenMessage: number

  beforeAll(async () => {
    hiddenMessage = (
      await payload.create({
        collection: 'chat-messages',
        data: {
          event: oliviaEvent.id,
          user: alice.user.id,
          message: 'spam spam',
          kind: 'chat',
          sentAt: new Date().toISOString(),
          hidden: true,
        },
      })
    ).id
  })

  it('a confirmed registrant posts and reads the event’s chat', async () => {
    // The chat opens 15 minutes before the start: this event has begun.
    const live = await createEvent(payload, olivia.user, {
      startTime: new Date(Date.now() - 60_000).toISOString(),
    })
    await register(alice, live)
    const post = await api('POST', '/chat-messages', {
      token: alice.token,
      body: { event: live.id, message: 'Hello!', user: bob.user.id, upvotes: 99 },
    })
    expect(post.status).toBe(201)
    expect(post.body.doc.user.id ?? post.body.doc.user).toBe(alice.user.id)
    expect(post.body.doc.upvotes).toBe(0)
    const read = await api('GET', `/chat-messages?where[event][equals]=${live.id}`, {
      token: alice.token,
    })
    expect(read.body.docs.map((doc: { message: string }) => doc.message)).toContain('Hello!')
  })

  it('hidden messages are gone for attendees but visible to the organizer', async () => {
    const attendee = await api('GET', '/chat-messages?limit=100', { token: alice.token })
    expect(ids(attendee.body)).not.toContain(hiddenMessage)
    const organizer = await api('GET', '/chat-messages?limit=100', { token: olivia.token })
    expect(ids(organizer.body)).toContain(hiddenMessage)
  })

  it('anonymous visitors and users without a confirmed seat can neither read nor post', async () => {
    expect((await api('GET', '/chat-messages')).status).toBe(403)
    expect(
      (await api('POST', '/chat-messages', { body: { event: oliviaEvent.id, message: 'hi' } }))
        .status,
    ).toBe(403)
    const bobRead = await api('GET', `/chat-messages?where[event][equals]=${oliviaEvent.id}`, {
      token: bob.token,
    })
    expect(ids(bobRead.body)).toEqual([])
    const bobPost = await api('POST', '/chat-messages', {
      token: bob.token,
      body: { event: oliviaEvent.id, message: 'let me in' },
    })
    expect(bobPost.status).toBe(403)
  })

  it('a pending (unpaid) registrant cannot post', async () => {
    const carol = await createUser(payload, 'user')
    await register(carol, oliviaEvent, 'pending')
    const res = await api('POST', '/chat-messages', {
      token: carol.token,
      body: { event: oliviaEvent.id, message: 'hi' },
    })
    expect(res.status).toBe(403)
  })

  it('the event’s organizer moderates (hides) and the hider is recorded', async () => {
    const message = await payload.create({
      collection: 'chat-messages',
      data: {
        event: oliviaEvent.id,
        user: alice.user.id,
        message: 'rude',
        kind: 'chat',
        sentAt: new Date().toISOString(),
      },
    })
    const res = await api('PATCH', `/chat-messages/${message.id}`, {
      token: olivia.token,
      body: { hidden: true },
    })
    expect(res.status).toBe(200)
    expect(res.body.doc.hiddenBy.id ?? res.body.doc.hiddenBy).toBe(olivia.user.id)
  })

  it('another organizer and attendees cannot moderate', async () => {
    const message = await payload.create({
      collection: 'chat-messages',
      data: {
        event: oliviaEvent.id,
        user: alice.user.id,
        message: 'fine',
        kind: 'chat',
        sentAt: new Date().toISOString(),
      },
    })
    for (const user of [oscar, alice]) {
      expect(
        (
          await api('PATCH', `/chat-messages/${message.id}`, {
            token: user.token,
            body: { hidden: true },
          })
        ).status,
      ).toBe(403)
    }
    expect((await payload.findByID({ collection: 'chat-messages', id: message.id })).hidden).toBe(
      false,
    )
  })

  it('an admin moderates any event', async () => {
    const message = await payload.create({
      collection: 'chat-messages',
      data: {
        event: oscarEvent.id,
        user: bob.user.id,
        message: 'x',
        kind: 'chat',
        sentAt: new Date().toISOString(),
      },
    })
    expect(
      (
        await api('PATCH', `/chat-messages/${message.id}`, {
          token: admin.token,
          body: { hidden: true },
        })
      ).status,
    ).toBe(200)
  })
})

describe('media: public images, private materials', () => {
  let material: { id: number; filename: string }
  let image: { id: number; filename: string }

  beforeAll(async () => {
    const pdf = Buffer.from(
      '%PDF-1.4\n% slides\n1 0 obj<</Type/Catalog>>endobj\nxref\n0 1\ntrailer<</Root 1 0 R>>\n%%EOF\n',
    )
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
      'base64',
    )
    material = (await payload.create({
      collection: 'media',
      data: { kind: 'material', event: oliviaEvent.id, alt: 'Slides' },
      file: { data: pdf, mimetype: 'application/pdf', name: 'slides.pdf', size: pdf.length },
    })) as { id: number; filename: string }
    image = (await payload.create({
      collection: 'media',
      data: { kind: 'image', alt: 'Cover' },
      file: { data: png, mimetype: 'image/png', name: 'cover.png', size: png.length },
    })) as { id: number; filename: string }
  })

  it('anyone reads a public image, by record and by file URL', async () => {
    expect((await api('GET', `/media/${image.id}`)).status).toBe(200)
    expect((await api('GET', `/media/file/${image.filename}`)).status).toBe(200)
  })

  it('a confirmed attendee downloads the event’s materials', async () => {
    expect((await api('GET', `/media/${material.id}`, { token: alice.token })).status).toBe(200)
    const file = await api('GET', `/media/file/${material.filename}`, { token: alice.token })
    expect(file.status).toBe(200)
    expect(String(file.body)).toContain('slides')
  })

  it('anonymous visitors and other users cannot reach materials, not even by file URL', async () => {
    for (const token of [undefined, bob.token]) {
      expect((await api('GET', `/media/${material.id}`, { token })).status).toBeGreaterThanOrEqual(
        403,
      )
      const file = await api('GET', `/media/file/${material.filename}`, { token })
      expect(file.status).toBe(403)
      expect(String(file.body)).not.toContain('slides')
    }
  })

  it('the event’s organizer reads its materials; another organizer does not', async () => {
    expect(
      (await api('GET', `/media/file/${material.filename}`, { token: olivia.token })).status,
    ).toBe(200)
    expect(
      (await api('GET', `/media/file/${material.filename}`, { token: oscar.token })).status,
    ).toBe(403)
  })

  it('users cannot upload; organizers cannot change others’ uploads', async () => {
    expect((await api('POST', '/media', { token: alice.token, body: { alt: 'x' } })).status).toBe(
      403,
    )
    expect(
      (await api('PATCH', `/media/${material.id}`, { token: oscar.token, body: { alt: 'mine' } }))
        .status,
    ).toBe(403)
  })
})

describe('pages and categories', () => {
  it('published pages are public, drafts only for admins', async () => {
    const page = await payload.create({
      collection: 'pages',
      data: { title: 'Draft FAQ', slug: 'draft-faq', _status: 'draft' },
      draft: true,
    })
    expect((await api('GET', `/pages/${page.id}`)).status).toBe(404)
    expect((await api('GET', `/pages/${page.id}?draft=true`, { token: alice.token })).status).toBe(
      404,
    )
    expect((await api('GET', `/pages/${page.id}?draft=true`, { token: admin.token })).status).toBe(
      200,
    )
    await payload.update({ collection: 'pages', id: page.id, data: { _status: 'published' } })
    expect((await api('GET', `/pages/${page.id}`)).status).toBe(200)
  })

  it('only admins write pages and categories', async () => {
    for (const user of [alice, olivia]) {
      expect(
        (await api('POST', '/pages', { token: user.token, body: { title: 'Mine', slug: 'mine' } }))
          .status,
      ).toBe(403)
      expect(
        (
          await api('POST', '/categories', {
            token: user.token,
            body: { name: 'Mine', slug: 'mine' },
          })
        ).status,
      ).toBe(403)
    }
    expect(
      (await api('POST', '/categories', { token: admin.token, body: { name: 'New Category' } }))
        .body.doc.slug,
    ).toBe('new-category')
    expect((await api('GET', '/categories')).status).toBe(200)
  })
})
