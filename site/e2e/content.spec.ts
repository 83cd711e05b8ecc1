import { spawn } from 'node:child_process'
import path from 'node:path'

import { expect, test } from '@playwright/test'

import { adminToken, cmsFind, cmsPatch, expectAccessible, msUntilVisible } from './helpers'
import { CMS_URL, PURGE_CHANNEL, SITE_PORT, SITE_URL } from './ports'

test('an editor’s change to a CMS page is live on the next request, without a rebuild', async ({
  page,
}) => {
  await page.goto('/about')
  await expect(page.getByRole('heading', { level: 1, name: 'About Event Portal' })).toBeVisible()
  await expectAccessible(page)

  const token = await adminToken()
  const [about] = (await cmsFind('/api/pages?where[slug][equals]=about', token)).docs
  const title = `About us ${Date.now()}`
  await cmsPatch(`/api/pages/${about!.id}`, token, { title, _status: 'published' })
  const elapsed = await msUntilVisible(page, '/about', title)
  test.info().annotations.push({ type: 'cms page edit → visible', description: `${elapsed} ms` })
  expect(elapsed).toBeLessThan(1000)
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
})

test('an edited event shows on its page and in the list within a second', async ({ page }) => {
  await page.goto('/events/songwriting-workshop')
  await page.goto('/events')
  const token = await adminToken()
  const [event] = (await cmsFind('/api/events?where[slug][equals]=songwriting-workshop', token))
    .docs
  const title = `Songwriting Workshop ${Date.now()}`
  await cmsPatch(`/api/events/${event!.id}`, token, { title })
  const onPage = await msUntilVisible(page, '/events/songwriting-workshop', title)
  const inList = await msUntilVisible(page, '/events?q=Songwriting', title)
  test.info().annotations.push({ type: 'event edit → visible', description: `${onPage} ms` })
  expect(onPage).toBeLessThan(1000)
  expect(inList).toBeLessThan(1000)
})

test('an unknown address is a real 404 page', async ({ page }) => {
  for (const path of ['/events/no-such-event', '/no-such-page', '/categories/no-such-category']) {
    const response = await page.goto(path)
    expect(response?.status()).toBe(404)
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
  }
  await expectAccessible(page)
})

test('malformed filters are ignored, never an error', async ({ page }) => {
  const response = await page.goto(
    '/events?page=abc&maxPrice=-5&when=someday&from=2026-99-99&sort=%3Cx%3E',
  )
  expect(response?.status()).toBe(200)
  await expect(page.getByRole('heading', { name: 'Upcoming events' })).toBeVisible()
  await expect(page.getByLabel('Sort by')).toHaveValue('date')
})

test('an empty result says so and offers a way out', async ({ page }) => {
  await page.goto('/events?q=zzzz-nothing-matches')
  await expect(page.getByText('No events match these filters.')).toBeVisible()
  await page.getByRole('link', { name: 'see all upcoming events' }).click()
  await expect(page).toHaveURL(`${SITE_URL}/events`)
})

test('pages without islands ship at most a small inline script; the event page only its checkout', async ({
  page,
}) => {
  for (const path of ['/', '/events', '/about', '/categories/technology']) {
    await page.goto(path)
    // Only the local-time script, inline: no island, no file to fetch.
    expect(await page.locator('script[src]').count(), path).toBe(0)
    expect(await page.locator('astro-island').count(), path).toBe(0)
    const inline = await page
      .locator('script:not([type="application/ld+json"])')
      .evaluateAll((scripts) =>
        scripts.reduce((sum, script) => sum + script.textContent!.length, 0),
      )
    expect(inline, path).toBeLessThan(2048)
  }
  await page.goto('/about')
  expect(await page.locator('script:not([type="application/ld+json"])').count()).toBe(0)
  await page.goto('/events/typescript-in-production')
  await expect(page.locator('astro-island')).toHaveCount(1)
})

test('an event page carries SEO metadata, JSON-LD and calendar links', async ({
  page,
  request,
}) => {
  await page.goto('/events/postgres-performance-clinic')
  await expect(page).toHaveTitle('Postgres Performance Clinic · Event Portal')
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
    'href',
    `${SITE_URL}/events/postgres-performance-clinic`,
  )
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute(
    'content',
    'Postgres Performance Clinic',
  )
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute(
    'content',
    'summary_large_image',
  )
  const jsonLd = JSON.parse(
    (await page.locator('script[type="application/ld+json"]').textContent())!,
  )
  expect(jsonLd).toMatchObject({
    '@type': 'Event',
    eventAttendanceMode: 'https://schema.org/OnlineEventAttendanceMode',
    location: { '@type': 'VirtualLocation' },
    // One Offer per public ticket type: this event has only its "General admission".
    offers: [
      {
        '@type': 'Offer',
        name: 'General admission',
        price: '25.00',
        priceCurrency: 'USD',
        availability: 'https://schema.org/InStock',
      },
    ],
  })
  // Times are shown in the event's own zone, named.
  await expect(
    page.getByText(/(EST|EDT|GMT-[45]) \(Eastern (Standard|Daylight) Time\)/),
  ).toBeVisible()
  await expect(page.getByRole('link', { name: 'Google Calendar' })).toHaveAttribute(
    'href',
    /ctz=America%2FNew_York/,
  )

  const ics = await request.get('/events/postgres-performance-clinic/calendar.ics')
  expect(ics.headers()['content-type']).toContain('text/calendar')
  const body = await ics.text()
  expect(body).toContain('SUMMARY:Postgres Performance Clinic')
  expect(body).toMatch(/DTSTART:\d{8}T\d{6}Z/)

  const sitemap = await (await request.get('/sitemap.xml')).text()
  expect(sitemap).toContain(`${SITE_URL}/events/postgres-performance-clinic`)
  expect(sitemap).toContain(`${SITE_URL}/about`)
  expect(sitemap).not.toContain('synth-basics') // a draft
  expect(await (await request.get('/robots.txt')).text()).toContain(
    `Sitemap: ${SITE_URL}/sitemap.xml`,
  )
})

