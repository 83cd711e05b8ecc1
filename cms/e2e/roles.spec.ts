import AxeBuilder from '@axe-core/playwright'
import { expect, test, type APIRequestContext, type Page } from '@playwright/test'

import { formatPrice, formatShort } from '../../site/src/lib/format.ts'

const OLIVIA = ['olivia@example.com', 'demo-organizer-1'] as const
const ADMIN = ['admin@example.com', 'demo-admin-1'] as const

async function logIn(page: Page, [email, password]: readonly [string, string]) {
  await page.goto('/admin/login')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Login' }).click()
  await expect(page).toHaveURL(/\/admin\/?$/)
}

async function logOut(page: Page) {
  await page.goto('/admin/logout')
  await expect(page).toHaveURL(/\/admin\/login/)
}

async function apiToken(request: APIRequestContext, [email, password]: readonly [string, string]) {
  const response = await request.post('/api/auth/login', { data: { email, password } })
  expect(response.ok()).toBe(true)
  return (await response.json()).token as string
}

/** Payload's searchable selects: type part of the option, then pick it. */
async function choose(page: Page, fieldId: string, search: string, option: string) {
  const input = page.locator(`#${fieldId}`).getByRole('combobox')
  await input.click()
  await input.fill(search)
  await page.getByRole('option', { name: option, exact: true }).click()
  await expect(page.locator(`#${fieldId}`)).toContainText(option)
}

async function createDraft(request: APIRequestContext, token: string, title: string) {
  const created = await request.post('/api/events', {
    headers: { Authorization: `JWT ${token}` },
    data: {
      title,
      startTime: '2031-05-01T18:00',
      timezone: 'Europe/Berlin',
      duration: 60,
      price: 0,
      currency: 'EUR',
      capacity: 20,
    },
  })
  expect(created.status()).toBe(201)
  return (await created.json()).doc.id as number
}

const workflow = (page: Page) => page.getByRole('region', { name: 'Workflow' })

