import { gzipSync } from 'node:zlib'

import { expect, test, type Page, type Response } from '@playwright/test'

import { formatTime } from '../src/lib/format'
import { expectAccessible, logIn } from './helpers'
import { CMS_URL } from './ports'

const PHONE = { width: 390, height: 844 }
const LIVE = 'Live Now: Hello from Event Portal'
const RECORDED = 'Replay: Realtime Chat Deep Dive'
const ENDED = 'Intro to Observability'

async function cms(method: string, path: string, body?: unknown, token?: string) {
  const response = await fetch(`${CMS_URL}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(token ? { Authorization: `JWT ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as Record<string, any> }
}

/** A fresh attendee, so no other test's bookings are in the way. */
async function newAttendee(name: string) {
  const email = `${name.toLowerCase().replace(/\W+/g, '-')}-${Date.now()}@example.com`
  const password = 'a-long-password'
  const { body } = await cms('POST', '/api/auth/register', { name, email, password })
  return { email, password, token: body.token as string, id: body.user.id as number }
}

const card = (page: Page, title: string) =>
  page.getByRole('article').filter({ has: page.getByRole('link', { name: title, exact: true }) })

/** Every script the page runs, in bytes as sent and gzipped. */
async function scriptBytes(page: Page, path: string) {
  const external: Buffer[] = []
  const collect = async (response: Response) => {
    if (response.request().resourceType() === 'script') external.push(await response.body())
  }
  page.on('response', collect)
  await page.goto(path, { waitUntil: 'networkidle' })
  page.off('response', collect)
  const inline = await page
    .locator('script:not([src]):not([type="application/ld+json"])')
    .evaluateAll((scripts) => scripts.map((script) => script.textContent ?? ''))
  const all = [...external, ...inline.map((text) => Buffer.from(text))]
  return {
    raw: all.reduce((sum, script) => sum + script.length, 0),
    gzipped: all.reduce((sum, script) => sum + gzipSync(script).length, 0),
  }
}

test.describe('finding what is live and what can be watched on demand', () => {
  test('the home page has Live now and On demand beside what is coming up', async ({ page }) => {
    await page.goto('/')
    const live = page.getByRole('region', { name: 'Live now' })
    await expect(card(page, LIVE).getByText('Live now', { exact: true })).toBeVisible()
    await expect(live.getByRole('link', { name: LIVE })).toBeVisible()
    const onDemand = page.getByRole('region', { name: 'On demand' })
    await expect(onDemand.getByRole('link', { name: RECORDED })).toBeVisible()
    await expect(card(page, RECORDED).getByText('On demand', { exact: true })).toBeVisible()
    // A past event without a recording is not "on demand".
    await expect(onDemand.getByRole('link', { name: ENDED })).toHaveCount(0)
    const comingUp = page.getByRole('region', { name: 'Coming up' })
    await expect(comingUp.getByRole('link', { name: LIVE })).toHaveCount(0)
    await expect(comingUp.getByRole('link', { name: 'TypeScript in Production' })).toBeVisible()
    await expectAccessible(page)
  })

  test('/events lists upcoming, live or past events, chosen in the URL', async ({ page }) => {
    await page.goto('/events')
    await expect(page.getByRole('link', { name: 'TypeScript in Production' })).toBeVisible()
    await expect(page.getByRole('link', { name: LIVE })).toHaveCount(0)
    await expect(page.getByRole('link', { name: RECORDED })).toHaveCount(0)

    await page.getByLabel('Show').selectOption({ label: 'Live now' })
    await page.getByRole('button', { name: 'Show events' }).click()
    await expect(page).toHaveURL(/[?&]show=live/)
    await expect(page.getByRole('heading', { level: 1, name: 'Live now' })).toBeVisible()
    await expect(card(page, LIVE).getByText('Live now', { exact: true })).toBeVisible()
    await expect(page.getByRole('link', { name: 'TypeScript in Production' })).toHaveCount(0)

    await page.getByLabel('Show').selectOption({ label: 'Past and on demand' })
    await page.getByRole('button', { name: 'Show events' }).click()
    await expect(page).toHaveURL(/[?&]show=past/)
    await expect(card(page, RECORDED).getByText('On demand', { exact: true })).toBeVisible()
    await expect(card(page, ENDED).getByText('Ended', { exact: true })).toBeVisible()
    await expect(card(page, ENDED).getByText('On demand', { exact: true })).toHaveCount(0)
    // Most recent first, and the form says so.
    const titles = await page.getByRole('article').getByRole('heading').allTextContents()
    expect(titles.indexOf(RECORDED)).toBeLessThan(titles.indexOf(ENDED))
    await expect(page.getByLabel('Sort by').locator('option:checked')).toHaveText(
      'Date (most recent first)',
    )
    await expect(page.getByRole('link', { name: LIVE })).toHaveCount(0)
    await expectAccessible(page)

    // The choice is the URL: a shared link opens the same list.
    await page.goto('/events?show=live')
    await expect(page.getByLabel('Show')).toHaveValue('live')
  })

  test('an ended event offers its replay only when there is a recording', async ({ page }) => {
    await page.goto('/events/replay-realtime-chat-deep-dive')
    await expect(
      page.getByText('Its recording is on demand for registered attendees'),
    ).toBeVisible()
    await expect(page.getByRole('link', { name: 'Watch the replay' })).toHaveAttribute(
      'href',
      '/events/replay-realtime-chat-deep-dive/watch',
    )
  })

  test('the CMS says whether a recording exists, but never where it is', async ({ request }) => {
    const response = await request.get(
      `${CMS_URL}/api/events?where[slug][equals]=replay-realtime-chat-deep-dive&depth=0`,
    )
    const [event] = (await response.json()).docs
    expect(event.hasRecording).toBe(true)
    expect(event).not.toHaveProperty('recordingUrl')
    expect(event).not.toHaveProperty('videoUrl')
  })
})

