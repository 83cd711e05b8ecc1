import type { Payload } from 'payload'
import Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { env } from '../../src/env'
import type { Event } from '../../src/payload-types'
import { expireLapsedHolds, refundCancelledEvent } from '../../src/services/booking'
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
let admin: TestUser
let stripeServer: StripeTestServer
let bridge: Awaited<ReturnType<typeof startCmsBridge>>
const signer = new Stripe('sk_test_signer_only')
/** The cms's own Stripe account, as an attacker holding an API key could use it. */
let stripeApi: Stripe

beforeAll(async () => {
  payload = await testPayload()
  organizer = await createUser(payload, 'organizer')
  admin = await createUser(payload, 'admin')
  bridge = await startCmsBridge()
  stripeServer = await startStripeTestServer({
    port: Number(new URL(env.STRIPE_API_URL!).port),
    webhookUrl: `${bridge.url}/api/payments/webhook`,
    webhookSecret: env.STRIPE_WEBHOOK_SECRET,
  })
  stripeApi = new Stripe(env.STRIPE_SECRET_KEY, {
    host: '127.0.0.1',
    port: Number(new URL(env.STRIPE_API_URL!).port),
    protocol: 'http',
  })
})
afterAll(async () => {
  await stripeServer.close()
  await bridge.close()
  await closePayload(payload)
})

const checkout = (user: TestUser, event: Event) =>
  api('POST', '/payments/checkout', { token: user.token, body: { event: event.id } })
const registrationOf = (id: number) =>
  payload.findByID({ collection: 'registrations', id, depth: 0 })
const paymentOf = (id: number) => payload.findByID({ collection: 'payments', id, depth: 0 })

/** A correctly signed Stripe event carrying whatever object the forger likes. */
function deliverSigned(type: string, object: unknown) {
  const body = JSON.stringify({
    id: `evt_test_${Math.random().toString(36).slice(2)}`,
    object: 'event',
    type,
    created: Math.floor(Date.now() / 1000),
    data: { object },
  })
  const signature = signer.webhooks.generateTestHeaderString({
    payload: body,
    secret: env.STRIPE_WEBHOOK_SECRET,
  })
  return api('POST', '/payments/webhook', {
    body,
    headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature },
  })
}

async function openCheckout(fields: Partial<Event> = {}) {
  const event = await createEvent(payload, organizer.user, { price: 1200, capacity: 5, ...fields })
  const buyer = await createUser(payload, 'user')
  const res = await checkout(buyer, event)
  expect(res.status).toBe(201)
  return {
    event,
    buyer,
    registrationId: res.body.registration.id as number,
    paymentId: res.body.payment.id as number,
    sessionId: res.body.payment.checkoutSessionId as string,
  }
}

describe('forged webhooks, correctly signed, confirm nothing', () => {
  it('a paid session that is not the payment’s own (an attacker’s 1-cent checkout naming it)', async () => {
    const { registrationId, paymentId } = await openCheckout()
    const cheap = await stripeApi.checkout.sessions.create({
      mode: 'payment',
      line_items: [
        {
          quantity: 1,
          price_data: { currency: 'eur', unit_amount: 1, product_data: { name: 'x' } },
        },
      ],
      metadata: { paymentId: String(paymentId), registrationId: String(registrationId) },
      success_url: 'http://example.test/ok',
      cancel_url: 'http://example.test/no',
    })
    await stripeServer.pay(cheap.id, { deliver: false })
    const res = await deliverSigned(
      'checkout.session.completed',
      stripeServer.sessions.get(cheap.id),
    )
    expect(res.status).toBe(200)
    expect(res.body.outcome).toBe('ignored')
    expect((await registrationOf(registrationId)).status).toBe('pending')
    expect((await paymentOf(paymentId)).status).toBe('pending')
  })

  it('the payment’s own session claimed as paid for 1 cent, or in another currency', async () => {
    const { registrationId, paymentId, sessionId } = await openCheckout()
    await stripeServer.pay(sessionId, { deliver: false })
    const real = stripeServer.sessions.get(sessionId)!
    const oneCent = await deliverSigned('checkout.session.completed', { ...real, amount_total: 1 })
    expect(oneCent.body.outcome).toBe('ignored')
    const dollars = await deliverSigned('checkout.session.completed', { ...real, currency: 'usd' })
    expect(dollars.body.outcome).toBe('ignored')
    expect((await registrationOf(registrationId)).status).toBe('pending')
    // Stripe's own, matching word still fulfils.
    const genuine = await deliverSigned('checkout.session.completed', real)
    expect(genuine.body.outcome).toBe('fulfilled')
    expect((await registrationOf(registrationId)).status).toBe('confirmed')
    expect((await paymentOf(paymentId)).status).toBe('succeeded')
  })

  it('a session Stripe says is unpaid, whatever the event claims', async () => {
    const { registrationId, sessionId } = await openCheckout()
    const unpaid = stripeServer.sessions.get(sessionId)!
    const res = await deliverSigned('checkout.session.completed', {
      ...unpaid,
      status: 'complete',
      payment_status: 'paid',
      payment_intent: 'pi_test_forged',
    })
    expect(res.body.outcome).toBe('ignored')
    expect((await registrationOf(registrationId)).status).toBe('pending')
  })
})

