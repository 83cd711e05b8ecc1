import { expect, test, type APIRequestContext, type Page } from '@playwright/test'

async function logIn(page: Page, email: string, password: string) {
  await page.goto('/admin/login')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Login' }).click()
  await expect(page).toHaveURL(/\/admin\/?$/)
}

async function apiToken(request: APIRequestContext, email: string, password: string) {
  const response = await request.post('/api/auth/login', { data: { email, password } })
  expect(response.ok()).toBe(true)
  return (await response.json()).token as string
}

test('an organizer sees the dashboard as chart and table, and exports an event’s attendees', async ({
  page,
}) => {
  await logIn(page, 'olivia@example.com', 'demo-organizer-1')
  // The admin home shows an organizer their events' figures first.
  await expect(page.getByRole('heading', { name: 'Your events' })).toBeVisible()
  await expect(
    page.getByRole('table', { name: 'Seats, waitlist and attendance per event' }),
  ).toBeVisible()
  // The nav drawer may be closed at this width: check the link, then follow it.
  await expect(
    page.getByRole('navigation', { name: 'Tools' }).getByRole('link', { name: 'Analytics' }),
  ).toHaveAttribute('href', '/admin/analytics')
  await page.goto('/admin/analytics')
  await expect(page.getByRole('heading', { name: 'Analytics', level: 1 })).toBeVisible()
  await expect(page.locator('.recharts-surface').first()).toBeVisible()
  await page.getByText('The numbers, day by day').click()
  await expect(page.getByRole('table', { name: 'Registrations per day (UTC)' })).toBeVisible()
  const seats = page.getByRole('table', { name: 'Seats, waitlist and attendance per event' })
  const row = seats.getByRole('row').filter({ hasText: 'Live Now: Hello from Event Portal' })
  // Capacity 200, the three demo attendees confirmed.
  await expect(row.getByRole('cell').nth(1)).toHaveText('200')
  await expect(row.getByRole('cell').nth(2)).toHaveText('3')
  // Only Olivia's own events: Oscar's never show.
  await expect(seats.getByText('Founders Fireside: Pricing')).toHaveCount(0)

  const download = page.waitForEvent('download')
  await row.getByRole('link', { name: 'Export CSV' }).click()
  const file = await download
  expect(file.suggestedFilename()).toBe('attendees-live-now-hello-from-event-portal.csv')
  const chunks: Buffer[] = []
  for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer)
  const lines = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\n')
  expect(lines[0]).toMatch(/^Name,Email,Status/)
  expect(lines.slice(1).map((line) => line.split(',').slice(0, 3).join(','))).toEqual([
    'Alice Attendee,alice@example.com,confirmed',
    'Bob Attendee,bob@example.com,confirmed',
    'Carol Attendee,carol@example.com,confirmed',
  ])
})

