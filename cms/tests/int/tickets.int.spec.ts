import type { Payload } from 'payload'
import Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { env } from '../../src/env'
import { expireLapsedHolds } from '../../src/services/booking'
import type { Event } from '../../src/payload-types'
import { startStripeTestServer, type StripeTestServer } from '../../stripe-test-server/server'
import { closePayload } from '../closePayload'
import {
  api,
  createEvent,
  createUser,
  startCmsBridge,
  testPayload,
  type TestUser,
} from '../helpers'

let payload: Payload
let organizer: TestUser
let stripeServer: StripeTestServer
let bridge: Awaited<ReturnType<typeof startCmsBridge>>

beforeAll(async () => {
  payload = await testPayload()
  organizer = await createUser(payload, 'organizer')
  bridge = await startCmsBridge()
  stripeServer = await startStripeTestServer({
    port: Number(new URL(env.STRIPE_API_URL!).port),
    webhookUrl: `${bridge.url}/api/payments/webhook`,
    webhookSecret: env.STRIPE_WEBHOOK_SECRET,
  })
})
afterAll(async () => {
  await stripeServer.close()
  await bridge.close()
  await closePayload(payload)
})

type TypeInput = NonNullable<Event['ticketTypes']>[number]
type PromoInput = NonNullable<Event['promoCodes']>[number]
type QuestionInput = NonNullable<Event['questions']>[number]

/** A published event with the given ticket types, codes and questions (ids read back). */
async function ticketedEvent(
  fields: Partial<Event> & {
    ticketTypes: TypeInput[]
    promoCodes?: PromoInput[]
    questions?: QuestionInput[]
  },
) {
  const event = await createEvent(payload, organizer.user, fields)
  const typeId = (name: string) => event.ticketTypes!.find((type) => type.name === name)!.id!
  const questionId = (label: string) =>
    event.questions!.find((question) => question.label === label)!.id!
  return { event, typeId, questionId }
}

const tickets = (eventId: number, user?: TestUser, code?: string) =>
  api('GET', `/events/${eventId}/tickets${code ? `?code=${encodeURIComponent(code)}` : ''}`, {
    token: user?.token,
  })

const attendee = (user: TestUser, answers: Record<string, unknown> = {}) => ({
  name: user.user.name,
  email: user.user.email,
  answers,
})

const guest = (label: string, answers: Record<string, unknown> = {}) => ({
  name: `Guest ${label}`,
  email: `guest-${label}-${Math.random().toString(36).slice(2)}@test.example`,
  answers,
})

const orderFree = (user: TestUser, body: Record<string, unknown>) =>
  api('POST', '/registrations', { token: user.token, body })
const orderPaid = (user: TestUser, body: Record<string, unknown>) =>
  api('POST', '/payments/checkout', { token: user.token, body })

const codeOf = (res: { body: any }) => res.body?.errors?.[0]?.data?.code

/** Buyers made a few at a time: signing up hashes a password, which a busy machine queues. */
async function createBuyers(count: number): Promise<TestUser[]> {
  const buyers: TestUser[] = []
  while (buyers.length < count) {
    const batch = Math.min(5, count - buyers.length)
    buyers.push(
      ...(await Promise.all(Array.from({ length: batch }, () => createUser(payload, 'user')))),
    )
  }
  return buyers
}