test.describe('an organizer sets up a paid event without reading docs', () => {
  // The organizer's computer is in New York: what they type is still Berlin time.
  test.use({ timezoneId: 'America/New_York' })

  test('18:00 Europe/Berlin at 15.00 EUR, submitted, published by an admin with the button', async ({
    page,
    request,
  }) => {
    test.slow()
    await logIn(page, OLIVIA)
    await page.goto('/admin/collections/events/create')
    // The stream fields are there while creating, not only after the first save.
    await expect(page.getByLabel('Video Url')).toBeVisible()
    await page.getByLabel('Title').fill('Berlin Evening Masterclass')
    await choose(page, 'field-timezone', 'Berl', 'Europe/Berlin')
    await page.locator('#field-startTime').fill('2031-03-14T18:00')
    await expect(page.getByText('Europe/Berlin (CET)')).toBeVisible()
    await choose(page, 'field-currency', 'EU', 'EUR')
    await page.locator('#field-price').fill('15.00')
    await expect(page.locator('#field-price')).toHaveValue('15.00')

    // Organizers are offered only their own moves.
    await expect(workflow(page).getByRole('button', { name: 'Publish' })).toHaveCount(0)
    await expect(workflow(page).getByRole('button', { name: /Reject/ })).toHaveCount(0)
    await workflow(page).getByRole('button', { name: 'Submit for review' }).click()
    await expect(page).toHaveURL(/\/admin\/collections\/events\/\d+/)
    await expect(page.locator('#field-status')).toContainText('Pending review')
    await expect(workflow(page).getByRole('button', { name: 'Publish' })).toHaveCount(0)
    await expect(workflow(page).getByRole('button', { name: 'Back to draft' })).toBeVisible()
    const eventUrl = page.url()
    const eventId = Number(eventUrl.match(/events\/(\d+)/)![1])

    // REST keeps minor units and the instant in UTC.
    const olivia = await apiToken(request, OLIVIA)
    const stored = await (
      await request.get(`/api/events/${eventId}`, { headers: { Authorization: `JWT ${olivia}` } })
    ).json()
    expect(stored).toMatchObject({
      status: 'pending_review',
      price: 1500,
      currency: 'EUR',
      timezone: 'Europe/Berlin',
      startTime: '2031-03-14T17:00:00.000Z',
    })
    // Reloaded, the form shows what was typed, not the browser's idea of it.
    await page.reload()
    await expect(page.locator('#field-startTime')).toHaveValue('2031-03-14T18:00')
    await expect(page.locator('#field-price')).toHaveValue('15.00')
    await logOut(page)

    await logIn(page, ADMIN)
    await page.goto('/admin/approvals')
    // The queue shows the event's own time, labelled with its zone.
    await expect(page.getByRole('listitem', { name: 'Berlin Evening Masterclass' })).toContainText(
      '14 Mar 2031, 18:00 CET (Europe/Berlin)',
    )
    await page.goto(eventUrl)
    const takeOver = page.getByRole('button', { name: /take over/i })
    await takeOver
      .waitFor({ timeout: 5000 })
      .then(() => takeOver.click())
      .catch(() => undefined)
    await workflow(page).getByRole('button', { name: 'Publish' }).click()
    await expect(page.locator('#field-status')).toContainText('Published')

    // What visitors get, and how the site formats it.
    const published = await request.get(`/api/events/${eventId}`, { headers: { Cookie: '' } })
    expect(published.status()).toBe(200)
    const event = await published.json()
    expect(formatShort(event.startTime, event.timezone)).toMatch(/14 Mar, 18:00 CET$/)
    expect(formatPrice(event.price, event.currency)).toBe('€15.00')

    // The list shows the price and time as people read them.
    await page.goto('/admin/collections/events?search=Berlin%20Evening')
    const row = page.getByRole('row').filter({ hasText: 'Berlin Evening Masterclass' })
    await expect(row).toContainText('€15.00')
    await expect(row).toContainText('18:00 CET (Europe/Berlin)')
  })

  test('a zero-decimal currency is typed as it is paid: ¥1500', async ({ page, request }) => {
    await logIn(page, OLIVIA)
    await page.goto('/admin/collections/events/create')
    await page.getByLabel('Title').fill('Tokyo Tea Ceremony')
    await choose(page, 'field-timezone', 'Tokyo', 'Asia/Tokyo')
    await page.locator('#field-startTime').fill('2031-07-01T10:00')
    await choose(page, 'field-currency', 'JP', 'JPY')
    await page.locator('#field-price').fill('15.5')
    await expect(page.getByRole('alert').filter({ hasText: 'Type an amount in JPY' })).toBeVisible()
    await page.locator('#field-price').fill('1500')
    await page.getByRole('button', { name: 'Save' }).click()
    await expect(page).toHaveURL(/\/admin\/collections\/events\/\d+/)
    const id = Number(page.url().match(/events\/(\d+)/)![1])
    const token = await apiToken(request, OLIVIA)
    const event = await (
      await request.get(`/api/events/${id}`, { headers: { Authorization: `JWT ${token}` } })
    ).json()
    expect(event).toMatchObject({
      price: 1500,
      currency: 'JPY',
      startTime: '2031-07-01T01:00:00.000Z',
    })
  })

  test('switching the currency keeps the typed amount: 15 EUR becomes ¥15, 15.50 asks again', async ({
    page,
    request,
  }) => {
    await logIn(page, OLIVIA)
    await page.goto('/admin/collections/events/create')
    await page.getByLabel('Title').fill('Currency Switch Workshop')
    await choose(page, 'field-timezone', 'Tokyo', 'Asia/Tokyo')
    await page.locator('#field-startTime').fill('2031-07-02T10:00')
    await choose(page, 'field-currency', 'EU', 'EUR')
    await page.locator('#field-price').fill('15.50')
    // Yen have no cents: the organizer is asked again, and ¥1,550 is never saved.
    await choose(page, 'field-currency', 'JP', 'JPY')
    await expect(page.getByRole('alert').filter({ hasText: 'Type an amount in JPY' })).toBeVisible()
    await page.getByRole('button', { name: 'Save' }).click()
    await expect(page).toHaveURL(/\/create/)
    // 15 typed in euros means 15 of whatever currency is chosen: ¥15, stored as 15.
    await page.locator('#field-price').fill('15')
    await choose(page, 'field-currency', 'EU', 'EUR')
    await choose(page, 'field-currency', 'JP', 'JPY')
    await expect(page.locator('#field-price')).toHaveValue('15')
    await page.getByRole('button', { name: 'Save' }).click()
    await expect(page).toHaveURL(/\/admin\/collections\/events\/\d+/)
    const id = Number(page.url().match(/events\/(\d+)/)![1])
    const token = await apiToken(request, OLIVIA)
    const stored = async () =>
      (
        await request.get(`/api/events/${id}`, { headers: { Authorization: `JWT ${token}` } })
      ).json()
    expect(await stored()).toMatchObject({ price: 15, currency: 'JPY' })

    // Back to euros on the saved event: still 15, now 1500 cents.
    await choose(page, 'field-currency', 'EU', 'EUR')
    await expect(page.locator('#field-price')).toHaveValue('15')
    await page.getByRole('button', { name: 'Save' }).click()
    await expect.poll(async () => (await stored()).currency).toBe('EUR')
    expect(await stored()).toMatchObject({ price: 1500, currency: 'EUR' })
    await page.reload()
    await expect(page.locator('#field-price')).toHaveValue('15.00')
  })
})

