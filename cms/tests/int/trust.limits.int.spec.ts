import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Event, User } from '../../src/payload-types'
import { closePayload } from '../closePayload'
import {
  api,
  createEvent,
  createRegistration,
  createUser,
  testPayload,
  type TestUser,
} from '../helpers'

// Issue 12, "cms limits and data": list sizes, CSV formulas, capacity and
// version history of events, and deletes that used to answer 500.

let payload: Payload
let admin: TestUser
let olivia: TestUser
let oscar: TestUser
let alice: TestUser

beforeAll(async () => {
  payload = await testPayload()
  admin = await createUser(payload, 'admin')
  olivia = await createUser(payload, 'organizer')
  oscar = await createUser(payload, 'organizer')
  alice = await createUser(payload, 'user', 'Alice Limits')
})
afterAll(async () => {
  await closePayload(payload)
})

const register = (user: User, event: Event, fields: Record<string, unknown> = {}) =>
  createRegistration(payload, {
    user: user.id,
    event: event.id,
    status: 'confirmed',
    registeredAt: new Date().toISOString(),
    ...fields,
  })

const question = (user: User, event: Event) =>
  payload.create({
    collection: 'chat-messages',
    data: {
      event: event.id,
      user: user.id,
      message: 'Will it be recorded?',
      kind: 'question',
      sentAt: new Date().toISOString(),
    },
  })

const vote = (user: User, message: { id: number }) =>
  payload.create({ collection: 'chat-votes', data: { message: message.id, user: user.id } })

describe('list limits for everyone but admins', () => {
  const CATEGORIES = 105

  beforeAll(async () => {
    for (let n = 0; n < CATEGORIES; n++) {
      await payload.create({
        collection: 'categories',
        data: { name: `Limit category ${n}`, slug: `limit-category-${n}` },
        context: { skipRevalidate: true },
      })
    }
  }, 120_000)
  afterAll(async () => {
    await payload.delete({
      collection: 'categories',
      where: { slug: { like: 'limit-category-' } },
      context: { skipRevalidate: true },
    })
  })

  it.each([
    ['anonymous', undefined],
    ['an attendee', () => alice.token],
  ])('%s gets at most 100 documents however it asks', async (_, token) => {
    for (const query of [
      'limit=1000000',
      'limit=0',
      'pagination=false',
      'pagination=false&limit=0',
    ]) {
      const res = await api('GET', `/categories?${query}`, { token: token?.() })
      expect(res.status, query).toBe(200)
      expect(res.body.docs.length, query).toBeLessThanOrEqual(100)
      expect(res.body.totalDocs, query).toBeGreaterThanOrEqual(CATEGORIES)
      expect(res.body.hasNextPage, query).toBe(true)
    }
    const asked = await api('GET', '/categories?limit=1000000', { token: token?.() })
    expect(asked.body.docs).toHaveLength(100)
    expect(asked.body.limit).toBe(100)
  })

  it('admins still get everything they ask for', async () => {
    const res = await api('GET', '/categories?pagination=false', { token: admin.token })
    expect(res.status).toBe(200)
    expect(res.body.docs.length).toBeGreaterThanOrEqual(CATEGORIES)
    const big = await api('GET', '/categories?limit=1000', { token: admin.token })
    expect(big.body.docs.length).toBeGreaterThanOrEqual(CATEGORIES)
  })

  it('relationships are populated at most 2 deep for non-admins (depth=10 asked)', async () => {
    const event = await createEvent(payload, olivia.user)
    await register(alice.user, event)
    const asked = await question(olivia.user, event)
    await vote(alice.user, asked)
    const mine = await api('GET', '/chat-votes?depth=10', { token: alice.token })
    expect(mine.status).toBe(200)
    const populated = mine.body.docs.find((doc: any) => doc.message?.id === asked.id)
    // vote → message (1) → event (2) → organizer (3): the third level stays an id.
    expect(populated.message.event.id).toBe(event.id)
    expect(populated.message.event.organizer).toBe(olivia.user.id)
    const asAdmin = await api('GET', `/chat-votes?depth=10&where[message][equals]=${asked.id}`, {
      token: admin.token,
    })
    expect(asAdmin.body.docs[0].message.event.organizer.id).toBe(olivia.user.id)
  })
})