describe('one session per registration, one payment kept', () => {
  it('a double-clicked checkout opens one session and one payment', async () => {
    const event = await createEvent(payload, organizer.user, { price: 900, capacity: 3 })
    const buyer = await createUser(payload, 'user')
    const before = stripeServer.sessions.size
    const [first, second] = await Promise.all([checkout(buyer, event), checkout(buyer, event)])
    expect([first.status, second.status]).toEqual([201, 201])
    expect(second.body.url).toBe(first.body.url)
    expect(stripeServer.sessions.size - before).toBe(1)
    const payments = await payload.count({
      collection: 'payments',
      where: { event: { equals: event.id } },
    })
    expect(payments.totalDocs).toBe(1)
  })

  it('a second payment that still arrives for a confirmed registration is refunded', async () => {
    const { event, buyer, registrationId, paymentId, sessionId } = await openCheckout()
    // The hold lapses with its session still open in another tab; the buyer checks out again.
    await payload.update({
      collection: 'registrations',
      id: registrationId,
      data: { holdExpiresAt: new Date(Date.now() - 1000).toISOString() },
    })
    const again = await checkout(buyer, event)
    expect(again.status).toBe(201)
    expect(again.body.payment.id).not.toBe(paymentId)
    await stripeServer.pay(again.body.payment.checkoutSessionId)
    await stripeServer.pay(sessionId)
    const registration = await registrationOf(registrationId)
    expect(registration.status).toBe('confirmed')
    expect(registration.payment).toBe(again.body.payment.id)
    expect((await paymentOf(again.body.payment.id)).status).toBe('succeeded')
    expect((await paymentOf(paymentId)).status).toBe('refunded')
    expect((await api('GET', `/events/${event.id}/availability`)).body.taken).toBe(1)
  })
})