test('workflow steps wait for unsaved changes and for another person’s edit', async ({
  page,
  browser,
  request,
}) => {
  test.slow()
  const olivia = await apiToken(request, OLIVIA)
  const id = await createDraft(request, olivia, 'Locked Workflow Talk')
  await logIn(page, OLIVIA)
  await page.goto(`/admin/collections/events/${id}`)
  const submit = workflow(page).getByRole('button', { name: 'Submit for review' })
  await expect(submit).toBeEnabled()
  // An edit not yet saved: a workflow step would save it unseen, so it waits.
  await page.getByLabel('Title').fill('Locked Workflow Talk, revised')
  await expect(submit).toBeDisabled()
  await expect(workflow(page)).toContainText('Save or discard your changes first')

  // Meanwhile an admin opens the event Olivia is editing and views it read-only: no step for them.
  const adminContext = await browser.newContext({ baseURL: new URL(page.url()).origin })
  const adminPage = await adminContext.newPage()
  await logIn(adminPage, ADMIN)
  await adminPage.goto(`/admin/collections/events/${id}`)
  await adminPage.getByRole('button', { name: 'View read-only' }).click()
  for (const step of ['Submit for review', 'Cancel event…']) {
    await expect(workflow(adminPage).getByRole('button', { name: step })).toBeDisabled()
  }
  await expect(workflow(adminPage)).toContainText('Someone else is editing this event')
  await adminContext.close()

  // Saved, the step is Olivia's to take again.
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(submit).toBeEnabled()
  await submit.click()
  await expect(page.locator('#field-status')).toContainText('Pending review')
})