async function until(check: () => Promise<boolean>, timeoutMs = 10_000) {
  const started = Date.now()
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

describe('ticket types: GET /api/events/:id/tickets', () => {
  it('gives every event a "General admission" type from its price and sells it to { event } alone', async () => {
    const event = await createEvent(payload, organizer.user, { price: 0, capacity: 5 })
    const res = await tickets(event.id)
    expect(res.status).toBe(200)
    expect(res.body.ticketTypes).toHaveLength(1)
    expect(res.body.ticketTypes[0]).toMatchObject({
      name: 'General admission',
      price: 0,
      available: 5,
      salesState: 'open',
    })
    const user = await createUser(payload, 'user')
    const booked = await orderFree(user, { event: event.id })
    expect(booked.status).toBe(201)
    expect(booked.body.doc.ticketTypeName).toBe('General admission')
    expect((await tickets(event.id)).body.ticketTypes[0].available).toBe(4)
  })

  it('hides hidden types and codes from the public, and shows a hidden type with its code', async () => {
    const { event } = await ticketedEvent({
      capacity: 20,
      ticketTypes: [
        { name: 'Standard', price: 0 },
        { name: 'Speaker', price: 0, hidden: true },
      ],
      promoCodes: [{ code: 'SPEAKERS', kind: 'unlock', appliesTo: ['Speaker'] }],
    })
    const plain = await tickets(event.id)
    expect(plain.body.ticketTypes.map((type: { name: string }) => type.name)).toEqual(['Standard'])
    const unlocked = await tickets(event.id, undefined, 'speakers')
    expect(unlocked.body.ticketTypes.map((type: { name: string }) => type.name)).toEqual([
      'Standard',
      'Speaker',
    ])
    expect(unlocked.body.promo).toMatchObject({ code: 'SPEAKERS', kind: 'unlock' })
    const wrong = await tickets(event.id, undefined, 'NOPE')
    expect(wrong.body.promo).toBeNull()
    expect(wrong.body.promoError.code).toBe('PROMO_INVALID')
    // The event document itself does not leak the lists to the public or another organizer.
    const publicDoc = await api('GET', `/events/${event.id}`)
    expect(publicDoc.body.promoCodes ?? []).toEqual([])
    expect(publicDoc.body.ticketTypes ?? []).toEqual([])
    const other = await createUser(payload, 'organizer')
    const otherDoc = await api('GET', `/events/${event.id}`, { token: other.token })
    expect(otherDoc.body.promoCodes ?? []).toEqual([])
    const ownDoc = await api('GET', `/events/${event.id}`, { token: organizer.token })
    expect(ownDoc.body.promoCodes[0].code).toBe('SPEAKERS')
  })

  it('sells a hidden type only with its code', async () => {
    const { event, typeId } = await ticketedEvent({
      capacity: 20,
      ticketTypes: [
        { name: 'Standard', price: 0 },
        { name: 'Speaker', price: 0, hidden: true },
      ],
      promoCodes: [{ code: 'SPEAKERS', kind: 'unlock', appliesTo: ['Speaker'] }],
    })
    const buyer = await createUser(payload, 'user')
    const item = { ticketType: typeId('Speaker'), quantity: 1, attendees: [attendee(buyer)] }
    const without = await orderFree(buyer, { event: event.id, items: [item] })
    expect(without.status).toBe(409)
    expect(codeOf(without)).toBe('TICKET_SOLD_OUT')
    const withCode = await orderFree(buyer, {
      event: event.id,
      items: [item],
      promoCode: 'SPEAKERS',
    })
    expect(withCode.status).toBe(201)
    expect(withCode.body.doc).toMatchObject({ status: 'confirmed', ticketTypeName: 'Speaker' })
  })

  it('takes a code only inside its validity window, and only for the types it names', async () => {
    const hour = 3600_000
    const { event, typeId } = await ticketedEvent({
      capacity: 20,
      price: 1000,
      ticketTypes: [
        { name: 'Standard', price: 1000 },
        { name: 'Student', price: 600 },
      ],
      promoCodes: [
        {
          code: 'OLD',
          kind: 'percent',
          percentOff: 10,
          validUntil: new Date(Date.now() - hour).toISOString(),
        },
        {
          code: 'SOON',
          kind: 'percent',
          percentOff: 10,
          validFrom: new Date(Date.now() + hour).toISOString(),
        },
        { code: 'STUDY', kind: 'amount', amountOff: 100, appliesTo: ['Student'] },
      ],
    })
    const buyer = await createUser(payload, 'user')
    const order = (promoCode: string, type = 'Standard') =>
      orderPaid(buyer, {
        event: event.id,
        items: [{ ticketType: typeId(type), quantity: 1, attendees: [attendee(buyer)] }],
        promoCode,
      })
    for (const code of ['OLD', 'SOON', 'STUDY']) {
      const res = await order(code)
      expect(res.status).toBe(400)
      expect(res.body.errors[0].data).toMatchObject({ code: 'PROMO_INVALID', field: 'promoCode' })
    }
    const preview = await tickets(event.id, undefined, 'STUDY')
    const prices = preview.body.ticketTypes.map(
      (type: { name: string; discountedPrice: number }) => [type.name, type.discountedPrice],
    )
    expect(prices).toEqual([
      ['Standard', 1000],
      ['Student', 500],
    ])
    const student = await order('STUDY', 'Student')
    expect(student.status).toBe(201)
    expect(student.body.payment).toMatchObject({ amount: 500, discount: 100 })
  })

  it('keeps to sales windows: not open yet, closed, and open', async () => {
    const hour = 3600_000
    const { event, typeId } = await ticketedEvent({
      capacity: 20,
      ticketTypes: [
        { name: 'Later', price: 0, salesStart: new Date(Date.now() + hour).toISOString() },
        { name: 'Early bird', price: 0, salesEnd: new Date(Date.now() - hour).toISOString() },
        { name: 'Now', price: 0, salesStart: new Date(Date.now() - hour).toISOString() },
      ],
    })
    const offered = await tickets(event.id)
    const states = Object.fromEntries(
      offered.body.ticketTypes.map((type: { name: string; salesState: string }) => [
        type.name,
        type.salesState,
      ]),
    )
    expect(states).toEqual({ Later: 'not_open', 'Early bird': 'closed', Now: 'open' })
    const buyer = await createUser(payload, 'user')
    const buy = (name: string) =>
      orderFree(buyer, {
        event: event.id,
        items: [{ ticketType: typeId(name), quantity: 1, attendees: [attendee(buyer)] }],
      })
    const later = await buy('Later')
    expect(later.status).toBe(409)
    expect(later.body.errors[0].data).toMatchObject({ code: 'SALES_NOT_OPEN' })
    const early = await buy('Early bird')
    expect(early.body.errors[0].data).toMatchObject({ code: 'SALES_CLOSED' })
    expect((await buy('Now')).status).toBe(201)
  })

  it('refuses fewer than the minimum or more than the maximum per order, naming the field', async () => {
    const { event, typeId } = await ticketedEvent({
      capacity: 20,
      ticketTypes: [{ name: 'Table', price: 0, minPerOrder: 2, maxPerOrder: 3 }],
    })
    const buyer = await createUser(payload, 'user')
    const one = await orderFree(buyer, {
      event: event.id,
      items: [{ ticketType: typeId('Table'), quantity: 1, attendees: [attendee(buyer)] }],
    })
    expect(one.status).toBe(400)
    expect(one.body.errors[0].data).toMatchObject({
      code: 'ORDER_LIMIT',
      field: 'items.0.quantity',
      minPerOrder: 2,
      maxPerOrder: 3,
    })
    const mismatch = await orderFree(buyer, {
      event: event.id,
      items: [{ ticketType: typeId('Table'), quantity: 2, attendees: [attendee(buyer)] }],
    })
    expect(mismatch.body.errors[0].data).toMatchObject({
      code: 'INVALID_ORDER',
      field: 'items.0.attendees',
    })
  })
})

describe('questions', () => {
  it('refuses a missing required answer naming it, stores answers, and puts them in the CSV', async () => {
    const { event, typeId, questionId } = await ticketedEvent({
      capacity: 20,
      ticketTypes: [{ name: 'Standard', price: 0 }],
      questions: [
        { label: 'Company', kind: 'text', required: false },
        { label: 'T-shirt', kind: 'single', options: ['S', 'M', 'L'], required: true },
        { label: 'Code of conduct', kind: 'checkbox', required: true },
      ],
    })
    const buyer = await createUser(payload, 'user')
    const shirt = questionId('T-shirt')
    const conduct = questionId('Code of conduct')
    const missing = await orderFree(buyer, {
      event: event.id,
      items: [
        {
          ticketType: typeId('Standard'),
          quantity: 1,
          attendees: [attendee(buyer, { [conduct]: true })],
        },
      ],
    })
    expect(missing.status).toBe(400)
    expect(missing.body.errors[0].data).toMatchObject({
      code: 'ANSWER_REQUIRED',
      field: `items.0.attendees.0.answers.${shirt}`,
      question: shirt,
    })
    const notAnOption = await orderFree(buyer, {
      event: event.id,
      items: [
        {
          ticketType: typeId('Standard'),
          quantity: 1,
          attendees: [attendee(buyer, { [shirt]: 'XXL', [conduct]: true })],
        },
      ],
    })
    expect(codeOf(notAnOption)).toBe('ANSWER_REQUIRED')
    const ok = await orderFree(buyer, {
      event: event.id,
      items: [
        {
          ticketType: typeId('Standard'),
          quantity: 2,
          attendees: [
            attendee(buyer, {
              [questionId('Company')]: '=HYPERLINK("x")',
              [shirt]: 'M',
              [conduct]: true,
            }),
            guest('csv', { [shirt]: 'L', [conduct]: true }),
          ],
        },
      ],
    })
    expect(ok.status).toBe(201)
    expect(ok.body.docs[0].answers).toMatchObject({ [shirt]: 'M' })

    const list = await api('GET', `/events/${event.id}/attendees`, { token: organizer.token })
    expect(list.body.questions.map((question: { label: string }) => question.label)).toEqual([
      'Company',
      'T-shirt',
      'Code of conduct',
    ])
    const guestRow = list.body.attendees.find((row: { name: string }) => row.name === 'Guest csv')
    expect(guestRow).toMatchObject({ ticketType: 'Standard', answers: { [shirt]: 'L' } })

    const csv = await api('GET', `/events/${event.id}/attendees?format=csv`, {
      token: organizer.token,
    })
    expect(csv.status).toBe(200)
    const text = String(csv.body)
    expect(text).toContain('T-shirt')
    expect(text).toContain('Code of conduct')
    expect(text).toContain("'=HYPERLINK")
    expect(text).toMatch(/Guest csv/)
    // Another organizer gets no attendee list for this event.
    const other = await createUser(payload, 'organizer')
    const refused = await api('GET', `/events/${event.id}/attendees?format=csv`, {
      token: other.token,
    })
    expect([403, 404]).toContain(refused.status)
  })
})

describe('rushes', () => {
  it('sells exactly 10 tickets of a 10-seat type inside a larger event', async () => {
    const { event, typeId } = await ticketedEvent({
      capacity: 100,
      ticketTypes: [
        { name: 'VIP', price: 0, quantity: 10 },
        { name: 'Standard', price: 0 },
      ],
    })
    const buyers = await createBuyers(20)
    const results = await Promise.all(
      buyers.map((buyer) =>
        orderFree(buyer, {
          event: event.id,
          items: [{ ticketType: typeId('VIP'), quantity: 1, attendees: [attendee(buyer)] }],
        }),
      ),
    )
    const statuses = results.map((res) => res.status)
    expect(statuses.filter((status) => status >= 500)).toEqual([])
    expect(statuses.filter((status) => status === 201)).toHaveLength(10)
    const refusals = results.filter((res) => res.status !== 201).map(codeOf)
    expect(refusals).toEqual(Array(10).fill('TICKET_SOLD_OUT'))
    const confirmed = await payload.count({
      collection: 'registrations',
      where: { and: [{ event: { equals: event.id } }, { status: { equals: 'confirmed' } }] },
    })
    expect(confirmed.totalDocs).toBe(10)
    const offered = await tickets(event.id)
    const vip = offered.body.ticketTypes.find((type: { name: string }) => type.name === 'VIP')
    expect(vip).toMatchObject({ available: 0, isSoldOut: true })
    // A type with tickets taken cannot be removed or shrunk below them.
    const current = await payload.findByID({ collection: 'events', id: event.id })
    const removed = await api('PATCH', `/events/${event.id}`, {
      token: organizer.token,
      body: { ticketTypes: current.ticketTypes!.filter((type) => type.name !== 'VIP') },
    })
    expect(removed.status).toBe(400)
    expect(removed.body.errors[0].data).toMatchObject({ code: 'TICKET_TYPE_IN_USE', taken: 10 })
    const shrunk = await api('PATCH', `/events/${event.id}`, {
      token: organizer.token,
      body: {
        ticketTypes: current.ticketTypes!.map((type) =>
          type.name === 'VIP' ? { ...type, quantity: 5 } : type,
        ),
      },
    })
    expect(shrunk.status).toBe(400)
    // The rest of the event still sells.
    const late = buyers[0]!
    const standard = await orderFree(late, {
      event: event.id,
      items: [{ ticketType: typeId('Standard'), quantity: 1, attendees: [guest('late')] }],
    })
    expect(standard.status).toBe(201)
  })

  it('gives exactly 5 discounted orders for a 5-use code', async () => {
    const { event, typeId } = await ticketedEvent({
      capacity: 100,
      price: 2000,
      ticketTypes: [{ name: 'Standard', price: 2000 }],
      promoCodes: [{ code: 'FIVE', kind: 'percent', percentOff: 25, maxUses: 5 }],
    })
    const preview = await tickets(event.id, undefined, 'five')
    expect(preview.body.ticketTypes[0]).toMatchObject({ price: 2000, discountedPrice: 1500 })
    const buyers = await createBuyers(12)
    const results = await Promise.all(
      buyers.map((buyer) =>
        orderPaid(buyer, {
          event: event.id,
          items: [{ ticketType: typeId('Standard'), quantity: 1, attendees: [attendee(buyer)] }],
          promoCode: 'FIVE',
        }),
      ),
    )
    expect(results.map((res) => res.status).filter((status) => status >= 500)).toEqual([])
    expect(results.filter((res) => res.status === 201)).toHaveLength(5)
    expect(results.filter((res) => codeOf(res) === 'PROMO_EXHAUSTED')).toHaveLength(7)
    for (const res of results.filter((r) => r.status === 201)) {
      expect(res.body.payment).toMatchObject({ amount: 1500, discount: 500, promoCode: 'FIVE' })
    }
    const exhausted = await tickets(event.id, undefined, 'FIVE')
    expect(exhausted.body.promoError.code).toBe('PROMO_EXHAUSTED')

    // Unpaid holds lapse: their seats and the code's uses come back.
    await payload.update({
      collection: 'registrations',
      where: { and: [{ event: { equals: event.id } }, { status: { equals: 'pending' } }] },
      data: { holdExpiresAt: new Date(Date.now() - 60_000).toISOString() },
    })
    expect(await expireLapsedHolds(payload)).toBe(5)
    const released = await tickets(event.id, undefined, 'FIVE')
    expect(released.body.promoError).toBeNull()
    expect(released.body.ticketTypes[0]).toMatchObject({ discountedPrice: 1500, available: 100 })
    const again = await orderPaid(buyers[0]!, {
      event: event.id,
      items: [{ ticketType: typeId('Standard'), quantity: 1, attendees: [attendee(buyers[0]!)] }],
      promoCode: 'FIVE',
    })
    expect(again.status).toBe(201)
  })
})

describe('group orders', () => {
  it('buys 3 tickets with a code, confirms all on the webhook, and one attendee claims theirs', async () => {
    const { event, typeId } = await ticketedEvent({
      capacity: 50,
      price: 3000,
      ticketTypes: [{ name: 'Standard', price: 3000 }],
      promoCodes: [{ code: 'TEAM', kind: 'amount', amountOff: 1000 }],
    })
    const buyer = await createUser(payload, 'user')
    const friend = guest('friend')
    const other = guest('other')
    const placed = await orderPaid(buyer, {
      event: event.id,
      items: [
        {
          ticketType: typeId('Standard'),
          quantity: 3,
          attendees: [attendee(buyer), friend, other],
        },
      ],
      promoCode: 'team',
    })
    expect(placed.status).toBe(201)
    expect(placed.body.payment).toMatchObject({ amount: 6000, discount: 3000, currency: 'EUR' })
    expect(placed.body.registrations).toHaveLength(3)
    const session = [...stripeServer.sessions.values()].find(
      (candidate) => candidate.url === placed.body.url,
    )!
    expect(session).toMatchObject({ amount_subtotal: 9000, amount_total: 6000 })
    await stripeServer.pay(session.id)
    await until(async () => {
      const { docs } = await payload.find({
        collection: 'registrations',
        where: { orderId: { equals: placed.body.orderId } },
      })
      return docs.length === 3 && docs.every((doc) => doc.status === 'confirmed')
    })

    // The buyer sees the whole order; the friend's ticket is not theirs until claimed.
    const mine = await api('GET', '/registrations/me', { token: buyer.token })
    expect(mine.body.docs).toHaveLength(3)
    const friendTicket = await payload.find({
      collection: 'registrations',
      where: { attendeeEmail: { equals: friend.email } },
      showHiddenFields: true,
    })
    const ticket = friendTicket.docs[0]!
    expect(ticket.user).toBeFalsy()
    const token = ticket.claimToken!
    expect(token).toBeTruthy()

    const preview = await api('GET', `/registrations/claim?token=${token}`)
    expect(preview.body).toMatchObject({ attendeeEmail: friend.email, isClaimed: false })
    const notLoggedIn = await api('POST', '/registrations/claim', { body: { token } })
    expect(notLoggedIn.status).toBe(401)
    const stranger = await createUser(payload, 'user')
    const wrongPerson = await api('POST', '/registrations/claim', {
      token: stranger.token,
      body: { token },
    })
    expect(wrongPerson.status).toBe(403)
    expect(codeOf(wrongPerson)).toBe('CLAIM_EMAIL_MISMATCH')
    expect(
      (
        await api('POST', '/registrations/claim', {
          body: { token: 'nope' },
          token: stranger.token,
        })
      ).status,
    ).toBe(404)

    // The friend signs up with the email the ticket names and claims it.
    const signUp = await api('POST', '/auth/register', {
      body: { email: friend.email, password: 'correct-horse-battery', name: friend.name },
    })
    expect(signUp.status).toBeLessThan(300)
    const login = await payload.login({
      collection: 'users',
      data: { email: friend.email, password: 'correct-horse-battery' },
    })
    const claimed = await api('POST', '/registrations/claim', {
      token: login.token,
      body: { token },
    })
    expect(claimed.status).toBe(200)
    expect(claimed.body.doc.user.id ?? claimed.body.doc.user).toBe(login.user!.id)
    const friendsOwn = await api('GET', '/registrations/me', { token: login.token! })
    expect(friendsOwn.body.docs.map((doc: { id: number }) => doc.id)).toEqual([ticket.id])
    const stream = await api('GET', `/events/${event.id}/stream`, { token: login.token! })
    expect(stream.status).not.toBe(403)

    // The organizer sees the code's use in analytics and its CSV; another organizer does not.
    const usage = await api('GET', `/analytics/promo-codes?event=${event.id}`, {
      token: organizer.token,
    })
    expect(usage.body.promoCodes).toEqual([
      expect.objectContaining({ code: 'TEAM', usedOrders: 1, tickets: 3, discountTotal: 3000 }),
    ])
    const dashboard = await api('GET', `/analytics/organizer?event=${event.id}`, {
      token: organizer.token,
    })
    expect(dashboard.body.promoCodes[0]).toMatchObject({ code: 'TEAM', usedOrders: 1 })
    const usageCsv = await api('GET', `/analytics/promo-codes?event=${event.id}&format=csv`, {
      token: organizer.token,
    })
    expect(String(usageCsv.body)).toContain('TEAM,,1,0,3,3000,EUR')
    const otherOrganizer = await createUser(payload, 'organizer')
    const refusedUsage = await api('GET', `/analytics/promo-codes?event=${event.id}`, {
      token: otherOrganizer.token,
    })
    expect(refusedUsage.status).toBe(403)

    // Each attendee's own confirmation is recorded in the outbox with the confirmation itself.
    const { docs: outbox } = await payload.find({
      collection: 'email-outbox',
      where: { job: { equals: 'registration-confirmed' } },
      pagination: false,
    })
    const mailed = outbox.map((entry) => (entry.data as { registrationId: number }).registrationId)
    for (const registration of placed.body.registrations) {
      expect(mailed).toContain(registration.id)
    }
  })

  it('confirms a discounted order only for a webhook with its amount after the discount', async () => {
    const { event, typeId } = await ticketedEvent({
      capacity: 10,
      price: 2000,
      ticketTypes: [{ name: 'Standard', price: 2000 }],
      promoCodes: [{ code: 'HALF', kind: 'percent', percentOff: 50 }],
    })
    const buyer = await createUser(payload, 'user')
    const placed = await orderPaid(buyer, {
      event: event.id,
      items: [
        { ticketType: typeId('Standard'), quantity: 2, attendees: [attendee(buyer), guest('w')] },
      ],
      promoCode: 'HALF',
    })
    expect(placed.body.payment).toMatchObject({ amount: 2000, discount: 2000 })
    const session = [...stripeServer.sessions.values()].find((s) => s.url === placed.body.url)!
    // A correctly signed event claiming the price before the discount confirms nothing.
    const forged = JSON.stringify({
      id: `evt_test_${Math.random().toString(36).slice(2)}`,
      object: 'event',
      type: 'checkout.session.completed',
      created: Math.floor(Date.now() / 1000),
      data: {
        object: { ...session, status: 'complete', payment_status: 'paid', amount_total: 4000 },
      },
    })
    const signature = new Stripe('sk_test_signer_only').webhooks.generateTestHeaderString({
      payload: forged,
      secret: env.STRIPE_WEBHOOK_SECRET,
    })
    const ignored = await api('POST', '/payments/webhook', {
      body: forged,
      headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature },
    })
    const ticketsOf = async () =>
      (
        await payload.find({
          collection: 'registrations',
          where: { orderId: { equals: placed.body.orderId } },
        })
      ).docs.map((doc) => doc.status)
    expect(ignored.status).toBe(200)
    expect(await ticketsOf()).toEqual(['pending', 'pending'])
    await stripeServer.pay(session.id)
    await until(async () => (await ticketsOf()).every((status) => status === 'confirmed'))
  })

  it('refunds one ticket of a paid group, partially, and the rest of the order stands', async () => {
    const { event, typeId } = await ticketedEvent({
      capacity: 50,
      price: 2500,
      ticketTypes: [{ name: 'Standard', price: 2500 }],
    })
    const buyer = await createUser(payload, 'user')
    const placed = await orderPaid(buyer, {
      event: event.id,
      items: [
        {
          ticketType: typeId('Standard'),
          quantity: 3,
          attendees: [attendee(buyer), guest('a'), guest('b')],
        },
      ],
    })
    expect(placed.status).toBe(201)
    const session = [...stripeServer.sessions.values()].find((s) => s.url === placed.body.url)!
    await stripeServer.pay(session.id)
    const paymentId = placed.body.payment.id
    await until(async () => {
      const payment = await payload.findByID({ collection: 'payments', id: paymentId })
      return payment.status === 'succeeded'
    })
    const guestTicket = placed.body.registrations.find(
      (doc: { attendeeName: string }) => doc.attendeeName === 'Guest a',
    )
    const quote = await api('GET', `/registrations/${guestTicket.id}/cancellation`, {
      token: buyer.token,
    })
    expect(quote.body.refund).toMatchObject({ kind: 'refund', amount: 2500 })
    const cancelled = await api('DELETE', `/registrations/${guestTicket.id}`, {
      token: buyer.token,
    })
    expect(cancelled.status).toBe(200)
    const refunds = [...stripeServer.refunds.values()].filter(
      (refund) => refund.payment_intent === session.payment_intent,
    )
    expect(refunds.map((refund) => refund.amount)).toEqual([2500])
    const payment = await payload.findByID({ collection: 'payments', id: paymentId })
    expect(payment).toMatchObject({ status: 'succeeded', refundedAmount: 2500 })
    const { docs } = await payload.find({
      collection: 'registrations',
      where: { orderId: { equals: placed.body.orderId } },
      sort: 'id',
    })
    expect(docs.map((doc) => doc.status).sort()).toEqual(['cancelled', 'confirmed', 'confirmed'])
    // Someone outside the order cannot cancel its tickets.
    const stranger = await createUser(payload, 'user')
    const other = docs.find((doc) => doc.status === 'confirmed')!
    const refused = await api('DELETE', `/registrations/${other.id}`, { token: stranger.token })
    expect(refused.status).toBe(404)
  })
})