test.describe('a visitor in New York', () => {
  test.use({ timezoneId: 'America/New_York' })

  test('sees card times in their own zone, named, from a page with under 2 KB of script', async ({
    page,
  }) => {
    await page.goto('/events')
    const time = card(page, 'TypeScript in Production').locator('time')
    const iso = (await time.getAttribute('datetime'))!
    // The event is in Berlin; the card says when that is in New York, and says so.
    await expect(time).toHaveText(formatTime('short', iso, 'America/New_York'))
    await expect(time).toHaveText(/Eastern (Standard|Daylight) Time$/)
    await expect(time).toHaveAttribute(
      'title',
      `Event time: ${formatTime('short', iso, 'Europe/Berlin')}`,
    )

    for (const path of ['/', '/events', '/events?show=past', '/categories/technology']) {
      const { raw } = await scriptBytes(page, path)
      expect(raw, `${path} ships ${raw} bytes of JavaScript`).toBeLessThan(2048)
    }
  })

  test('without JavaScript, cards show the event’s own zone, named', async ({ browser }) => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      timezoneId: 'America/New_York',
    })
    const page = await context.newPage()
    await page.goto('/events')
    const time = card(page, 'TypeScript in Production').locator('time')
    const iso = (await time.getAttribute('datetime'))!
    await expect(time).toHaveText(formatTime('short', iso, 'Europe/Berlin'))
    await expect(time).toHaveText(/CES?T$/)
    await context.close()
  })
})