test('workflow buttons follow the role; a refused move leaves the saved status shown', async ({
  page,
  request,
}) => {
  const olivia = await apiToken(request, OLIVIA)
  const id = await createDraft(request, olivia, 'Workflow Buttons Talk')
  await logIn(page, OLIVIA)
  await page.goto(`/admin/collections/events/${id}`)
  await expect(workflow(page).getByRole('button')).toHaveText([
    'Submit for review',
    'Cancel event…',
  ])
  // Cancelling asks first, and "Keep it" changes nothing.
  await workflow(page).getByRole('button', { name: 'Cancel event…' }).click()
  await expect(page.getByRole('alertdialog')).toContainText('every payment is refunded')
  await page.getByRole('button', { name: 'Keep it' }).click()
  await expect(page.locator('#field-status')).toContainText('Draft')

  // Meanwhile an admin cancels it: the organizer's submit is refused and not shown as done.
  const admin = await apiToken(request, ADMIN)
  // (Elsewhere, so past the organizer's edit lock.)
  const cancelled = await request.patch(`/api/events/${id}?overrideLock=true`, {
    headers: { Authorization: `JWT ${admin}` },
    data: { status: 'cancelled' },
  })
  expect(cancelled.ok()).toBe(true)
  await workflow(page).getByRole('button', { name: 'Submit for review' }).click()
  await expect(page.getByText(/cannot move from "cancelled"/).first()).toBeVisible()
  await expect(page.locator('#field-status')).not.toContainText('Pending review')
  const after = await (
    await request.get(`/api/events/${id}`, { headers: { Authorization: `JWT ${olivia}` } })
  ).json()
  expect(after.status).toBe('cancelled')
})

test('an admin rejects with a required reason; the organizer reads it', async ({
  page,
  request,
}) => {
  test.slow()
  const olivia = await apiToken(request, OLIVIA)
  const id = await createDraft(request, olivia, 'Needs Another Look')
  const submitted = await request.patch(`/api/events/${id}`, {
    headers: { Authorization: `JWT ${olivia}` },
    data: { status: 'pending_review' },
  })
  expect(submitted.ok()).toBe(true)

  await logIn(page, ADMIN)
  await page.goto(`/admin/collections/events/${id}`)
  await expect(workflow(page).getByRole('button', { name: 'Publish' })).toBeVisible()
  await workflow(page).getByRole('button', { name: 'Reject…' }).click()
  const confirm = workflow(page).getByRole('button', { name: 'Reject with this reason' })
  await expect(confirm).toBeDisabled()
  await workflow(page).getByLabel('Reason for the organizer').fill('Add a speaker bio, please.')
  await confirm.click()
  await expect(page.locator('#field-status')).toContainText('Rejected')
  await logOut(page)

  await logIn(page, OLIVIA)
  await page.goto(`/admin/collections/events/${id}`)
  await expect(page.getByLabel('Rejection Reason')).toHaveValue('Add a speaker bio, please.')
  await expect(workflow(page).getByRole('button')).toHaveText([
    'Back to draft',
    'Submit for review',
  ])
})

test.describe('navigation for people', () => {
  const navLink = (page: Page, href: string) => page.locator(`nav a[href="${href}"]`)

  test('organizers see their tools; internal records are admins’ only', async ({ page }) => {
    await logIn(page, OLIVIA)
    for (const href of [
      '/admin/collections/events',
      '/admin/collections/campaigns',
      '/admin/collections/media',
      '/admin/analytics',
      '/admin/attendees',
      '/admin/moderation',
    ]) {
      await expect(navLink(page, href)).toHaveCount(1)
    }
    for (const slug of [
      'users',
      'registrations',
      'payments',
      'stripe-events',
      'email-deliveries',
      'email-opt-outs',
      'chat-votes',
      'chat-moderation-actions',
      'chat-messages',
      'attendance',
      'pages',
      'categories',
    ]) {
      await expect(navLink(page, `/admin/collections/${slug}`)).toHaveCount(0)
    }
    await logOut(page)

    await logIn(page, ADMIN)
    await expect(navLink(page, '/admin/collections/stripe-events')).toHaveCount(1)
    await expect(navLink(page, '/admin/globals/navigation')).toHaveCount(1)
    await expect(page.getByText('Internal records', { exact: true }).first()).toBeAttached()
  })

  test('event pickers offer an organizer only their own events', async ({ page }) => {
    await logIn(page, OLIVIA)
    await page.goto('/admin/collections/campaigns/create')
    const picker = page.locator('#field-event').getByRole('combobox')
    await picker.click()
    await expect(
      page.getByRole('option', { name: 'Live Now: Hello from Event Portal' }),
    ).toBeVisible()
    await picker.fill('Founders')
    await expect(page.getByRole('option', { name: 'Founders Fireside: Pricing' })).toHaveCount(0)

    await page.goto('/admin/attendees')
    const events = page.getByLabel('Event')
    await expect(
      events.locator('option', { hasText: 'Live Now: Hello from Event Portal' }),
    ).toHaveCount(1)
    await expect(events.locator('option', { hasText: 'Founders Fireside' })).toHaveCount(0)
  })
})

