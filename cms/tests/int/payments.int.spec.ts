import type { Payload } from 'payload'
import Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { env } from '../../src/env'
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
const signer = new Stripe('sk_test_signer_only')

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

const checkout = (user: TestUser, event: Event | number) =>
  api('POST', '/payments/checkout', {
    token: user.token,
    body: { event: typeof event === 'number' ? event : event.id },
  })

const registrationOf = (id: number) =>
  payload.findByID({ collection: 'registrations', id, depth: 0 })
const paymentOf = (id: number) => payload.findByID({ collection: 'payments', id, depth: 0 })

/** A Stripe event as Stripe would sign it, for replaying, reordering and tampering. */
function signedEvent(type: string, object: unknown, options: { timestamp?: number } = {}) {
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
    timestamp: options.timestamp,
  })
  return { body, signature }
}

const deliver = ({ body, signature }: { body: string; signature: string }) =>
  api('POST', '/payments/webhook', {
    body,
    headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature },
  })

describe('buying a ticket', () => {
  it('holds a seat, opens a Checkout session, and confirms once the signed webhook lands', async () => {
    const event = await createEvent(payload, organizer.user, {
      price: 2500,
      currency: 'EUR',
      capacity: 5,
    })
    const buyer = await createUser(payload, 'user')
    const res = await checkout(buyer, event)
    expect(res.status).toBe(201)
    expect(res.body.url).toMatch(/\/pay\/cs_test_/)
    expect(res.body.registration.status).toBe('pending')
    expect(res.body.payment).toMatchObject({ status: 'pending', amount: 2500, currency: 'EUR' })
    const availability = await api('GET', `/events/${event.id}/availability`)
    expect(availability.body.taken).toBe(1)

    const sessionId = res.body.payment.checkoutSessionId
    expect(stripeServer.sessions.get(sessionId)).toMatchObject({
      amount_total: 2500,
      currency: 'eur',
    })
    await stripeServer.pay(sessionId)

    expect((await registrationOf(res.body.registration.id)).status).toBe('confirmed')
    const payment = await paymentOf(res.body.payment.id)
    expect(payment).toMatchObject({ status: 'succeeded' })
    expect(payment.stripePaymentId).toMatch(/^pi_test_/)
    const mine = await api('GET', `/payments/${payment.id}`, { token: buyer.token })
    expect(mine.status).toBe(200)
  })

  it('a rush of 14 buyers for 5 paid seats holds exactly 5, each with its own payment and session', async () => {
    const event = await createEvent(payload, organizer.user, { price: 1800, capacity: 5 })
    const buyers = await Promise.all(Array.from({ length: 14 }, () => createUser(payload, 'user')))
    const results = await Promise.all(buyers.map((buyer) => checkout(buyer, event)))
    const held = results.filter((result) => result.status === 201)
    expect(held).toHaveLength(5)
    for (const refused of results.filter((result) => result.status !== 201)) {
      expect(refused.status).toBe(409)
      expect(refused.body.errors[0].data.code).toBe('EVENT_FULL')
    }
    const availability = await api('GET', `/events/${event.id}/availability`)
    expect(availability.body).toMatchObject({ taken: 5, isFull: true })
    // Linked both ways, one session each, the right amount.
    for (const { body } of held) {
      const registration = await registrationOf(body.registration.id)
      expect(registration).toMatchObject({ status: 'pending', payment: body.payment.id })
      const payment = await paymentOf(body.payment.id)
      expect(payment).toMatchObject({
        registration: registration.id,
        amount: 1800,
        status: 'pending',
      })
      expect(payment.checkoutSessionId).toBe(body.payment.checkoutSessionId)
      expect(stripeServer.sessions.get(payment.checkoutSessionId!)?.amount_total).toBe(1800)
    }
    expect(new Set(held.map(({ body }) => body.payment.checkoutSessionId)).size).toBe(5)
  })

  it('asking twice returns the same open session instead of a second hold', async () => {
    const event = await createEvent(payload, organizer.user, { price: 1000 })
    const buyer = await createUser(payload, 'user')
    const first = await checkout(buyer, event)
    const second = await checkout(buyer, event)
    expect(second.status).toBe(201)
    expect(second.body.url).toBe(first.body.url)
    const payments = await payload.count({
      collection: 'payments',
      where: { event: { equals: event.id } },
    })
    expect(payments.totalDocs).toBe(1)
  })

  it('refuses free events, unknown events, bad ids, anonymous buyers, and full events', async () => {
    const buyer = await createUser(payload, 'user')
    const free = await createEvent(payload, organizer.user)
    expect((await checkout(buyer, free)).status).toBe(400)
    expect((await checkout(buyer, 987654321)).status).toBe(404)
    const bad = await api('POST', '/payments/checkout', {
      token: buyer.token,
      body: { event: 'x' },
    })
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].data.errors[0].path).toBe('event')
    const paid = await createEvent(payload, organizer.user, { price: 1000, capacity: 1 })
    expect((await api('POST', '/payments/checkout', { body: { event: paid.id } })).status).toBe(401)
    await checkout(await createUser(payload, 'user'), paid)
    const full = await checkout(buyer, paid)
    expect(full.status).toBe(409)
    expect(full.body.errors[0].data.code).toBe('EVENT_FULL')
  })

  it('is unavailable (502) when Stripe fails, and the held seat is given back', async () => {
    const event = await createEvent(payload, organizer.user, { price: 1000, capacity: 1 })
    const buyer = await createUser(payload, 'user')
    stripeServer.failNextRequests(10)
    const res = await checkout(buyer, event)
    stripeServer.failNextRequests(0)
    expect(res.status).toBe(502)
    expect((await api('GET', `/events/${event.id}/availability`)).body.seatsLeft).toBe(1)
    expect((await checkout(buyer, event)).status).toBe(201)
  })
})