test('an organizer filters and searches an event’s attendee list', async ({ page }) => {
  await logIn(page, 'olivia@example.com', 'demo-organizer-1')
  await page.goto('/admin/analytics')
  const seats = page.getByRole('table', { name: 'Seats, waitlist and attendance per event' })
  await seats
    .getByRole('row')
    .filter({ hasText: 'Live Now: Hello from Event Portal' })
    .getByRole('link', { name: 'List' })
    .click()
  await expect(page.getByRole('heading', { name: 'Attendees', level: 1 })).toBeVisible()
  await expect(page.getByRole('table', { name: '3 registrants' })).toBeVisible()
  await page.getByLabel('Search name or email').fill('bob')
  await expect(page.getByRole('table', { name: '1 registrant' })).toContainText('bob@example.com')
  await page.getByLabel('Status').selectOption('cancelled')
  await expect(page.getByRole('table', { name: '0 registrants' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Export these as CSV' })).toHaveAttribute(
    'href',
    /status=cancelled&q=bob&format=csv$/,
  )
})

test('an organizer hides and restores a chat message, and the audit trail records it', async ({
  page,
}) => {
  await logIn(page, 'olivia@example.com', 'demo-organizer-1')
  await page.goto('/admin/moderation')
  await expect(page.getByRole('heading', { name: 'Chat moderation', level: 1 })).toBeVisible()
  await page.getByLabel('Event').selectOption({ label: 'Replay: Realtime Chat Deep Dive' })
  const recent = page.getByRole('table', { name: 'Recent messages and questions' })
  const row = recent.getByRole('row').filter({ hasText: 'Love the colour bars.' })
  await row.getByRole('button', { name: 'Hide' }).click()
  await expect(row.getByRole('cell', { name: 'hidden', exact: true })).toBeVisible()
  const trail = page.getByRole('table', { name: 'Audit trail' })
  await expect(trail.getByRole('row').filter({ hasText: 'hide' })).toContainText('Olivia Organizer')
  await row.getByRole('button', { name: 'Restore' }).click()
  await expect(row.getByRole('cell', { name: 'visible', exact: true })).toBeVisible()
  // Oscar's events are not Olivia's to moderate.
  await expect(
    page.getByLabel('Event').locator('option', { hasText: 'Founders Fireside' }),
  ).toHaveCount(0)
})

test('an admin approves one event and rejects another with a reason from the queue', async ({
  page,
  request,
}) => {
  const olivia = await apiToken(request, 'olivia@example.com', 'demo-organizer-1')
  const submit = async (title: string) => {
    const created = await request.post('/api/events', {
      headers: { Authorization: `JWT ${olivia}` },
      data: {
        title,
        startTime: '2031-09-01T16:00:00.000Z',
        duration: 60,
        timezone: 'Europe/Berlin',
        price: 0,
        currency: 'EUR',
        capacity: 30,
      },
    })
    expect(created.status()).toBe(201)
    const id = (await created.json()).doc.id as number
    const submitted = await request.patch(`/api/events/${id}`, {
      headers: { Authorization: `JWT ${olivia}` },
      data: { status: 'pending_review' },
    })
    expect(submitted.ok()).toBe(true)
    return id
  }
  const goodId = await submit('Queue: Good Talk')
  const badId = await submit('Queue: Off-topic Talk')

  await logIn(page, 'admin@example.com', 'demo-admin-1')
  await expect(
    page.getByRole('navigation', { name: 'Tools' }).getByRole('link', { name: 'Approval queue' }),
  ).toHaveAttribute('href', '/admin/approvals')
  await page.goto('/admin/approvals')
  const good = page.getByRole('listitem', { name: 'Queue: Good Talk' })
  await expect(good).toContainText('By Olivia')
  await good.getByRole('button', { name: 'Approve and publish' }).click()
  await expect(page.getByText('Published “Queue: Good Talk”.')).toBeVisible()

  const bad = page.getByRole('listitem', { name: 'Queue: Off-topic Talk' })
  await bad.getByRole('button', { name: 'Reject…' }).click()
  await bad.getByLabel('Reason for the organizer').fill('Please pick a topic that fits the portal.')
  await bad.getByRole('button', { name: 'Reject with this reason' }).click()
  await expect(page.getByText('Rejected “Queue: Off-topic Talk”.')).toBeVisible()
  await expect(page.getByRole('listitem', { name: /Queue:/ })).toHaveCount(0)

  const decisions = page.getByRole('table')
  await expect(
    decisions.getByRole('row').filter({ hasText: 'Queue: Off-topic Talk' }),
  ).toContainText('Please pick a topic that fits the portal.')
  // The organizer sees the outcome and the reason on the event.
  const headers = { Authorization: `JWT ${olivia}` }
  const approved = await (await request.get(`/api/events/${goodId}`, { headers })).json()
  expect(approved.status).toBe('published')
  const rejected = await (await request.get(`/api/events/${badId}`, { headers })).json()
  expect(rejected).toMatchObject({
    status: 'rejected',
    rejectionReason: 'Please pick a topic that fits the portal.',
  })
})

test('an admin sees the site overview: events by state, revenue tables and the email queue', async ({
  page,
}) => {
  await logIn(page, 'admin@example.com', 'demo-admin-1')
  await page.goto('/admin/overview')
  await expect(page.getByRole('heading', { name: 'Site overview', level: 1 })).toBeVisible()
  await expect(page.getByText('Events published')).toBeVisible()
  await expect(page.getByRole('table', { name: 'Revenue by organizer in the range' })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Jobs by state' })).toBeVisible()
})

test('an attendee cannot open the tools', async ({ page, request }) => {
  const alice = await apiToken(request, 'alice@example.com', 'demo-user-1')
  const figures = await request.get('/api/analytics/organizer', {
    headers: { Authorization: `JWT ${alice}` },
  })
  expect(figures.status()).toBe(403)
  await logIn(page, 'oscar@example.com', 'demo-organizer-2')
  await page.goto('/admin/approvals')
  await expect(page.getByText('This page is not available to your account.')).toBeVisible()
})
