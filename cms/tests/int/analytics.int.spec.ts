import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Event, Payment, Registration } from '../../src/payload-types'
import { closePayload } from '../closePayload'
import {
  api,
  createEvent,
  createRegistration,
  createUser,
  testPayload,
  type TestUser,
} from '../helpers'

let payload: Payload
let admin: TestUser
let organizer: TestUser
let otherOrganizer: TestUser
let attendees: TestUser[]
let paid: Event
let usd: Event
let othersEvent: Event

const FAR_FUTURE = '2035-02-01T15:00:00.000Z'
const RANGE = 'from=2026-11-01&to=2026-11-07'

async function register(
  user: TestUser,
  event: Event,
  status: Registration['status'],
  registeredAt: string,
  payment?: { status: Payment['status']; paidAt?: string },
) {
  const registration = await createRegistration(payload, {
    user: user.user.id,
    event: event.id,
    status,
    registeredAt,
    holdExpiresAt: status === 'pending' ? new Date(Date.now() + 3600_000).toISOString() : null,
  })
  if (!payment) return registration
  const created = await payload.create({
    collection: 'payments',
    data: {
      registration: registration.id,
      user: user.user.id,
      event: event.id,
      amount: event.price,
      currency: event.currency,
      status: payment.status,
      paidAt: payment.paidAt ?? null,
    },
    overrideAccess: true,
  })
  return payload.update({
    collection: 'registrations',
    id: registration.id,
    data: { payment: created.id },
    overrideAccess: true,
  })
}

beforeAll(async () => {
  payload = await testPayload()
  admin = await createUser(payload, 'admin')
  organizer = await createUser(payload, 'organizer')
  otherOrganizer = await createUser(payload, 'organizer')
  attendees = [
    await createUser(payload, 'user', 'Ann Able'),
    await createUser(payload, 'user', 'Ben "Benny" Baker, Jr.'),
    await createUser(payload, 'user', 'Cleo Cancel'),
    await createUser(payload, 'user', 'Dan Pending'),
    await createUser(payload, 'user', 'Eve Waiting'),
  ]
  const [ann, ben, cleo, dan, eve] = attendees as [TestUser, TestUser, TestUser, TestUser, TestUser]
  paid = await createEvent(payload, organizer.user, {
    title: 'Paid Workshop',
    startTime: FAR_FUTURE,
    capacity: 10,
    price: 1000,
    currency: 'EUR',
  })
  usd = await createEvent(payload, organizer.user, {
    title: 'Dollar Talk',
    startTime: '2035-01-10T15:00:00.000Z',
    capacity: 4,
    price: 500,
    currency: 'USD',
  })
  othersEvent = await createEvent(payload, otherOrganizer.user, { title: 'Somebody Else’s' })

  await register(ann, paid, 'confirmed', '2026-11-01T09:00:00.000Z', {
    status: 'succeeded',
    paidAt: '2026-11-01T09:01:00.000Z',
  })
  await register(ben, paid, 'confirmed', '2026-11-01T10:00:00.000Z', {
    status: 'succeeded',
    paidAt: '2026-11-01T10:01:00.000Z',
  })
  await register(cleo, paid, 'cancelled', '2026-11-02T08:00:00.000Z', {
    status: 'refunded',
    paidAt: '2026-11-02T08:01:00.000Z',
  })
  await register(dan, paid, 'pending', '2026-11-03T08:00:00.000Z', { status: 'pending' })
  await register(eve, paid, 'waitlisted', '2026-11-03T09:00:00.000Z')
  await register(ann, usd, 'confirmed', '2026-11-02T12:00:00.000Z', {
    status: 'succeeded',
    paidAt: '2026-11-02T12:01:00.000Z',
  })
  await register(ben, usd, 'confirmed', '2026-11-05T12:00:00.000Z', {
    status: 'succeeded',
    paidAt: '2026-11-05T12:01:00.000Z',
  })
  await register(ann, othersEvent, 'confirmed', '2026-11-02T12:00:00.000Z')

  for (const [person, seconds] of [
    [ann, 600],
    [ben, 1200],
  ] as const) {
    await payload.create({
      collection: 'attendance',
      data: {
        event: paid.id,
        user: person.user.id,
        firstSeenAt: FAR_FUTURE,
        lastSeenAt: FAR_FUTURE,
        watchSeconds: seconds,
      },
      overrideAccess: true,
    })
  }
  for (const [kind, hidden] of [
    ['chat', false],
    ['chat', false],
    ['chat', true],
    ['question', false],
  ] as const) {
    await payload.create({
      collection: 'chat-messages',
      data: {
        event: paid.id,
        user: ann.user.id,
        authorName: 'Ann Able',
        message: 'hi',
        kind,
        hidden,
        sentAt: FAR_FUTURE,
      },
      overrideAccess: true,
    })
  }
})
afterAll(async () => {
  await closePayload(payload)
})