describe('webhooks', () => {
  async function openCheckout(capacity = 5) {
    const event = await createEvent(payload, organizer.user, { price: 1200, capacity })
    const buyer = await createUser(payload, 'user')
    const res = await checkout(buyer, event)
    const session = stripeServer.sessions.get(res.body.payment.checkoutSessionId)!
    return {
      event,
      buyer,
      registrationId: res.body.registration.id,
      paymentId: res.body.payment.id,
      session,
    }
  }
  const paid = (session: object) => ({
    ...session,
    status: 'complete',
    payment_status: 'paid',
    payment_intent: `pi_test_${Math.random().toString(36).slice(2)}`,
  })
  /** Pays at the Stripe test server without its webhook; returns the session as Stripe has it. */
  const paidAtStripe = async (session: { id: string }) => {
    await stripeServer.pay(session.id, { deliver: false })
    return { ...stripeServer.sessions.get(session.id)! }
  }

  it('rejects a missing, tampered or stale signature with 400 and changes nothing', async () => {
    const { registrationId, session } = await openCheckout()
    const good = signedEvent('checkout.session.completed', paid(session))
    const missing = await api('POST', '/payments/webhook', { body: good.body })
    expect(missing.status).toBe(400)
    const tampered = await deliver({
      body: good.body.replace('"paid"', '"paid" '),
      signature: good.signature,
    })
    expect(tampered.status).toBe(400)
    const wrongSecret = signer.webhooks.generateTestHeaderString({
      payload: good.body,
      secret: 'whsec_other',
    })
    expect((await deliver({ body: good.body, signature: wrongSecret })).status).toBe(400)
    const stale = signedEvent('checkout.session.completed', paid(session), {
      timestamp: Math.floor(Date.now() / 1000) - 600,
    })
    expect((await deliver(stale)).status).toBe(400)
    expect((await registrationOf(registrationId)).status).toBe('pending')
  })

  it('the same event delivered five times fulfils once', async () => {
    const { registrationId, paymentId, session } = await openCheckout()
    const completed = signedEvent('checkout.session.completed', await paidAtStripe(session))
    const outcomes = []
    for (let i = 0; i < 5; i++) {
      const res = await deliver(completed)
      expect(res.status).toBe(200)
      outcomes.push(res.body.outcome)
    }
    expect(outcomes).toEqual(['fulfilled', 'duplicate', 'duplicate', 'duplicate', 'duplicate'])
    expect((await registrationOf(registrationId)).status).toBe('confirmed')
    const recorded = await payload.count({
      collection: 'stripe-events',
      where: { stripeEventId: { equals: JSON.parse(completed.body).id } },
    })
    expect(recorded.totalDocs).toBe(1)
    expect((await paymentOf(paymentId)).status).toBe('succeeded')
  })

  it('a payment the database cannot read right now fails the delivery, and the retry fulfils it', async () => {
    const { registrationId, paymentId, session } = await openCheckout()
    const completed = signedEvent('checkout.session.completed', await paidAtStripe(session))
    // The pool timing out under a rush, once, just for the payment's lookup.
    const findOne = payload.db.findOne
    let failures = 0
    payload.db.findOne = (async (args: Parameters<typeof findOne>[0]) => {
      if (args.collection === 'payments' && failures === 0) {
        failures++
        throw new Error('timeout exceeded when trying to connect')
      }
      return findOne.call(payload.db, args)
    }) as typeof findOne
    let first
    try {
      first = await deliver(completed)
    } finally {
      payload.db.findOne = findOne
    }
    expect(failures).toBe(1)
    // Not "ignored" with a 200: Stripe only delivers again after a failure.
    expect(first.status).toBeGreaterThanOrEqual(500)
    expect((await registrationOf(registrationId)).status).toBe('pending')

    const retry = await deliver(completed)
    expect(retry.status).toBe(200)
    expect(retry.body.outcome).toBe('fulfilled')
    expect((await registrationOf(registrationId)).status).toBe('confirmed')
    expect((await paymentOf(paymentId)).status).toBe('succeeded')
  })

  it('five concurrent deliveries of one event fulfil once', async () => {
    const { registrationId, session } = await openCheckout()
    const completed = signedEvent('checkout.session.completed', await paidAtStripe(session))
    const results = await Promise.all(Array.from({ length: 5 }, () => deliver(completed)))
    expect(results.map((result) => result.status)).toEqual([200, 200, 200, 200, 200])
    expect(results.filter((result) => result.body.outcome === 'fulfilled')).toHaveLength(1)
    expect((await registrationOf(registrationId)).status).toBe('confirmed')
  })

  it('completed, then a late expired: stays confirmed', async () => {
    const { registrationId, paymentId, session } = await openCheckout()
    expect(
      (await deliver(signedEvent('checkout.session.completed', await paidAtStripe(session)))).body
        .outcome,
    ).toBe('fulfilled')
    const expired = await deliver(
      signedEvent('checkout.session.expired', { ...session, status: 'expired' }),
    )
    expect(expired.status).toBe(200)
    expect((await registrationOf(registrationId)).status).toBe('confirmed')
    expect((await paymentOf(paymentId)).status).toBe('succeeded')
  })

  it('a forged expiry releases nothing, and a payment that had failed is refunded, never fulfilled', async () => {
    const { event, registrationId, paymentId, session } = await openCheckout()
    // Stripe still has the session open: an "expired" event for it is not Stripe's word.
    const forged = await deliver(
      signedEvent('checkout.session.expired', { ...session, status: 'expired' }),
    )
    expect(forged.body.outcome).toBe('ignored')
    expect((await registrationOf(registrationId)).status).toBe('pending')
    // The payment fails (the buyer's bank said no), then money arrives for it all the same.
    await payload.update({ collection: 'payments', id: paymentId, data: { status: 'failed' } })
    const late = await deliver(
      signedEvent('checkout.session.completed', await paidAtStripe(session)),
    )
    expect(late.body.outcome).toBe('failed')
    expect((await paymentOf(paymentId)).status).toBe('refunded')
    expect((await registrationOf(registrationId)).status).toBe('pending')
    expect((await api('GET', `/events/${event.id}/availability`)).body.taken).toBe(1)
  })

  it('a payment after the seat went to someone else is refunded in full', async () => {
    const { event, registrationId, paymentId, session } = await openCheckout(1)
    const payMe = paid(session)
    await stripeServer.pay(session.id) // the real completion happens at Stripe…
    // …but its first delivery is lost; the seat is released by an expiry event first.
    await payload.update({
      collection: 'registrations',
      id: registrationId,
      data: { status: 'cancelled', holdExpiresAt: null },
    })
    await payload.update({ collection: 'payments', id: paymentId, data: { status: 'pending' } })
    const other = await createUser(payload, 'user')
    expect(
      (await api('POST', '/registrations', { token: other.token, body: { event: event.id } }))
        .status,
    ).toBe(402)
    const rival = await checkout(other, event)
    await stripeServer.pay(rival.body.payment.checkoutSessionId)
    expect((await registrationOf(rival.body.registration.id)).status).toBe('confirmed')

    const late = await deliver(
      signedEvent('checkout.session.completed', {
        ...payMe,
        payment_intent: stripeServer.sessions.get(session.id)!.payment_intent,
      }),
    )
    expect(late.status).toBe(200)
    expect(late.body.outcome).toBe('failed')
    expect((await paymentOf(paymentId)).status).toBe('refunded')
    expect((await registrationOf(registrationId)).status).toBe('cancelled')
  })

  it('a handler failure answers 5xx, records nothing, and the retry succeeds once', async () => {
    const { event, registrationId, paymentId, session } = await openCheckout(1)
    await stripeServer.pay(session.id)
    const paymentIntent = stripeServer.sessions.get(session.id)!.payment_intent
    // Make the late payment need a refund, then let Stripe's refund API fail.
    await payload.update({
      collection: 'registrations',
      id: registrationId,
      data: { status: 'cancelled', holdExpiresAt: null },
    })
    await payload.update({ collection: 'payments', id: paymentId, data: { status: 'pending' } })
    await payload.create({
      collection: 'registrations',
      data: {
        user: (await createUser(payload, 'user')).user.id,
        event: event.id,
        status: 'confirmed',
        registeredAt: new Date().toISOString(),
      },
    })
    const completed = signedEvent('checkout.session.completed', {
      ...paid(session),
      payment_intent: paymentIntent,
    })
    stripeServer.failNextRequests(10)
    const failed = await deliver(completed)
    stripeServer.failNextRequests(0)
    expect(failed.status).toBeGreaterThanOrEqual(500)
    expect((await paymentOf(paymentId)).status).toBe('pending')
    const recorded = await payload.count({
      collection: 'stripe-events',
      where: { stripeEventId: { equals: JSON.parse(completed.body).id } },
    })
    expect(recorded.totalDocs).toBe(0)

    const retried = await deliver(completed)
    expect(retried.status).toBe(200)
    expect((await paymentOf(paymentId)).status).toBe('refunded')
    expect((await deliver(completed)).body.outcome).toBe('duplicate')
  })
})