describe('access to ticket settings', () => {
  it('lets the event organizer edit types, codes and questions, and refuses another organizer', async () => {
    const { event } = await ticketedEvent({
      status: 'draft',
      ticketTypes: [{ name: 'Standard', price: 1000 }],
    })
    const other = await createUser(payload, 'organizer')
    const refused = await api('PATCH', `/events/${event.id}`, {
      token: other.token,
      body: { ticketTypes: [{ name: 'Free for all', price: 0 }] },
    })
    expect([403, 404]).toContain(refused.status)
    const user = await createUser(payload, 'user')
    const refusedUser = await api('PATCH', `/events/${event.id}`, {
      token: user.token,
      body: { promoCodes: [{ code: 'MINE', kind: 'percent', percentOff: 100 }] },
    })
    expect([401, 403, 404]).toContain(refusedUser.status)
    const own = await api('PATCH', `/events/${event.id}`, {
      token: organizer.token,
      body: {
        ticketTypes: [{ name: 'Standard', price: 1500 }],
        promoCodes: [{ code: 'HALF', kind: 'percent', percentOff: 50 }],
      },
    })
    expect(own.status).toBe(200)
    const stored = await payload.findByID({ collection: 'events', id: event.id })
    expect(stored.ticketTypes!.map((type) => [type.name, type.price])).toEqual([['Standard', 1500]])
    expect(stored.promoCodes![0]!.code).toBe('HALF')
  })
})