test.describe('on a phone', () => {
  test.use({ viewport: PHONE, isMobile: true, hasTouch: true })

  test('the event page shows date, price, seats and the button before the description', async ({
    page,
  }) => {
    await page.goto('/events/typescript-in-production')
    const description = page.getByText('Patterns for large TypeScript codebases')
    const top = async (locator: ReturnType<Page['locator']>) => (await locator.boundingBox())!.y
    const descriptionTop = await top(description)
    const tickets = page.getByRole('complementary', { name: 'Tickets and times' })
    for (const fact of ['Starts', 'Price', 'Seats']) {
      expect(await top(tickets.getByText(fact, { exact: true })), fact).toBeLessThan(descriptionTop)
    }
    expect(await top(page.getByRole('button', { name: 'Register for free' }))).toBeLessThan(
      descriptionTop,
    )
    // And the button is within the first two screens, not below the whole description.
    expect(await top(page.getByRole('button', { name: 'Register for free' }))).toBeLessThan(
      PHONE.height * 2,
    )
    await expectAccessible(page)
  })

  test('the /events filters fold away until asked for, and still work without JavaScript', async ({
    browser,
  }) => {
    const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto('/events')
    const disclosure = page.getByText('Filters', { exact: true })
    await expect(disclosure).toBeVisible()
    await expect(page.getByLabel('Category')).toBeHidden()
    // The first event is on the first screen, not below a form.
    expect((await page.getByRole('article').first().boundingBox())!.y).toBeLessThan(PHONE.height)

    await disclosure.click()
    await expect(page.getByLabel('Category')).toBeVisible()
    await page.getByLabel('Category').selectOption({ label: 'Design' })
    await page.getByRole('button', { name: 'Show events' }).click()
    await expect(page).toHaveURL(/category=design/)
    await expect(page.getByText('Filters (1 active)')).toBeVisible()
    await expect(page.getByRole('link', { name: 'Typography for the Web' })).toBeVisible()
    await context.close()
  })

  test('the folded filters are accessible, open and closed', async ({ page }) => {
    await page.goto('/events')
    await expectAccessible(page)
    await page.getByText('Filters', { exact: true }).click()
    await expect(page.getByLabel('Show')).toBeVisible()
    await expectAccessible(page)
  })
})

test('on a wide screen the filters are simply there, with no disclosure to open', async ({
  page,
}) => {
  await page.goto('/events')
  await expect(page.getByLabel('Category')).toBeVisible()
  await expect(page.getByText('Filters', { exact: true })).toBeHidden()
})

test('a logged-out visitor can sign up right from the event, and comes back to it', async ({
  page,
}) => {
  await page.goto('/events/founders-fireside-pricing')
  const tickets = page.getByRole('complementary', { name: 'Tickets and times' })
  await expect(tickets.getByRole('link', { name: 'Log in', exact: true })).toBeVisible()
  await tickets.getByRole('link', { name: 'Sign up', exact: true }).click()
  await expect(page).toHaveURL(/\/signup\?next=%2Fevents%2Ffounders-fireside-pricing/)
  await page.getByLabel('Name').fill('Sam Signup')
  await page.getByLabel('Email').fill(`sam-${Date.now()}@example.com`)
  await page.getByLabel('Password').fill('a-long-password')
  await page.getByRole('button', { name: 'Sign up' }).click()
  await expect(page).toHaveURL(/\/events\/founders-fireside-pricing$/)
  await expect(
    page.getByRole('complementary', { name: 'Tickets and times' }).getByRole('link', {
      name: 'Sign up',
    }),
  ).toHaveCount(0)
})

test('the site has a favicon, in SVG with an ICO fallback', async ({ page, request }) => {
  await page.goto('/')
  await expect(page.locator('link[rel="icon"][type="image/svg+xml"]')).toHaveAttribute(
    'href',
    '/favicon.svg',
  )
  await expect(page.locator('link[rel="icon"][sizes="32x32"]')).toHaveAttribute(
    'href',
    '/favicon.ico',
  )
  const svg = await request.get('/favicon.svg')
  expect(svg.status()).toBe(200)
  expect(svg.headers()['content-type']).toContain('image/svg+xml')
  const ico = await request.get('/favicon.ico')
  expect(ico.status()).toBe(200)
  // An ICO file starts with reserved 0, type 1.
  expect([...(await ico.body()).subarray(0, 4)]).toEqual([0, 0, 1, 0])
  expect((await request.get('/apple-touch-icon.png')).status()).toBe(200)
})

