import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'

import { expect, test } from '@playwright/test'
import { simpleParser } from 'mailparser'

import { adminToken, expectAccessible, logIn } from './helpers'
import { CMS_URL, MAIL_DIR, SITE_URL } from './ports'

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
  expect(response.status, `${method} ${route}`).toBeLessThan(300)
  return (await response.json()) as T
}

async function signUp(name: string) {
  const email = `${name.toLowerCase()}-${Date.now()}-${counter++}@booking.test`
  const { token } = await cms<{ token: string }>('POST', '/auth/register', {
    name,
    email,
    password,
  })
  return { email, token }
}

/** A published paid event (€15.00, one seat unless told), as an organizer and an admin make it. */
async function paidEvent(title: string, startsInHours: number, capacity = 1) {
  const admin = await adminToken()
  const { doc } = await cms<{ doc: { id: number; slug: string; title: string } }>(
    'POST',
    '/events',
    {
      title,
      startTime: new Date(Date.now() + startsInHours * 3600_000).toISOString(),
      duration: 60,
      timezone: 'Europe/Berlin',
      capacity,
      price: 1500,
      currency: 'EUR',
      status: 'pending_review',
    },
    admin,
  )
  await cms('PATCH', `/events/${doc.id}`, { status: 'published' }, admin)
  return doc
}

/** Buys the seat through the API and the test checkout's Pay button; waits for the webhook. */
async function buy(eventId: number, token: string) {
  const { url, registration } = await cms<{ url: string; registration: { id: number } }>(
    'POST',
    '/payments/checkout',
    { event: eventId },
    token,
  )
  await fetch(url, { method: 'POST', redirect: 'manual' })
  await expect
    .poll(
      async () => (await cms('GET', `/registrations/${registration.id}`, undefined, token)).status,
    )
    .toBe('confirmed')
  return registration.id
}

async function mailTo(address: string, subject: string) {
  for (const name of await readdir(MAIL_DIR).catch(() => [])) {
    const mail = await simpleParser(await readFile(path.join(MAIL_DIR, name)))
    const to = Array.isArray(mail.to) ? mail.to[0]?.text : mail.to?.text
    if (to?.includes(address) && mail.subject?.includes(subject)) return mail
  }
  return null
}

test('a waitlister of a full paid event gets the offer email, opens its link, pays on the site and is confirmed', async ({
  page,
}) => {
  test.setTimeout(180_000)
  const event = await paidEvent(`Offer Flow ${Date.now()}`, 240)
  const buyer = await signUp('Buyer')
  const registrationId = await buy(event.id, buyer.token)
  const waiting = await signUp('Wanda')
  await cms('POST', '/registrations', { event: event.id, waitlist: true }, waiting.token)
  await cms('DELETE', `/registrations/${registrationId}`, undefined, buyer.token)

  await expect
    .poll(() => mailTo(waiting.email, 'A seat is yours'), { timeout: 90_000 })
    .not.toBeNull()
  const offer = (await mailTo(waiting.email, 'A seat is yours'))!
  const link = (offer.text || String(offer.html)).match(/http:\/\/\S+\/events\/[\w-]+/)?.[0]
  expect(link).toBe(`${SITE_URL}/events/${event.slug}`)

  await logIn(page, waiting.email, password, new URL(link!).pathname)
  await expect(page.getByText('A seat is held for you')).toBeVisible()
  await expect(page.getByText(/held for you until .*\(Central European/)).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Pay · €15.00' }).click()
  await expect(page.getByText('Local test checkout')).toBeVisible()
  await page.getByRole('button', { name: /^Pay/ }).click()
  await expect(page).toHaveURL(/\/checkout\/success\?session_id=/)
  await expect(page.getByRole('heading', { name: 'You’re registered' })).toBeVisible()
  await page.goto('/account')
  await expect(
    page
      .getByRole('region', { name: 'Upcoming' })
      .getByRole('link', { name: event.title, exact: true }),
  ).toBeVisible()
})

test('cancelling a paid ticket says what happens to the money before it is confirmed', async ({
  page,
}) => {
  test.setTimeout(120_000)
  const attendee = await signUp('Carl')
  const early = await paidEvent(`Refundable ${Date.now()}`, 240, 5)
  const late = await paidEvent(`Past Deadline ${Date.now()}`, 10, 5)
  await buy(early.id, attendee.token)
  await buy(late.id, attendee.token)
  await logIn(page, attendee.email, password)

  await page.getByRole('link', { name: `Cancel registration for ${late.title}` }).click()
  await expect(
    page.getByText(/No refund: the refund deadline was .* \(Central European/),
  ).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Yes, cancel my registration' }).click()
  await expect(page.getByRole('status')).toContainText(
    'past the refund deadline, so there is no refund',
  )

  await page.goto('/account')
  await page.getByRole('link', { name: `Cancel registration for ${early.title}` }).click()
  await expect(page.getByText('You will be refunded €15.00')).toBeVisible()
  await page.getByRole('button', { name: 'Yes, cancel my registration' }).click()
  await expect(page.getByRole('status')).toContainText('your payment is refunded')
})