describe('attendee list and CSV', () => {
  let event: Event

  beforeAll(async () => {
    event = await createEvent(payload, olivia.user, { title: 'Formula Night' })
    const attacker = await createUser(payload, 'user', '=HYPERLINK("http://x","y")')
    await register(attacker.user, event)
    for (const name of ['@SUM(1+1)', '+cmd', '-2+3', 'Plain Pat']) {
      await register((await createUser(payload, 'user', name)).user, event)
    }
  })

  it('writes names a spreadsheet would run as formulas as text', async () => {
    const res = await api('GET', `/events/${event.id}/attendees?format=csv`, {
      token: olivia.token,
    })
    expect(res.status).toBe(200)
    const lines = String(res.body).slice(1).trim().split('\n')
    expect(lines).toHaveLength(6)
    expect(lines[1]).toMatch(/^"'=HYPERLINK\(""http:\/\/x"",""y""\)",/)
    expect(lines[2]).toMatch(/^'@SUM\(1\+1\),/)
    expect(lines[3]).toMatch(/^'\+cmd,/)
    expect(lines[4]).toMatch(/^'-2\+3,/)
    expect(lines[5]).toMatch(/^Plain Pat,/)
    for (const line of lines.slice(1)) expect(line).not.toMatch(/^"?[=+\-@]/)
  })

  it('pages the JSON list with a cursor: every registrant once, in order', async () => {
    const names: string[] = []
    let after = ''
    for (let page = 0; page < 5; page++) {
      const res = await api('GET', `/events/${event.id}/attendees?limit=2${after}`, {
        token: olivia.token,
      })
      expect(res.status).toBe(200)
      expect(res.body.attendees.length).toBeLessThanOrEqual(2)
      names.push(...res.body.attendees.map((row: { name: string }) => row.name))
      if (!res.body.nextCursor) break
      after = `&after=${encodeURIComponent(res.body.nextCursor)}`
    }
    expect(names).toEqual(['=HYPERLINK("http://x","y")', '@SUM(1+1)', '+cmd', '-2+3', 'Plain Pat'])
    const tooMany = await api('GET', `/events/${event.id}/attendees?limit=100000`, {
      token: olivia.token,
    })
    expect(tooMany.status).toBe(400)
    const forged = await api('GET', `/events/${event.id}/attendees?after=1;drop`, {
      token: olivia.token,
    })
    expect(forged.status).toBe(400)
  })
})

describe('event capacity and version history', () => {
  let event: Event

  beforeAll(async () => {
    event = await createEvent(payload, olivia.user, {
      capacity: 10,
      price: 1000,
      title: 'Seats Summit',
    })
    const [bea, cal, dee, eli] = await Promise.all(
      ['Bea', 'Cal', 'Dee', 'Eli'].map((name) => createUser(payload, 'user', name)),
    )
    await register(bea!.user, event)
    await register(cal!.user, event)
    // A live checkout hold counts as taken; a lapsed one and a cancellation do not.
    await register(dee!.user, event, {
      status: 'pending',
      holdExpiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
    })
    await register(eli!.user, event, {
      status: 'pending',
      holdExpiresAt: new Date(Date.now() - 60_000).toISOString(),
    })
    await register(alice.user, event, { status: 'cancelled' })
  })

  const setCapacity = (user: TestUser | undefined, capacity: number) =>
    api('PATCH', `/events/${event.id}`, { token: user?.token, body: { capacity } })

  it('refuses capacity below the seats taken (confirmed + held) with 400 naming capacity', async () => {
    const res = await setCapacity(olivia, 2)
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data).toMatchObject({
      code: 'CAPACITY_BELOW_TAKEN',
      path: 'capacity',
      taken: 3,
    })
    expect(res.body.errors[0].message).toMatch(/3 seats/)
    // Admins are held to it too: nobody's seat disappears.
    expect((await setCapacity(admin, 1)).status).toBe(400)
    expect((await payload.findByID({ collection: 'events', id: event.id })).capacity).toBe(10)
  })

  it('allows lowering it down to exactly the seats taken', async () => {
    const res = await setCapacity(olivia, 3)
    expect(res.status).toBe(200)
    expect(res.body.doc.capacity).toBe(3)
  })

  it('keeps a version of every change to a published event, readable by admins and its organizer only', async () => {
    const edit = await api('PATCH', `/events/${event.id}`, {
      token: olivia.token,
      body: { price: 4900 },
    })
    expect(edit.status).toBe(200)
    const versionsQuery = `/events/versions?where[parent][equals]=${event.id}&sort=-createdAt`
    const asAdmin = await api('GET', versionsQuery, { token: admin.token })
    expect(asAdmin.status).toBe(200)
    const prices = asAdmin.body.docs.map((doc: any) => doc.version.price)
    expect(prices[0]).toBe(4900)
    expect(prices).toContain(1000)
    const latest = asAdmin.body.docs[0].id

    const asOwner = await api('GET', versionsQuery, { token: olivia.token })
    expect(asOwner.body.docs.map((doc: any) => doc.id)).toContain(latest)

    const asOtherOrganizer = await api('GET', versionsQuery, { token: oscar.token })
    expect(asOtherOrganizer.body.docs ?? []).toEqual([])
    expect([403, 404]).toContain(
      (await api('GET', `/events/versions/${latest}`, { token: oscar.token })).status,
    )
    for (const token of [undefined, alice.token]) {
      expect((await api('GET', versionsQuery, { token })).status).toBe(403)
      expect((await api('GET', `/events/versions/${latest}`, { token })).status).toBe(403)
    }
  })
})

describe('deletes succeed or are refused with a reason', () => {
  it('a question with votes is deleted with its votes', async () => {
    const event = await createEvent(payload, olivia.user)
    const voter = await createUser(payload, 'user')
    await register(voter.user, event)
    const asked = await question(olivia.user, event)
    await vote(voter.user, asked)
    const res = await api('DELETE', `/chat-messages/${asked.id}`, { token: admin.token })
    expect(res.status).toBe(200)
    const votes = await payload.count({
      collection: 'chat-votes',
      where: { message: { equals: asked.id } },
    })
    expect(votes.totalDocs).toBe(0)
  })

  it('an attendee with registrations, messages, votes and an unpaid checkout is deleted with them', async () => {
    const event = await createEvent(payload, olivia.user)
    const gone = await createUser(payload, 'user', 'Gone Soon')
    const other = await createUser(payload, 'user')
    const registration = await register(gone.user, event)
    await register(other.user, event)
    await payload.create({
      collection: 'payments',
      data: {
        registration: registration.id,
        user: gone.user.id,
        event: event.id,
        amount: 1000,
        currency: 'EUR',
        status: 'failed',
      },
    })
    const theirQuestion = await question(gone.user, event)
    const othersQuestion = await question(other.user, event)
    await vote(other.user, theirQuestion)
    await vote(gone.user, othersQuestion)

    expect((await api('DELETE', `/users/${gone.user.id}`, { token: other.token })).status).toBe(403)
    const res = await api('DELETE', `/users/${gone.user.id}`, { token: admin.token })
    expect(res.status).toBe(200)
    for (const collection of [
      'registrations',
      'payments',
      'chat-messages',
      'chat-votes',
    ] as const) {
      const left = await payload.count({ collection, where: { user: { equals: gone.user.id } } })
      expect(left.totalDocs, collection).toBe(0)
    }
    // Their vote on someone else's question is taken back from its count.
    expect(
      (await payload.findByID({ collection: 'chat-messages', id: othersQuestion.id })).upvotes,
    ).toBe(0)
  })

  it('a person with paid tickets is kept: 409 USER_HAS_PAYMENTS', async () => {
    const event = await createEvent(payload, olivia.user, { price: 1000 })
    const payer = await createUser(payload, 'user')
    const registration = await register(payer.user, event)
    await payload.create({
      collection: 'payments',
      data: {
        registration: registration.id,
        user: payer.user.id,
        event: event.id,
        amount: 1000,
        currency: 'EUR',
        status: 'succeeded',
        paidAt: new Date().toISOString(),
      },
    })
    const res = await api('DELETE', `/users/${payer.user.id}`, { token: admin.token })
    expect(res.status).toBe(409)
    expect(res.body.errors[0].data.code).toBe('USER_HAS_PAYMENTS')
    expect(await payload.findByID({ collection: 'users', id: payer.user.id })).toBeTruthy()
    const kept = await payload.count({
      collection: 'registrations',
      where: { user: { equals: payer.user.id } },
    })
    expect(kept.totalDocs).toBe(1)
  })

  it('an event without registrations is deleted with its chat; one with registrations is kept: 409', async () => {
    const quiet = await createEvent(payload, olivia.user)
    const asked = await question(olivia.user, quiet)
    await vote(alice.user, asked)
    const res = await api('DELETE', `/events/${quiet.id}`, { token: admin.token })
    expect(res.status).toBe(200)
    const chat = await payload.count({
      collection: 'chat-messages',
      where: { event: { equals: quiet.id } },
    })
    expect(chat.totalDocs).toBe(0)

    const booked = await createEvent(payload, olivia.user)
    await register(alice.user, booked)
    const refused = await api('DELETE', `/events/${booked.id}`, { token: admin.token })
    expect(refused.status).toBe(409)
    expect(refused.body.errors[0].data.code).toBe('EVENT_HAS_REGISTRATIONS')
    expect(await payload.findByID({ collection: 'events', id: booked.id })).toBeTruthy()
  })

  it('an organizer of events is kept: 409 USER_ORGANIZES_EVENTS', async () => {
    const organizer = await createUser(payload, 'organizer')
    await createEvent(payload, organizer.user)
    const res = await api('DELETE', `/users/${organizer.user.id}`, { token: admin.token })
    expect(res.status).toBe(409)
    expect(res.body.errors[0].data.code).toBe('USER_ORGANIZES_EVENTS')
  })
})

describe('admin edit locks, now checked inside the write’s transaction', () => {
  it('a document another admin is editing cannot be changed or deleted (423); its editor can', async () => {
    const editor = await createUser(payload, 'admin')
    const category = await payload.create({
      collection: 'categories',
      data: { name: 'Being Edited', slug: 'being-edited' },
      context: { skipRevalidate: true },
    })
    await payload.create({
      collection: 'payload-locked-documents',
      data: {
        document: { relationTo: 'categories', value: category.id },
        user: { relationTo: 'users', value: editor.user.id },
      },
    })
    const rename = await api('PATCH', `/categories/${category.id}`, {
      token: admin.token,
      body: { name: 'Renamed' },
    })
    expect(rename.status).toBe(423)
    const remove = await api('DELETE', `/categories/${category.id}`, { token: admin.token })
    expect(remove.status).toBe(423)
    const bulk = await api('PATCH', `/categories?where[id][equals]=${category.id}`, {
      token: admin.token,
      body: { name: 'Renamed' },
    })
    expect(bulk.body.docs ?? []).toEqual([])
    expect((await payload.findByID({ collection: 'categories', id: category.id })).name).toBe(
      'Being Edited',
    )
    const byEditor = await api('PATCH', `/categories/${category.id}`, {
      token: editor.token,
      body: { name: 'Edited' },
    })
    expect(byEditor.status).toBe(200)
  })
})