describe('the refund policy', () => {
  async function paidTicket(fields: Partial<Event>) {
    const { event, buyer, registrationId, paymentId, sessionId } = await openCheckout(fields)
    await stripeServer.pay(sessionId)
    expect((await registrationOf(registrationId)).status).toBe('confirmed')
    return { event, buyer, registrationId, paymentId }
  }
  const inHours = (hours: number) => new Date(Date.now() + hours * 3600_000).toISOString()

  it('before the deadline: the cancel step says "refund", and cancelling refunds', async () => {
    const { buyer, registrationId, paymentId } = await paidTicket({ startTime: inHours(48) })
    const quote = await api('GET', `/registrations/${registrationId}/cancellation`, {
      token: buyer.token,
    })
    expect(quote.status).toBe(200)
    expect(quote.body.refund).toEqual({ kind: 'refund', amount: 1200, currency: 'EUR' })
    const res = await api('DELETE', `/registrations/${registrationId}?refund=required`, {
      token: buyer.token,
    })
    expect(res.status).toBe(200)
    expect(res.body.refund.kind).toBe('refund')
    expect((await paymentOf(paymentId)).status).toBe('refunded')
  })

  it('after it (default 24 h before the start): cancelling keeps the money, and insisting is refused', async () => {
    const { event, buyer, registrationId, paymentId } = await paidTicket({
      startTime: inHours(10),
    })
    const deadline = new Date(Date.parse(event.startTime) - 24 * 3600_000).toISOString()
    const quote = await api('GET', `/registrations/${registrationId}/cancellation`, {
      token: buyer.token,
    })
    expect(quote.body.refund).toEqual({
      kind: 'no_refund_past_deadline',
      amount: 1200,
      currency: 'EUR',
      refundDeadline: deadline,
    })
    const insist = await api('DELETE', `/registrations/${registrationId}?refund=required`, {
      token: buyer.token,
    })
    expect(insist.status).toBe(409)
    expect(insist.body.errors[0].data).toMatchObject({
      code: 'REFUND_NOT_ALLOWED',
      refundDeadline: deadline,
    })
    expect((await registrationOf(registrationId)).status).toBe('confirmed')

    const cancel = await api('DELETE', `/registrations/${registrationId}`, { token: buyer.token })
    expect(cancel.status).toBe(200)
    expect(cancel.body.refund.kind).toBe('no_refund_past_deadline')
    expect((await registrationOf(registrationId)).status).toBe('cancelled')
    expect((await paymentOf(paymentId)).status).toBe('succeeded')
  })

  it('the organizer’s own deadline counts (0 h: refunds until the start)', async () => {
    const { buyer, registrationId, paymentId } = await paidTicket({
      startTime: inHours(10),
      refundDeadlineHours: 0,
    })
    const res = await api('DELETE', `/registrations/${registrationId}`, { token: buyer.token })
    expect(res.body.refund.kind).toBe('refund')
    expect((await paymentOf(paymentId)).status).toBe('refunded')
  })

  it('organizers and admins refund at any time; attendees and strangers cannot', async () => {
    const first = await paidTicket({ startTime: inHours(2) })
    const refund = (user: TestUser, id: number) =>
      api('POST', `/payments/${id}/refund`, { token: user.token })

    const own = await refund(first.buyer, first.paymentId)
    expect(own.status).toBe(403)
    expect(own.body.errors[0].data.code).toBe('NOT_ALLOWED')
    expect((await refund(await createUser(payload, 'user'), first.paymentId)).status).toBe(404)
    expect((await refund(await createUser(payload, 'organizer'), first.paymentId)).status).toBe(404)
    expect((await api('POST', `/payments/${first.paymentId}/refund`)).status).toBe(401)
    expect((await paymentOf(first.paymentId)).status).toBe('succeeded')

    const byOrganizer = await refund(organizer, first.paymentId)
    expect(byOrganizer.status).toBe(200)
    expect((await paymentOf(first.paymentId)).status).toBe('refunded')
    expect((await registrationOf(first.registrationId)).status).toBe('cancelled')
    const twice = await refund(organizer, first.paymentId)
    expect(twice.status).toBe(409)
    expect(twice.body.errors[0].data.code).toBe('NOTHING_TO_REFUND')

    const second = await paidTicket({ startTime: inHours(2) })
    expect((await refund(admin, second.paymentId)).status).toBe(200)
    expect((await paymentOf(second.paymentId)).status).toBe('refunded')
  })
})