const dashboard = (user: TestUser | undefined, query = RANGE) =>
  api('GET', `/analytics/organizer?${query}`, { token: user?.token })

describe('organizer dashboard figures (hand-computed)', () => {
  it('counts seats, waitlist and attendance per event', async () => {
    const res = await dashboard(organizer)
    expect(res.status).toBe(200)
    expect(res.body.events).toEqual([
      expect.objectContaining({
        title: 'Paid Workshop',
        capacity: 10,
        confirmed: 2,
        pending: 1,
        waitlisted: 1,
        cancelled: 1,
        attended: 2,
        fill: 0.3,
      }),
      expect.objectContaining({ title: 'Dollar Talk', capacity: 4, confirmed: 2, fill: 0.5 }),
    ])
    expect(res.body.attendance).toEqual({ registered: 4, attended: 2, averageWatchSeconds: 900 })
    expect(res.body.chat).toEqual({ messages: 3, questions: 1, hidden: 1 })
  })

  it('counts registrations per day across the range, quiet days included', async () => {
    const res = await dashboard(organizer)
    expect(res.body.registrationsByDay).toEqual([
      { day: '2026-11-01', registrations: 2, cancellations: 0 },
      { day: '2026-11-02', registrations: 2, cancellations: 1 },
      { day: '2026-11-03', registrations: 2, cancellations: 0 },
      { day: '2026-11-04', registrations: 0, cancellations: 0 },
      { day: '2026-11-05', registrations: 1, cancellations: 0 },
      { day: '2026-11-06', registrations: 0, cancellations: 0 },
      { day: '2026-11-07', registrations: 0, cancellations: 0 },
    ])
    const narrow = await dashboard(organizer, 'from=2026-11-02&to=2026-11-02')
    expect(narrow.body.registrationsByDay).toEqual([
      { day: '2026-11-02', registrations: 2, cancellations: 1 },
    ])
    expect(narrow.body.revenue).toEqual([
      { currency: 'EUR', gross: 1000, refunded: 1000, net: 0, payments: 1 },
      { currency: 'USD', gross: 500, refunded: 0, net: 500, payments: 1 },
    ])
  })

  it('sums revenue by currency: gross, refunded and net, in minor units', async () => {
    const res = await dashboard(organizer)
    expect(res.body.revenue).toEqual([
      { currency: 'EUR', gross: 3000, refunded: 1000, net: 2000, payments: 3 },
      { currency: 'USD', gross: 1000, refunded: 0, net: 1000, payments: 2 },
    ])
  })

  it('measures checkout conversion: started checkouts that were paid', async () => {
    const today = new Date().toISOString().slice(0, 10)
    const res = await dashboard(organizer, `from=${today}&to=${today}`)
    expect(res.body.checkouts).toEqual({ started: 6, paid: 5, conversion: 5 / 6 })
  })

  it('narrows to one event', async () => {
    const res = await dashboard(organizer, `${RANGE}&event=${usd.id}`)
    expect(res.body.events.map((event: { title: string }) => event.title)).toEqual(['Dollar Talk'])
    expect(res.body.revenue).toEqual([
      { currency: 'USD', gross: 1000, refunded: 0, net: 1000, payments: 2 },
    ])
  })
})

