import { expect, test, type Page } from '@playwright/test'

async function logIn(page: Page, email: string, password: string) {
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

async function chooseStatus(page: Page, label: string) {
  const select = page.locator('#field-status').getByRole('combobox')
  await select.click()
  await select.fill(label)
  await page.getByRole('option', { name: label, exact: true }).click()
  await expect(page.locator('#field-status')).toContainText(label)
}

test('an organizer creates a draft and submits it; an admin publishes it; visitors see it', async ({
  page,
  request,
}) => {
  await logIn(page, 'olivia@example.com', 'demo-organizer-1')
  await page.goto('/admin/collections/events/create')
  await page.getByLabel('Title').fill('Browser-made Workshop')
  const startTime = page.locator('#field-startTime input')
  await startTime.fill('2031-03-14 18:30')
  await startTime.press('Enter')
  await page.getByLabel('Timezone').fill('Europe/Berlin')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByText(/successfully/i).first()).toBeVisible()
  await expect(page).toHaveURL(/\/admin\/collections\/events\/\d+/)
  const eventUrl = page.url()
  const eventId = Number(eventUrl.match(/events\/(\d+)/)![1])

  const anonymousBefore = await request.get(`/api/events/${eventId}`, { headers: { Cookie: '' } })
  expect(anonymousBefore.status()).toBe(404)

  await chooseStatus(page, 'Pending review')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByText(/successfully/i).first()).toBeVisible()

  // The organizer may not publish: the admin shows the refusal and nothing changes.
  await chooseStatus(page, 'Published')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByText(/Only an admin/).first()).toBeVisible()
  await logOut(page)

  await logIn(page, 'admin@example.com', 'demo-admin-1')
  await page.goto(eventUrl)
  // Payload may still hold the organizer's edit lock: the admin takes the document over.
  const takeOver = page.getByRole('button', { name: /take over/i })
  await takeOver
    .waitFor({ timeout: 5000 })
    .then(() => takeOver.click())
    .catch(() => undefined)
  await chooseStatus(page, 'Published')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByText(/successfully/i).first()).toBeVisible()

  const list = await request.get('/api/events?q=Browser-made', { headers: { Cookie: '' } })
  const { docs } = await list.json()
  expect(docs).toHaveLength(1)
  expect(docs[0]).toMatchObject({
    id: eventId,
    status: 'published',
    slug: 'browser-made-workshop',
    timezone: 'Europe/Berlin',
  })
})

test('a user without an organizer role is refused by the admin', async ({ page }) => {
  await page.goto('/admin/login')
  await page.getByLabel('Email').fill('alice@example.com')
  await page.getByLabel('Password').fill('demo-user-1')
  await page.getByRole('button', { name: 'Login' }).click()
  await expect(page.getByText(/not allowed|unauthorized|access/i).first()).toBeVisible()
  await expect(page.getByRole('link', { name: 'Events' })).toHaveCount(0)
})
