import { expect, test } from '@playwright/test'

import { expectAccessible, logIn } from './helpers'

test('a new visitor browses, filters, signs up, registers for a free event, and cancels it', async ({
  page,
}) => {
  // A long journey through many pages; on a busy machine it needs more than the default minute.
  test.setTimeout(120_000)
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expectAccessible(page)

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Events' }).click()
  await expect(page.getByRole('heading', { name: 'Upcoming events' })).toBeVisible()
  await page.getByLabel('Category').selectOption({ label: 'Design' })
  await page.getByLabel('Price', { exact: true }).selectOption({ label: 'Free' })
  await page.getByRole('button', { name: 'Show events' }).click()
  await expect(page).toHaveURL(/category=design/)
  await expect(page).toHaveURL(/price=free/)
  await expect(page.getByRole('link', { name: 'Typography for the Web' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Accessible Design Systems' })).toHaveCount(0)

  // The filters live in the URL, so the back button returns to the unfiltered list.
  await page.goBack()
  await expect(page).not.toHaveURL(/category=/)
  await expect(page.getByRole('link', { name: 'Accessible Design Systems' })).toBeVisible()
  await page.goForward()

  await page.getByRole('link', { name: 'Typography for the Web' }).click()
  await expect(
    page.getByRole('heading', { level: 1, name: 'Typography for the Web' }),
  ).toBeVisible()
  await expect(page.getByRole('button', { name: 'Register for free' })).toBeDisabled()
  await expect(page.getByText('Log in to register for this event.')).toBeVisible()
  await expectAccessible(page)

  await page.getByRole('link', { name: 'Log in', exact: true }).last().click()
  await page.getByRole('link', { name: 'Create an account' }).click()
  const email = `new-${Date.now()}@example.com`
  await page.getByLabel('Name').fill('Nina Newcomer')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill('a-long-password')
  await page.getByRole('button', { name: 'Sign up' }).click()

  // Back on the event, now logged in.
  await expect(page).toHaveURL(/\/events\/typography-for-the-web$/)
  await page.getByRole('button', { name: 'Register for free' }).click()
  await expect(page.getByRole('status')).toContainText('You’re registered')

  await page.getByRole('link', { name: 'My account' }).click()
  await expect(page.getByRole('heading', { name: 'My account' })).toBeVisible()
  const upcoming = page.getByRole('region', { name: 'Upcoming' })
  await expect(
    upcoming.getByRole('link', { name: 'Typography for the Web', exact: true }),
  ).toBeVisible()
  await expect(upcoming.getByRole('link', { name: /Add to calendar/ })).toBeVisible()
  await expectAccessible(page)

  await upcoming
    .getByRole('link', { name: 'Cancel registration for Typography for the Web' })
    .click()
  await expect(page.getByText('Nothing was paid, so there is nothing to refund.')).toBeVisible()
  await page.getByRole('button', { name: 'Yes, cancel my registration' }).click()
  await expect(page.getByRole('status')).toContainText('Your registration is cancelled.')
  await page.goto('/account')
  await expect(page.getByRole('region', { name: 'Upcoming' })).toHaveCount(0)

  await page.getByRole('button', { name: 'Log out' }).click()
  await expect(page.getByRole('link', { name: 'Log in' })).toBeVisible()
  await page.goto('/account')
  await expect(page).toHaveURL(/\/login\?next=/)
})

test('a wrong password is refused with a clear message', async ({ page }) => {
  await page.goto('/login')
  await page.getByLabel('Email').fill('alice@example.com')
  await page.getByLabel('Password').fill('not-her-password')
  await page.getByRole('button', { name: 'Log in' }).click()
  await expect(page.getByRole('alert')).toHaveText(
    'That email and password do not match an account.',
  )
})

test('buying a paid ticket goes through the test checkout and shows the confirmed registration', async ({
  page,
}) => {
  await logIn(page, 'bob@example.com', 'demo-user-2', '/events/postgres-performance-clinic')
  await page.getByRole('button', { name: /Buy ticket/ }).click()
  await page.waitForURL(/\/pay\/|checkout/)
  await expect(page.getByText('Local test checkout')).toBeVisible()
  await page.getByRole('button', { name: /^Pay/ }).click()

  await expect(page).toHaveURL(/\/checkout\/success\?session_id=/)
  await expect(page.getByRole('heading', { name: 'You’re registered' })).toBeVisible()
  await expect(page.getByText('Postgres Performance Clinic')).toBeVisible()
  await expectAccessible(page)

  await page.goto('/account')
  const upcoming = page.getByRole('region', { name: 'Upcoming' })
  await expect(
    upcoming.getByRole('link', { name: 'Postgres Performance Clinic', exact: true }),
  ).toBeVisible()
  await expect(
    upcoming.getByText(
      /US\$25\.00 paid on \d{1,2} [A-Z][a-z]+ 20\d\d for Postgres Performance Clinic\./,
    ),
  ).toBeVisible()
})

test('leaving the test checkout lands on a page that explains what happened', async ({ page }) => {
  await logIn(page, 'carol@example.com', 'demo-user-3', '/events/accessible-design-systems')
  await page.getByRole('button', { name: /Buy ticket/ }).click()
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expect(page).toHaveURL(/\/checkout\/cancelled/)
  await expect(page.getByRole('heading', { name: 'Payment cancelled' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Back to the event' })).toHaveAttribute(
    'href',
    '/events/accessible-design-systems',
  )
  await expectAccessible(page)
})

test('a sold-out event offers the waitlist, and a past event says it ended', async ({ page }) => {
  await page.goto('/events/realtime-apps-with-websockets')
  await expect(page.getByText('Sold out — join the waitlist')).toBeVisible()

  await logIn(page, 'admin@example.com', 'demo-admin-1', '/events/realtime-apps-with-websockets')
  await page.getByRole('button', { name: 'Join the waitlist' }).click()
  await expect(page.getByRole('status')).toContainText('You’re on the waitlist')

  await page.goto('/events/intro-to-observability')
  await expect(page.getByText('This event has ended.').first()).toBeVisible()
  // No recording was made, so there is no replay to offer.
  await expect(page.getByText('There is no recording.')).toBeVisible()
  await expect(page.getByRole('link', { name: 'Watch the replay' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Register for free' })).toBeDisabled()
})

test.describe('a visitor in another time zone', () => {
  test.use({ timezoneId: 'Asia/Tokyo' })

  test('sees the start time in the event’s zone and in their own, both named', async ({ page }) => {
    await page.goto('/events/typescript-in-production')
    await expect(page.getByText(/CET \(Central European Standard Time\)/)).toBeVisible()
    await expect(page.getByText('Your time:')).toBeVisible()
    await expect(page.getByText(/Japan Standard Time \(Asia\/Tokyo\)/)).toBeVisible()
  })
})