test('attendees name their event and switch events; moderation opens on the live event and updates itself', async ({
  page,
  request,
}) => {
  await logIn(page, OLIVIA)
  await page.goto('/admin/attendees')
  // With no event chosen, the one live now.
  await expect(
    page.getByRole('heading', { level: 2, name: 'Live Now: Hello from Event Portal' }),
  ).toBeVisible()
  await expect(page.getByRole('table', { name: '3 registrants' })).toBeVisible()
  const replay = page.getByLabel('Event').locator('option', { hasText: 'Replay: Realtime Chat' })
  await page.getByLabel('Event').selectOption((await replay.getAttribute('value'))!)
  await expect(
    page.getByRole('heading', { level: 2, name: 'Replay: Realtime Chat Deep Dive' }),
  ).toBeVisible()
  await expect(page).toHaveURL(/\/admin\/attendees\?event=\d+/)

  await page.goto('/admin/moderation')
  const live = page.getByLabel('Event').locator('option', { hasText: 'Live Now: Hello' })
  await expect(page.getByLabel('Event')).toHaveValue((await live.getAttribute('value'))!)
  // Alice writes in the live chat; the moderator's table shows it without a reload.
  const alice = await apiToken(request, ['alice@example.com', 'demo-user-1'])
  const liveId = Number(await page.getByLabel('Event').inputValue())
  const text = `Hello moderators ${Date.now()}`
  const posted = await request.post('/api/chat-messages', {
    headers: { Authorization: `JWT ${alice}` },
    data: { event: liveId, message: text, kind: 'chat' },
  })
  expect(posted.status()).toBe(201)
  await expect(page.getByRole('table', { name: 'Recent messages and questions' })).toContainText(
    text,
    {
      timeout: 20_000,
    },
  )
})

test('the analytics and overview pages arrive with their figures; the chart library loads apart', async ({
  page,
  request,
}) => {
  const admin = await apiToken(request, ADMIN)
  const html = async (path: string) =>
    (await request.get(path, { headers: { Authorization: `JWT ${admin}` } })).text()
  // The figures are in the server's HTML: no script has to run and fetch them first.
  expect(await html('/admin/analytics')).toContain('Seats, waitlist and attendance per event')
  const overview = await html('/admin/overview')
  expect(overview).toContain('Revenue by organizer in the range')
  expect(overview).toContain('Jobs by state')

  await logIn(page, ADMIN)
  // A page without charts does not download the chart library.
  const scripts: string[] = []
  page.on('response', async (response) => {
    if (response.request().resourceType() !== 'script') return
    scripts.push(await response.text().catch(() => ''))
  })
  await page.goto('/admin/collections/events')
  await page.waitForLoadState('networkidle')
  expect(scripts.some((source) => source.includes('recharts-surface'))).toBe(false)

  // Until the figures show (not until every script has loaded). The times go in the report
  // without a bound: these machines are shared, and the HTML checks above are what make it fast.
  for (const [path, table] of [
    ['/admin/analytics', 'Seats, waitlist and attendance per event'],
    ['/admin/overview', 'Revenue by organizer in the range'],
  ] as const) {
    await page.goto(path)
    const started = Date.now()
    await page.goto(path, { waitUntil: 'commit' })
    await expect(page.getByRole('table', { name: table })).toBeVisible()
    const elapsed = Date.now() - started
    test.info().annotations.push({ type: `${path} until figures`, description: `${elapsed} ms` })
  }
  await expect(page.locator('.recharts-surface').first()).toBeVisible()
})