describe('who sees the figures', () => {
  it('refuses anonymous visitors and attendees', async () => {
    expect((await dashboard(undefined)).status).toBe(401)
    expect((await dashboard(attendees[0])).status).toBe(403)
  })

  it('shows another organizer only their own events, and refuses ours by id', async () => {
    const theirs = await dashboard(otherOrganizer)
    expect(theirs.body.events.map((event: { title: string }) => event.title)).toEqual([
      'Somebody Else’s',
    ])
    expect(theirs.body.revenue).toEqual([])
    expect((await dashboard(otherOrganizer, `${RANGE}&event=${paid.id}`)).status).toBe(403)
  })

  it('lets admins see any organizer’s dashboard', async () => {
    const asAdmin = await dashboard(admin, `${RANGE}&organizer=${organizer.user.id}`)
    const own = await dashboard(organizer)
    expect(asAdmin.body).toEqual(own.body)
  })

  it('names the bad parameter', async () => {
    const res = await dashboard(organizer, 'from=yesterday')
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors[0].path).toBe('from')
    const backwards = await dashboard(organizer, 'from=2026-11-07&to=2026-11-01')
    expect(backwards.status).toBe(400)
  })
})

describe('attendee list and CSV export', () => {
  const list = (user: TestUser | undefined, event: Event, query = '') =>
    api('GET', `/events/${event.id}/attendees${query}`, { token: user?.token })

  it('lists the registrants with payment and attendance, filtered and searched', async () => {
    const all = await list(organizer, paid)
    expect(all.status).toBe(200)
    expect(all.body.attendees.map((row: { name: string }) => row.name)).toEqual([
      'Ann Able',
      'Ben "Benny" Baker, Jr.',
      'Cleo Cancel',
      'Dan Pending',
      'Eve Waiting',
    ])
    expect(all.body.attendees[0]).toMatchObject({
      status: 'confirmed',
      paymentStatus: 'succeeded',
      amount: 1000,
      currency: 'EUR',
      attended: true,
      watchMinutes: 10,
    })
    const confirmed = await list(organizer, paid, '?status=confirmed')
    expect(confirmed.body.attendees).toHaveLength(2)
    const search = await list(organizer, paid, '?q=cancel')
    expect(search.body.attendees.map((row: { name: string }) => row.name)).toEqual(['Cleo Cancel'])
    const wildcard = await list(organizer, paid, '?q=%25')
    expect(wildcard.body.attendees).toHaveLength(0)
  })

  it('exports the filtered list as CSV a spreadsheet opens: BOM, header, quoting', async () => {
    const res = await api('GET', `/events/${paid.id}/attendees?format=csv&status=confirmed`, {
      token: organizer.token,
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/csv')
    expect(res.headers.get('content-disposition')).toContain('attendees-paid-workshop.csv')
    const text = String(res.body)
    expect(text.charCodeAt(0)).toBe(0xfeff)
    const lines = text.slice(1).trim().split('\n')
    expect(lines[0]).toBe(
      'Name,Email,Status,Registered at (UTC),Payment,Amount (minor units),Currency,Attended,Watched (minutes),Ticket type,Promo code',
    )
    expect(lines).toHaveLength(3)
    expect(lines[2]).toContain('"Ben ""Benny"" Baker, Jr."')
    expect(lines[1]).toMatch(
      /^Ann Able,user-.*,confirmed,2026-11-01T09:00:00.000Z,succeeded,1000,EUR,yes,10,,$/,
    )
  })

  it('is refused to other organizers, attendees and anonymous visitors', async () => {
    expect((await list(otherOrganizer, paid)).status).toBe(403)
    expect((await list(otherOrganizer, paid, '?format=csv')).status).toBe(403)
    expect((await list(attendees[0], paid)).status).toBe(403)
    expect((await list(undefined, paid)).status).toBe(401)
    expect((await list(admin, paid)).body.attendees).toHaveLength(5)
  })
})
