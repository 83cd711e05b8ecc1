import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'

import { expect, test, type Page } from '@playwright/test'
import { simpleParser } from 'mailparser'

import { adminToken, expectAccessible, logIn } from './helpers'
import { CMS_URL, MAIL_DIR } from './ports'

const password = 'a-long-password'
let counter = 0

async function cms<T = any>(method: string, route: string, body?: unknown, token?: string) {
  const response = await fetch(`${CMS_URL}/api${route}`, {
    method,
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `JWT ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json = (await response.json()) as T
  expect(response.status, `${method} ${route}: ${JSON.stringify(json)}`).toBeLessThan(300)
  return json
}

async function signUp(name: string) {
  const email = `${name.toLowerCase()}-${Date.now()}-${counter++}@tickets.test`
  const { token } = await cms<{ token: string }>('POST', '/auth/register', {
    name,
    email,
    password,
  })
  return { name, email, token }
}

type TicketEvent = {
  id: number
  slug: string
  title: string
  ticketTypes: { id: string; name: string }[]
  questions?: { id: string; label: string }[]
}

/** A published event with ticket types, codes and questions, as an organizer sets it up. */
async function ticketEvent(title: string, fields: Record<string, unknown>, price = 0) {
  const admin = await adminToken()
  const { doc } = await cms<{ doc: TicketEvent }>(
    'POST',
    '/events',
    {
      title: `${title} ${Date.now()}-${counter++}`,
      startTime: new Date(Date.now() + 10 * 24 * 3600_000).toISOString(),
      duration: 60,
      timezone: 'Europe/Berlin',
      capacity: 50,
      price,
      currency: 'EUR',
      status: 'pending_review',
      ...fields,
    },
    admin,
  )
  await cms('PATCH', `/events/${doc.id}`, { status: 'published' }, admin)
  return doc
}

const typeId = (event: TicketEvent, name: string) =>
  event.ticketTypes.find((type) => type.name === name)!.id

async function mailTo(address: string, subject: RegExp) {
  for (const name of await readdir(MAIL_DIR).catch(() => [])) {
    const mail = await simpleParser(await readFile(path.join(MAIL_DIR, name)))
    const to = Array.isArray(mail.to) ? mail.to[0]?.text : mail.to?.text
    if (to?.includes(address) && subject.test(mail.subject ?? '')) return mail
  }
  return null
}

async function jsonLdOffers(page: Page) {
  const jsonLd = JSON.parse(
    (await page.locator('script[type="application/ld+json"]').textContent())!,
  )
  return jsonLd.offers as { name: string; price: string; availability: string }[]
}

for (const [device, viewport] of [
  ['a desktop', { width: 1280, height: 900 }],
  ['a phone', { width: 375, height: 740 }],
] as const) {
  test.describe(`on ${device}`, () => {
    test.use({ viewport })

    test('buys two tickets of two types with a code, answering the question for each attendee', async ({
      page,
    }) => {
      test.setTimeout(150_000)
      const event = await ticketEvent(
        'Two Types',
        {
          ticketTypes: [
            { name: 'Standard', price: 2500 },
            {
              name: 'VIP',
              price: 9000,
              quantity: 3,
              description: 'Front row and the speakers’ dinner',
            },
          ],
          promoCodes: [{ code: 'EARLY20', kind: 'percent', percentOff: 20 }],
          questions: [
            { label: 'T-shirt size', kind: 'single', options: ['S', 'M', 'L'], required: true },
            { label: 'Company', kind: 'text', required: false },
          ],
        },
        2500,
      )
      const buyer = await signUp('Ada')
      await logIn(page, buyer.email, password, `/events/${event.slug}`)

      const tickets = page.getByRole('list').filter({ hasText: 'Front row' })
      await expect(tickets.getByText('3 left')).toBeVisible()
      expect((await jsonLdOffers(page)).map((offer) => [offer.name, offer.price])).toEqual([
        ['Standard', '25.00'],
        ['VIP', '90.00'],
      ])

      await page.getByLabel('Number of Standard tickets').selectOption('1')
      await page.getByLabel('Number of VIP tickets').selectOption('1')
      await expect(page.getByRole('button', { name: 'Buy 2 tickets · €115.00' })).toBeVisible()
      await page.getByLabel('Promo code').fill('early20')
      await page.getByRole('button', { name: 'Apply' }).click()
      await expect(page.getByText('Code EARLY20: 20% off')).toBeVisible()
      await expect(page.getByText('−€23.00')).toBeVisible()

      const first = page.getByRole('group', { name: 'Ticket 1: Standard' })
      await expect(first.getByLabel('Attendee email')).toHaveValue(buyer.email)
      await first.getByLabel('T-shirt size').selectOption('M')
      const second = page.getByRole('group', { name: 'Ticket 2: VIP' })
      await second.getByLabel('Attendee name').fill('Alan Turing')
      await second.getByLabel('Attendee email').fill(`alan-${Date.now()}@tickets.test`)
      await second.getByLabel('T-shirt size').selectOption('L')
      await second.getByLabel('Company').fill('Bletchley')
      await expectAccessible(page)

      await page.getByRole('button', { name: 'Buy 2 tickets · €92.00' }).click()
      await expect(page.getByText('Local test checkout')).toBeVisible()
      await page.getByRole('button', { name: /^Pay/ }).click()
      await expect(page).toHaveURL(/\/checkout\/success\?session_id=/)
      await expect(page.getByRole('heading', { name: 'You’re registered' })).toBeVisible()

      await page.goto('/account')
      const order = page.getByRole('region', { name: 'My orders' })
      await expect(order.getByRole('cell', { name: /^Alan Turing/ })).toBeVisible()
      await expect(order.getByText('Discount (EARLY20): −€23.00')).toBeVisible()
      await expect(order.getByText('Total €92.00')).toBeVisible()
    })
  })
}

test('a sold-out type says so, and one that sells out while choosing is explained', async ({
  page,
}) => {
  test.setTimeout(90_000)
  const event = await ticketEvent('Sold Out Type', {
    ticketTypes: [
      { name: 'Early bird', price: 0, quantity: 1 },
      { name: 'Standard', price: 0, quantity: 2 },
    ],
  })
  const early = await signUp('Eve')
  await cms(
    'POST',
    '/registrations',
    {
      event: event.id,
      items: [
        {
          ticketType: typeId(event, 'Early bird'),
          quantity: 1,
          attendees: [{ name: 'Eve', email: early.email }],
        },
      ],
    },
    early.token,
  )
  const buyer = await signUp('Bob')
  await logIn(page, buyer.email, password, `/events/${event.slug}`)
  await expect(page.getByRole('listitem').filter({ hasText: 'Early bird' }).first()).toContainText(
    'Sold out',
  )
  await expect(page.getByLabel('Number of Early bird tickets')).toHaveCount(0)
  await page.getByLabel('Number of Standard tickets').selectOption('2')

  // Someone else takes one of the two Standard tickets before Bob confirms.
  const other = await signUp('Olga')
  await cms(
    'POST',
    '/registrations',
    {
      event: event.id,
      items: [
        {
          ticketType: typeId(event, 'Standard'),
          quantity: 1,
          attendees: [{ name: 'Olga', email: other.email }],
        },
      ],
    },
    other.token,
  )
  await page
    .getByRole('group', { name: 'Ticket 2: Standard' })
    .getByLabel('Attendee name')
    .fill('Carol')
  await page
    .getByRole('group', { name: 'Ticket 2: Standard' })
    .getByLabel('Attendee email')
    .fill(`carol-${Date.now()}@tickets.test`)
  await page.getByRole('button', { name: 'Register 2 tickets for free' }).click()
  await expect(page.getByRole('alert')).toHaveText(
    'Only 1 Standard ticket is left. Your order now has 1; check it and confirm again.',
  )
  await expect(page.getByLabel('Number of Standard tickets')).toBeFocused()
  await expect(page.getByLabel('Number of Standard tickets')).toHaveValue('1')
  await expect(page.getByLabel('Number of Standard tickets').locator('option')).toHaveText([
    '0',
    '1',
  ])
  await page.getByRole('button', { name: 'Register for free' }).click()
  await expect(page.getByText('You’re registered.')).toBeVisible()
})

test('a hidden type appears only with the code that unlocks it, and can be booked', async ({
  page,
}) => {
  test.setTimeout(90_000)
  const event = await ticketEvent('Hidden Type', {
    ticketTypes: [
      { name: 'Standard', price: 0 },
      { name: 'Speaker', price: 0, hidden: true },
    ],
    promoCodes: [{ code: 'SPEAKERS', kind: 'unlock', appliesTo: ['Speaker'] }],
  })
  const speaker = await signUp('Sam')
  await logIn(page, speaker.email, password, `/events/${event.slug}`)
  await expect(page.getByLabel('Number of Standard tickets')).toBeVisible()
  await expect(page.getByText('Speaker')).toHaveCount(0)

  await page.goto(`/events/${event.slug}?code=WRONG`)
  await expect(page.getByRole('alert')).toHaveText(
    'This promo code is not valid for these tickets.',
  )
  await expect(page.getByText('Speaker')).toHaveCount(0)

  await page.goto(`/events/${event.slug}?code=speakers`)
  await expect(page.getByText('Unlocked by your code')).toBeVisible()
  // The public offers never list a hidden type.
  expect((await jsonLdOffers(page)).map((offer) => offer.name)).toEqual(['Standard'])
  await page.getByLabel('Number of Speaker tickets').selectOption('1')
  await page.getByRole('button', { name: 'Register for free' }).click()
  await expect(page.getByText('You’re registered.')).toBeVisible()
})

test('an attendee someone bought for claims the ticket from the email by signing up', async ({
  page,
}) => {
  test.setTimeout(150_000)
  const event = await ticketEvent('Claim', { ticketTypes: [{ name: 'Standard', price: 0 }] })
  const buyer = await signUp('Bea')
  const friendEmail = `friend-${Date.now()}@tickets.test`
  await cms(
    'POST',
    '/registrations',
    {
      event: event.id,
      items: [
        {
          ticketType: typeId(event, 'Standard'),
          quantity: 2,
          attendees: [
            { name: 'Bea', email: buyer.email },
            { name: 'Fred Friend', email: friendEmail },
          ],
        },
      ],
    },
    buyer.token,
  )
  await expect.poll(() => mailTo(friendEmail, /./), { timeout: 90_000 }).not.toBeNull()
  const mail = (await mailTo(friendEmail, /./))!
  const link = (mail.text || String(mail.html)).match(/http:\/\/\S+\/claim\?token=[\w-]+/)?.[0]
  expect(link).toBeTruthy()

  const claimPath = new URL(link!).pathname + new URL(link!).search

  // The buyer's own account may not take the friend's ticket: the page says whose it is.
  await logIn(page, buyer.email, password, claimPath)
  await page.getByRole('button', { name: 'Claim my ticket' }).click()
  await expect(page.getByRole('alert')).toHaveText(
    `This ticket is for ${friendEmail}. Log out and log in (or sign up) with that address to claim it.`,
  )
  await page.getByRole('button', { name: 'Log out' }).click()

  await page.goto(claimPath)
  await expect(page.getByText(/is waiting for Fred Friend/)).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('link', { name: 'Sign up to claim' }).click()
  await page.getByLabel('Name').fill('Fred Friend')
  await page.getByLabel('Email').fill(friendEmail)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: /Sign up|Create/ }).click()
  await expect(page).toHaveURL(/\/claim\?token=/)
  await page.getByRole('button', { name: 'Claim my ticket' }).click()
  await expect(page.getByRole('status')).toContainText('The ticket is yours.')

  await page.goto('/account')
  await expect(
    page
      .getByRole('region', { name: 'Upcoming' })
      .getByRole('link', { name: event.title, exact: true }),
  ).toBeVisible()
})

test('the buyer cancels one ticket of a paid group in /account and sees its refund first', async ({
  page,
}) => {
  test.setTimeout(150_000)
  const event = await ticketEvent(
    'Group Refund',
    { ticketTypes: [{ name: 'Standard', price: 2500 }] },
    2500,
  )
  const buyer = await signUp('Gina')
  const { url } = await cms<{ url: string }>(
    'POST',
    '/payments/checkout',
    {
      event: event.id,
      items: [
        {
          ticketType: typeId(event, 'Standard'),
          quantity: 2,
          attendees: [
            { name: 'Gina', email: buyer.email },
            { name: 'Hal Helper', email: `hal-${Date.now()}@tickets.test` },
          ],
        },
      ],
    },
    buyer.token,
  )
  await fetch(url, { method: 'POST', redirect: 'manual' })
  await logIn(page, buyer.email, password)
  const order = page.getByRole('region', { name: 'My orders' })
  await expect
    .poll(async () => {
      await page.reload()
      return order.getByText('Confirmed').count()
    })
    .toBe(2)
  await expect(order.getByText('Total €50.00')).toBeVisible()

  await order.getByRole('link', { name: 'Cancel ticket for Hal Helper' }).click()
  await expect(page.getByText('The ticket of Hal Helper (Standard)')).toBeVisible()
  await expect(page.getByText('You will be refunded €25.00')).toBeVisible()
  await page.getByRole('button', { name: 'Yes, cancel my registration' }).click()
  await expect(page.getByRole('status')).toContainText('refunded')

  await page.goto('/account')
  await expect(order.getByRole('row').filter({ hasText: 'Hal Helper' })).toContainText('Cancelled')
  await expect(order.getByRole('row').filter({ hasText: buyer.email })).toContainText('Confirmed')
  await expect(order.getByText('€25.00 refunded')).toBeVisible()
})

test('the demo workshop: two workshop seats with TEAM20 cost €72.00, shown before paying', async ({
  page,
}) => {
  test.setTimeout(120_000)
  const response = await fetch(
    `${CMS_URL}/api/events?where[title][equals]=${encodeURIComponent('Hands-on Workshop: Payload and Astro')}&depth=0`,
  )
  const { docs } = (await response.json()) as { docs: { slug: string }[] }
  const team = await signUp('Teo')
  await logIn(page, team.email, password, `/events/${docs[0]!.slug}`)
  await expect(page.getByText('Free – €45.00')).toBeVisible()
  await page.getByLabel('Number of Workshop seat tickets').selectOption('2')
  await page.getByLabel('Promo code').fill('TEAM20')
  await page.getByRole('button', { name: 'Apply' }).click()
  await expect(page.getByText('Code TEAM20: 20% off')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Buy 2 tickets · €72.00' })).toBeVisible()
  for (const [number, role] of [
    [1, 'Developer'],
    [2, 'Designer'],
  ] as const) {
    const attendee = page.getByRole('group', { name: `Ticket ${number}: Workshop seat` })
    if (number === 2) {
      await attendee.getByLabel('Attendee name').fill('Tia Team')
      await attendee.getByLabel('Attendee email').fill(`tia-${Date.now()}@tickets.test`)
    }
    await attendee.getByLabel('Your role').selectOption(role)
  }
  await page.getByRole('button', { name: 'Buy 2 tickets · €72.00' }).click()
  await expect(page.getByText('Local test checkout')).toBeVisible()
  await expect(page.getByText('Total: €72.00')).toBeVisible()
})