for (const viewport of [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 375, height: 812 },
]) {
  test(`text contrast in the admin passes axe (${viewport.name})`, async ({ page }) => {
    test.slow()
    await page.setViewportSize(viewport)
    const pagesByRole = [
      [OLIVIA, ['/admin', '/admin/analytics', '/admin/collections/events']],
      [ADMIN, ['/admin/overview', '/admin/collections/registrations']],
    ] as const
    for (const [credentials, paths] of pagesByRole) {
      await logIn(page, credentials)
      for (const path of paths) {
        await page.goto(path)
        await expect(page.getByRole('table').first()).toBeVisible()
        const { violations } = await new AxeBuilder({ page })
          .withRules(['color-contrast'])
          .analyze()
        expect(
          violations.flatMap((violation) => violation.nodes.map((node) => node.target)),
          path,
        ).toEqual([])
      }
      await logOut(page)
    }
  })
}

test('on a phone, the organizer finds the workflow and the event’s own time zone', async ({
  page,
  request,
}) => {
  await page.setViewportSize({ width: 390, height: 844 })
  const olivia = await apiToken(request, OLIVIA)
  const id = await createDraft(request, olivia, 'Phone Draft')
  await logIn(page, OLIVIA)
  await page.goto(`/admin/collections/events/${id}`)
  await expect(page.locator('#field-startTime')).toHaveValue('2031-05-01T18:00')
  await expect(page.getByText('Europe/Berlin (CEST)')).toBeVisible()
  await workflow(page).getByRole('button', { name: 'Submit for review' }).scrollIntoViewIfNeeded()
  await workflow(page).getByRole('button', { name: 'Submit for review' }).click()
  await expect(page.locator('#field-status')).toContainText('Pending review')
})

test('editors preview pages and events on the site and edit the site menu', async ({
  page,
  request,
}) => {
  const admin = await apiToken(request, ADMIN)
  const find = async (path: string) =>
    (await (await request.get(path, { headers: { Authorization: `JWT ${admin}` } })).json())
      .docs[0] as { id: number; slug: string }
  const about = await find('/api/pages?where[slug][equals]=about')
  const event = await find('/api/events?where[status][equals]=published&limit=1')
  await logIn(page, ADMIN)
  await page.goto(`/admin/collections/pages/${about.id}`)
  await expect(page.getByRole('link', { name: 'Preview' })).toHaveAttribute(
    'href',
    /\/about\?preview$/,
  )
  await page.goto(`/admin/collections/events/${event.id}`)
  await expect(page.getByRole('link', { name: 'Preview' })).toHaveAttribute(
    'href',
    new RegExp(`/events/${event.slug}\\?preview$`),
  )

  // The site menu: editors set it; anyone (the site) reads it; organizers cannot change it.
  await page.goto('/admin/globals/navigation')
  await expect(page.getByRole('heading', { name: 'Site menu' })).toBeVisible()
  await page.getByRole('button', { name: 'Add Link' }).click()
  await page.getByLabel('Label').fill('All events')
  await page.getByText('An address', { exact: true }).click()
  await page.getByLabel('Url').fill('/events')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByText(/successfully/i).first()).toBeVisible()
  const menu = await (
    await request.get('/api/globals/navigation', { headers: { Cookie: '' } })
  ).json()
  expect(menu.links).toMatchObject([{ label: 'All events', kind: 'url', url: '/events' }])
  const olivia = await apiToken(request, OLIVIA)
  const refused = await request.post('/api/globals/navigation', {
    headers: { Authorization: `JWT ${olivia}` },
    data: { links: [] },
  })
  expect(refused.status()).toBe(403)
})
