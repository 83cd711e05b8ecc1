import { expect, test } from '@playwright/test'

import { adminToken, expectAccessible, logIn } from './helpers'
import { CMS_URL } from './ports'

async function cms(method: string, path: string, token: string, data?: unknown) {
  const response = await fetch(`${CMS_URL}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
    body: data === undefined ? undefined : JSON.stringify(data),
  })
  return { status: response.status, body: (await response.json()) as Record<string, any> }
}

async function token(email: string, password: string) {
  const response = await fetch(`${CMS_URL}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  return ((await response.json()) as { token: string }).token
}

test('an editor puts a new page in the site menu from the CMS, without a deploy', async ({
  page,
}) => {
  const admin = await adminToken()
  const slug = `speakers-${Date.now()}`
  const created = await cms('POST', '/api/pages', admin, {
    title: 'Our speakers',
    slug,
    _status: 'published',
  })
  expect(created.status).toBe(201)
  await page.goto('/events')
  const menu = page.getByRole('navigation', { name: 'Main' })
  await expect(menu.getByRole('link', { name: 'Events', exact: true })).toBeVisible()

  const saved = await cms('POST', '/api/globals/navigation', admin, {
    links: [
      { label: 'Events', kind: 'url', url: '/events' },
      { label: 'Speakers', kind: 'page', page: created.body.doc.id },
    ],
  })
  expect(saved.status).toBe(200)
  try {
    await expect(async () => {
      await page.reload()
      await expect(menu.getByRole('link', { name: 'Speakers' })).toHaveAttribute('href', `/${slug}`)
    }).toPass({ timeout: 10_000 })
    await expect(menu.getByRole('link', { name: 'About' })).toHaveCount(0)
    await menu.getByRole('link', { name: 'Speakers' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Our speakers' })).toBeVisible()
    await expectAccessible(page)
  } finally {
    // Back to the default menu for the other tests.
    await cms('POST', '/api/globals/navigation', admin, { links: [] })
  }
})

test('an organizer previews their unpublished event on the site; nobody else sees it', async ({
  page,
}) => {
  const olivia = await token('olivia@example.com', 'demo-organizer-1')
  const slug = `preview-draft-${Date.now()}`
  const created = await cms('POST', '/api/events', olivia, {
    title: 'Preview Draft Evening',
    slug,
    startTime: '2031-03-14T18:00',
    timezone: 'Europe/Berlin',
    duration: 60,
    price: 1500,
    currency: 'EUR',
    capacity: 20,
  })
  expect(created.status).toBe(201)

  expect((await page.request.get(`/events/${slug}?preview`)).status()).toBe(404)
  await logIn(page, 'alice@example.com', 'demo-user-1')
  expect((await page.goto(`/events/${slug}?preview`))?.status()).toBe(404)
  await page.context().clearCookies()

  await logIn(page, 'olivia@example.com', 'demo-organizer-1')
  await page.goto(`/events/${slug}?preview`)
  await expect(page.getByRole('heading', { level: 1, name: 'Preview Draft Evening' })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'not published yet' })).toBeVisible()
  await expect(page.getByText('18:00 CET').first()).toBeVisible()
  await expect(page.getByText('€15.00').first()).toBeVisible()
  // Without ?preview the public, cached page still knows no such event.
  expect((await page.goto(`/events/${slug}`))?.status()).toBe(404)
})