describe('the waitlist flows', () => {
  const join = (user: TestUser, event: Event) =>
    api('POST', '/registrations', { token: user.token, body: { event: event.id, waitlist: true } })
  const mine = async (user: TestUser) =>
    (await api('GET', '/registrations/me', { token: user.token })).body.docs[0]
  const lapse = (id: number) =>
    payload.update({
      collection: 'registrations',
      id,
      data: { holdExpiresAt: new Date(Date.now() - 1000).toISOString() },
    })

  /** A paid event whose one seat is bought, with people waiting. */
  async function fullPaidEvent(waiting: number) {
    const { event, buyer, registrationId, sessionId } = await openCheckout({ capacity: 1 })
    await stripeServer.pay(sessionId)
    const people = []
    for (let i = 0; i < waiting; i++) {
      const person = await createUser(payload, 'user')
      expect((await join(person, event)).body.doc.status).toBe('waitlisted')
      people.push(person)
    }
    return { event, buyer, registrationId, people }
  }

  it('an unanswered offer lapses and the job offers the seat to the next person', async () => {
    const { buyer, registrationId, people } = await fullPaidEvent(2)
    await api('DELETE', `/registrations/${registrationId}`, { token: buyer.token })
    const offer = await mine(people[0]!)
    expect(offer.status).toBe('offered')
    expect((await mine(people[1]!)).status).toBe('waitlisted')

    await lapse(offer.id)
    expect(await expireLapsedHolds(payload)).toBeGreaterThanOrEqual(1)
    expect((await mine(people[0]!)).status).toBe('expired')
    const next = await mine(people[1]!)
    expect(next.status).toBe('offered')
    expect(Date.parse(next.holdExpiresAt)).toBeGreaterThan(Date.now() + 23 * 3600_000)
  })

  it('an unpaid checkout lapses: its payment fails and the waitlist gets the seat', async () => {
    const { event, buyer, registrationId, paymentId } = await openCheckout({ capacity: 1 })
    const waiting = await createUser(payload, 'user')
    expect((await join(waiting, event)).body.doc.status).toBe('waitlisted')
    await lapse(registrationId)
    await expireLapsedHolds(payload)
    expect((await registrationOf(registrationId)).status).toBe('expired')
    expect((await paymentOf(paymentId)).status).toBe('failed')
    expect((await mine(waiting)).status).toBe('offered')
    const late = await checkout(buyer, event)
    expect(late.status).toBe(409)
    expect(late.body.errors[0].data.code).toBe('HOLD_EXPIRED')
  })

  it('raising the capacity offers the new seats, oldest first', async () => {
    const event = await createEvent(payload, organizer.user, { capacity: 1 })
    const people = await Promise.all([1, 2, 3, 4].map(() => createUser(payload, 'user')))
    await api('POST', '/registrations', { token: people[0]!.token, body: { event: event.id } })
    for (const person of people.slice(1)) await join(person, event)
    const raised = await api('PATCH', `/events/${event.id}`, {
      token: organizer.token,
      body: { capacity: 3 },
    })
    expect(raised.status).toBe(200)
    expect((await mine(people[1]!)).status).toBe('confirmed')
    expect((await mine(people[2]!)).status).toBe('confirmed')
    expect((await mine(people[3]!)).status).toBe('waitlisted')
    expect((await api('GET', `/events/${event.id}/availability`)).body).toMatchObject({
      taken: 3,
      seatsLeft: 0,
    })
  })

  it('the person offered a seat pays for it; a Stripe error on the way keeps the offer', async () => {
    const { event, buyer, registrationId, people } = await fullPaidEvent(1)
    await api('DELETE', `/registrations/${registrationId}`, { token: buyer.token })
    const offered = people[0]!
    expect((await mine(offered)).status).toBe('offered')

    stripeServer.failNextRequests(10)
    const failed = await checkout(offered, event)
    stripeServer.failNextRequests(0)
    expect(failed.status).toBe(502)
    expect(failed.body.errors[0].data.code).toBe('PAYMENT_PROVIDER_UNAVAILABLE')
    expect((await mine(offered)).status).toBe('offered')
    // Nobody else can take the held seat meanwhile.
    const other = await checkout(await createUser(payload, 'user'), event)
    expect(other.body.errors[0].data.code).toBe('EVENT_FULL')

    const paying = await checkout(offered, event)
    expect(paying.status).toBe(201)
    await stripeServer.pay(paying.body.payment.checkoutSessionId)
    expect((await mine(offered)).status).toBe('confirmed')
  })
})

describe('cancelling an event', () => {
  it('refunds every payer exactly once, cancels every seat, and touches no other event', async () => {
    const first = await openCheckout({ capacity: 3 })
    await stripeServer.pay(first.sessionId)
    const secondBuyer = await createUser(payload, 'user')
    const second = await checkout(secondBuyer, first.event)
    await stripeServer.pay(second.body.payment.checkoutSessionId)
    const unpaid = await checkout(await createUser(payload, 'user'), first.event)
    const elsewhere = await openCheckout()
    await stripeServer.pay(elsewhere.sessionId)

    const cancelled = await api('PATCH', `/events/${first.event.id}`, {
      token: admin.token,
      body: { status: 'cancelled' },
    })
    expect(cancelled.status).toBe(200)
    // The refund job is recorded with the change, in the outbox.
    const outbox = await payload.count({
      collection: 'email-outbox',
      where: { jobId: { equals: `event-refunds:${first.event.id}` } },
    })
    expect(outbox.totalDocs).toBe(1)

    expect(await refundCancelledEvent(payload, first.event.id)).toBe(2)
    expect(await refundCancelledEvent(payload, first.event.id)).toBe(0)
    for (const paymentId of [first.paymentId, second.body.payment.id]) {
      expect((await paymentOf(paymentId)).status).toBe('refunded')
      const email = await payload.count({
        collection: 'email-outbox',
        where: { jobId: { equals: `payment-refunded:${paymentId}` } },
      })
      expect(email.totalDocs).toBe(1)
    }
    for (const id of [first.registrationId, second.body.registration.id]) {
      expect((await registrationOf(id)).status).toBe('cancelled')
    }
    expect((await registrationOf(unpaid.body.registration.id)).status).toBe('cancelled')
    expect(stripeServer.sessions.get(unpaid.body.payment.checkoutSessionId)!.status).toBe('expired')
    expect((await paymentOf(elsewhere.paymentId)).status).toBe('succeeded')
    expect((await registrationOf(elsewhere.registrationId)).status).toBe('confirmed')
  })
})