test('the site refuses what a visitor may not do', async ({ request }) => {
  const revalidate = await request.post('/api/revalidate', {
    headers: { 'X-Revalidate-Secret': 'wrong-secret-of-some-length' },
    data: { tags: ['events'] },
  })
  expect(revalidate.status()).toBe(401)
  const register = await request.post('/api/site/registrations', { data: { event: 1 } })
  expect(register.status()).toBe(401)
  const checkout = await request.post('/api/site/checkout', { data: { event: 2 } })
  expect(checkout.status()).toBe(401)
})

test('when the CMS is down, a visitor sees a friendly 503 page, not a stack trace', async ({
  browser,
}) => {
  // A second site process whose CMS address answers nothing.
  const port = SITE_PORT + 1
  const site = spawn(process.execPath, ['dist/server/entry.mjs'], {
    cwd: path.resolve(import.meta.dirname, '..'),
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      CMS_URL: 'http://127.0.0.1:3249',
    },
    stdio: 'ignore',
  })
  try {
    const page = await browser.newPage()
    let response = null
    for (let attempt = 0; attempt < 50 && !response; attempt++) {
      response = await page.goto(`http://127.0.0.1:${port}/events`).catch(() => null)
      if (!response) await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(response?.status()).toBe(503)
    await expect(page.getByRole('heading', { name: 'We’ll be back in a moment' })).toBeVisible()
    await expect(page.locator('body')).not.toContainText('Error:')
    await page.close()
  } finally {
    site.kill('SIGTERM')
  }
})

test('anonymous pages are served from the shared cache; a logged-in visitor’s never are', async ({
  page,
  request,
}) => {
  await request.get('/events?q=cache-check')
  const second = await request.get('/events?q=cache-check')
  expect(second.headers()['x-cache']).toBe('HIT')

  await page.goto('/login?next=/events')
  await page.getByLabel('Email').fill('alice@example.com')
  await page.getByLabel('Password').fill('demo-user-1')
  await page.getByRole('button', { name: 'Log in' }).click()
  await page.waitForURL('**/events')
  const personal = await page.request.get('/events?q=cache-check')
  expect(personal.headers()['x-cache']).toBeUndefined()
  expect(personal.headers()['cache-control']).toBe('private, no-store')
  expect(await personal.text()).toContain('My account')
})

test('an editor previews a draft page; visitors keep seeing the published one', async ({
  page,
  request,
}) => {
  const token = await adminToken()
  const [about] = (await cmsFind('/api/pages?where[slug][equals]=about', token)).docs
  const published = (await (await request.get('/about')).text()).match(/<h1>([^<]+)<\/h1>/)![1]!
  const draftTitle = `Draft about ${Date.now()}`
  await cmsPatch(`/api/pages/${about!.id}?draft=true`, token, {
    title: draftTitle,
    _status: 'draft',
  })

  const visitor = await request.get('/about?preview')
  expect(await visitor.text()).not.toContain(draftTitle)
  expect(await (await request.get('/about')).text()).toContain(published)

  await page.goto('/login?next=/about?preview')
  await page.getByLabel('Email').fill('admin@example.com')
  await page.getByLabel('Password').fill('demo-admin-1')
  await page.getByRole('button', { name: 'Log in' }).click()
  await expect(page.getByRole('heading', { level: 1, name: draftTitle })).toBeVisible()
  await expect(page.getByRole('status')).toContainText('Preview')
})

test('organizers find their way to the admin from their account', async ({ page }) => {
  await page.goto('/login?next=/account')
  await page.getByLabel('Email').fill('olivia@example.com')
  await page.getByLabel('Password').fill('demo-organizer-1')
  await page.getByRole('button', { name: 'Log in' }).click()
  await expect(
    page.getByRole('link', { name: 'Open the admin to manage your events' }),
  ).toHaveAttribute('href', /\/admin$/)
  await expectAccessible(page)
})

test('a second site process purges too: the CMS calls one, Redis tells the others', async ({
  request,
}) => {
  const port = SITE_PORT + 2
  const other = `http://127.0.0.1:${port}`
  const site = spawn(process.execPath, ['dist/server/entry.mjs'], {
    cwd: path.resolve(import.meta.dirname, '..'),
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      CMS_URL,
      SITE_URL: other,
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      SITE_CACHE_CHANNEL: PURGE_CHANNEL,
    },
    stdio: 'ignore',
  })
  try {
    let isUp = false
    for (let attempt = 0; attempt < 100 && !isUp; attempt++) {
      isUp = await request
        .get(`${other}/robots.txt`)
        .then((response) => response.ok())
        .catch(() => false)
      if (!isUp) await new Promise((resolve) => setTimeout(resolve, 100))
    }
    // Both processes have the event cached before the edit.
    await request.get(`${other}/events/sleep-science-q-a`)
    await request.get('/events/sleep-science-q-a')
    const token = await adminToken()
    const [event] = (await cmsFind('/api/events?where[slug][equals]=sleep-science-q-a', token)).docs
    const title = `Sleep Science ${Date.now()}`
    await cmsPatch(`/api/events/${event!.id}`, token, { title })
    const started = Date.now()
    for (;;) {
      const html = await (await request.get(`${other}/events/sleep-science-q-a`)).text()
      if (html.includes(title)) break
      expect(Date.now() - started, 'the other process never purged').toBeLessThan(1000)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  } finally {
    site.kill('SIGTERM')
  }
})