describe('holds, cancellation and refunds', () => {
  it('an expired Checkout session gives the seat back and offers it to the waitlist', async () => {
    const event = await createEvent(payload, organizer.user, { price: 900, capacity: 1 })
    const buyer = await createUser(payload, 'user')
    const waiting = await createUser(payload, 'user')
    const res = await checkout(buyer, event)
    const join = await api('POST', '/registrations', {
      token: waiting.token,
      body: { event: event.id, waitlist: true },
    })
    expect(join.status).toBe(201)
    expect(join.body.doc.status).toBe('waitlisted')
    const stripe = new Stripe(env.STRIPE_SECRET_KEY, {
      host: '127.0.0.1',
      port: Number(new URL(env.STRIPE_API_URL!).port),
      protocol: 'http',
    })
    await stripe.checkout.sessions.expire(res.body.payment.checkoutSessionId)
    await expect
      .poll(async () => (await registrationOf(res.body.registration.id)).status, {
        timeout: 20_000,
      })
      .toBe('expired')
    expect((await paymentOf(res.body.payment.id)).status).toBe('failed')
    const offer = (await api('GET', '/registrations/me', { token: waiting.token })).body.docs[0]
    expect(offer.status).toBe('offered')
    expect(new Date(offer.holdExpiresAt).getTime()).toBeGreaterThan(Date.now())
    // The offer holds the seat for the waitlisted person, who pays through the normal checkout.
    const lapsedBuyer = await checkout(buyer, event)
    expect(lapsedBuyer.status).toBe(409)
    expect(lapsedBuyer.body.errors[0].data.code).toBe('HOLD_EXPIRED')
    const offerCheckout = await checkout(waiting, event)
    expect(offerCheckout.status).toBe(201)
    await stripeServer.pay(offerCheckout.body.payment.checkoutSessionId)
    expect((await registrationOf(offer.id)).status).toBe('confirmed')
  })

  it('a hold that lapsed without any webhook no longer takes a seat', async () => {
    const event = await createEvent(payload, organizer.user, { price: 900, capacity: 1 })
    const res = await checkout(await createUser(payload, 'user'), event)
    await payload.update({
      collection: 'registrations',
      id: res.body.registration.id,
      data: { holdExpiresAt: new Date(Date.now() - 1000).toISOString() },
    })
    expect((await api('GET', `/events/${event.id}/availability`)).body.seatsLeft).toBe(1)
    expect((await checkout(await createUser(payload, 'user'), event)).status).toBe(201)
  })

  it('cancelling a paid registration refunds it and frees the seat', async () => {
    const event = await createEvent(payload, organizer.user, { price: 4900, capacity: 1 })
    const buyer = await createUser(payload, 'user')
    const res = await checkout(buyer, event)
    await stripeServer.pay(res.body.payment.checkoutSessionId)
    const cancelled = await api('DELETE', `/registrations/${res.body.registration.id}`, {
      token: buyer.token,
    })
    expect(cancelled.status).toBe(200)
    const payment = await paymentOf(res.body.payment.id)
    expect(payment.status).toBe('refunded')
    expect(payment.refundId).toMatch(/^re_test_/)
    expect((await api('GET', `/events/${event.id}/availability`)).body.seatsLeft).toBe(1)
  })

  it('another user can neither read nor cancel someone else’s paid registration', async () => {
    const event = await createEvent(payload, organizer.user, { price: 700 })
    const buyer = await createUser(payload, 'user')
    const other = await createUser(payload, 'user')
    const res = await checkout(buyer, event)
    await stripeServer.pay(res.body.payment.checkoutSessionId)
    expect(
      (await api('GET', `/payments/${res.body.payment.id}`, { token: other.token })).status,
    ).toBe(404)
    expect(
      (await api('DELETE', `/registrations/${res.body.registration.id}`, { token: other.token }))
        .status,
    ).toBe(404)
    expect((await paymentOf(res.body.payment.id)).status).toBe('succeeded')
  })
})