test('the chat and Q&A tabs mark the selected one, for screen readers and by sight', async ({
  page,
}) => {
  await logIn(
    page,
    'carol@example.com',
    'demo-user-3',
    '/events/live-now-hello-from-event-portal/watch',
  )
  const chat = page.getByRole('tab', { name: 'Chat' })
  const questions = page.getByRole('tab', { name: /Q&A/ })
  await expect(chat).toHaveAttribute('aria-selected', 'true')
  await expect(questions).not.toHaveAttribute('aria-selected', 'true')
  const look = (tab: typeof chat) =>
    tab.evaluate((element) => {
      const style = getComputedStyle(element)
      return `${style.color} ${style.borderBottomColor} ${style.backgroundColor} ${style.fontWeight}`
    })
  const selectedLook = await look(chat)
  expect(await look(questions)).not.toBe(selectedLook)

  await questions.click()
  await expect(questions).toHaveAttribute('aria-selected', 'true')
  await expect(chat).not.toHaveAttribute('aria-selected', 'true')
  expect(await look(questions)).toBe(selectedLook)
  await expectAccessible(page)
})

test('the event page ships at most 60 KB of gzipped JavaScript', async ({ page }) => {
  const { gzipped } = await scriptBytes(page, '/events/typescript-in-production')
  test.info().annotations.push({
    type: 'event page JavaScript',
    description: `${(gzipped / 1024).toFixed(1)} KB gzipped`,
  })
  // The checkout island works: it hydrated and is ready to take a click.
  await expect(page.getByRole('button', { name: 'Register for free' })).toBeVisible()
  expect(gzipped).toBeLessThanOrEqual(60 * 1024)
})

test('/account keeps a cancelled, refunded booking with a receipt written for people', async ({
  page,
}) => {
  const attendee = await newAttendee('Rita Refund')
  await logIn(page, attendee.email, attendee.password, '/events/accessible-design-systems')
  await page.getByRole('button', { name: /Buy ticket/ }).click()
  await expect(page.getByText('Local test checkout')).toBeVisible()
  await page.getByRole('button', { name: /^Pay/ }).click()
  await expect(page).toHaveURL(/\/checkout\/success/)

  await page.goto('/account')
  const upcoming = page.getByRole('region', { name: 'Upcoming' })
  const receipt = /€49\.00 paid on \d{1,2} [A-Z][a-z]+ 20\d\d for Accessible Design Systems\./
  await expect(upcoming.getByText(receipt)).toBeVisible()
  await expect(page.getByText(/payment #/i)).toHaveCount(0)

  // Cancelled through the CMS, as the account's cancel button does.
  const mine = await cms('GET', '/api/registrations/me', undefined, attendee.token)
  const registration = mine.body.docs.find(
    (doc: { event: { slug: string } }) => doc.event.slug === 'accessible-design-systems',
  )
  expect(
    (await cms('DELETE', `/api/registrations/${registration.id}`, undefined, attendee.token))
      .status,
  ).toBe(200)

  await page.reload()
  await expect(page.getByRole('region', { name: 'Upcoming' })).toHaveCount(0)
  const cancelled = page.getByRole('region', { name: 'Cancelled' })
  const row = cancelled.getByRole('listitem').filter({ hasText: 'Accessible Design Systems' })
  await expect(row.getByText('Cancelled', { exact: true })).toBeVisible()
  await expect(row.getByText(receipt)).toBeVisible()
  await expect(row.getByText('Refunded', { exact: true })).toBeVisible()
  await expect(row.getByText(/Refunded on \d{1,2} [A-Z][a-z]+ 20\d\d/)).toBeVisible()
  await expectAccessible(page)
})

test.describe('the profile page', () => {
  test('changes the name', async ({ page }) => {
    const attendee = await newAttendee('Nora Name')
    await logIn(page, attendee.email, attendee.password, '/account')
    await page.getByRole('link', { name: 'Edit your profile' }).click()
    const name = page.getByRole('region', { name: 'Name' })
    await expect(name.getByLabel('Name')).toHaveValue('Nora Name')
    await name.getByLabel('Name').fill('Nora Renamed')
    await name.getByRole('button', { name: 'Save name' }).click()
    await expect(name.getByRole('status')).toHaveText('Your name is saved.')
    await expect(name.getByLabel('Name')).toHaveValue('Nora Renamed')
    await expectAccessible(page)
    await page.goto('/account')
    await expect(page.getByText('Logged in as Nora Renamed')).toBeVisible()

    // An empty name is refused beside the field.
    await page.goto('/account/profile')
    await page.getByRole('region', { name: 'Name' }).getByLabel('Name').fill(' ')
    await page.getByRole('button', { name: 'Save name' }).click()
    await expect(page.getByText('Enter your name.')).toBeVisible()
  })

  test('is only for the person logged in', async ({ page }) => {
    await page.goto('/account/profile')
    await expect(page).toHaveURL(/\/login\?next=(%2F|\/)account(%2F|\/)profile$/)
  })

  // The refusals of a missing or wrong current password are the CMS's rule (the trust-cms
  // change: 400 CURRENT_PASSWORD_REQUIRED / CURRENT_PASSWORD_WRONG on PATCH /api/users/:id).
  test('changes the email and the password only with the current password', async ({ page }) => {
    const attendee = await newAttendee('Erin Email')
    await logIn(page, attendee.email, attendee.password, '/account/profile')

    const email = page.getByRole('region', { name: 'Email' })
    const newEmail = `erin-new-${Date.now()}@example.com`
    await email.getByLabel('New email').fill(newEmail)
    await email.getByLabel('Current password').fill('not-my-password')
    await email.getByRole('button', { name: 'Change email' }).click()
    await expect(
      page.getByRole('region', { name: 'Email' }).getByText('That is not your current password.'),
    ).toBeVisible()
    const refused = await cms('GET', '/api/users/me', undefined, attendee.token)
    expect(refused.body.user.email).toBe(attendee.email)

    // Straight to the CMS without the current password: refused, with the field named.
    const bare = await cms(
      'PATCH',
      `/api/users/${attendee.id}`,
      { email: newEmail },
      attendee.token,
    )
    expect(bare.status).toBe(400)
    expect(bare.body.errors[0].data).toMatchObject({
      path: 'currentPassword',
      code: 'CURRENT_PASSWORD_REQUIRED',
    })

    await page.getByRole('region', { name: 'Email' }).getByLabel('New email').fill(newEmail)
    await page
      .getByRole('region', { name: 'Email' })
      .getByLabel('Current password')
      .fill(attendee.password)
    await page.getByRole('button', { name: 'Change email' }).click()
    await expect(page.getByRole('region', { name: 'Email' }).getByRole('status')).toContainText(
      'Your email address is changed.',
    )
    await expect(page.getByText(`Now: ${newEmail}`)).toBeVisible()

    const password = page.getByRole('region', { name: 'Password' })
    await password.getByLabel('Current password').fill('not-my-password')
    await password.getByLabel('New password', { exact: true }).fill('a-newer-password')
    await password.getByLabel('Repeat the new password').fill('a-newer-password')
    await password.getByRole('button', { name: 'Change password' }).click()
    await expect(
      page
        .getByRole('region', { name: 'Password' })
        .getByText('That is not your current password.'),
    ).toBeVisible()

    const again = page.getByRole('region', { name: 'Password' })
    await again.getByLabel('Current password').fill(attendee.password)
    await again.getByLabel('New password', { exact: true }).fill('a-newer-password')
    await again.getByLabel('Repeat the new password').fill('a-newer-password')
    await again.getByRole('button', { name: 'Change password' }).click()
    await expect(page.getByRole('region', { name: 'Password' }).getByRole('status')).toHaveText(
      'Your password is changed.',
    )
    await expectAccessible(page)

    // The new email and password are the ones that log in now.
    await page.getByRole('button', { name: 'Log out' }).click()
    await logIn(page, newEmail, 'a-newer-password', '/account')
    await expect(page.getByText(`(${newEmail})`)).toBeVisible()
  })
})
