import { expect, test } from '@playwright/test'

import { logIn } from './helpers'
import { SITE_URL } from './ports'

// `next` as an attacker writes it into a link (raw query text); the unit table in
// src/lib/redirect.test.ts covers the parser, these check what the browser is sent.
const hostileNext = [
  '/%09/evil.example',
  '/%0d/evil.example',
  '/%0a/evil.example',
  '/%0d%0aSet-Cookie:%20x=1',
  '//evil.example',
  '/%2F/evil.example/..%2F..%2F',
  '/%5Cevil.example',
  '%5C%5Cevil.example',
  '/.//evil.example',
  'https://evil.example',
  'https:evil.example',
  'javascript:alert(1)',
]

test('logging in from a link with a hostile next stays on the site', async ({ page }) => {
  await page.goto('/login?next=/%09/evil.example')
  await page.getByLabel('Email').fill('carol@example.com')
  await page.getByLabel('Password').fill('demo-user-3')
  await page.getByRole('button', { name: 'Log in' }).click()
  await expect(page.getByRole('heading', { name: 'My account' })).toBeVisible()
  expect(page.url()).toBe(`${SITE_URL}/account`)
})

test('a logged-in visitor is only ever sent to a path on this site', async ({ page }) => {
  await logIn(page, 'carol@example.com', 'demo-user-3')
  for (const next of hostileNext) {
    for (const form of ['login', 'signup']) {
      const response = await page.request.get(`/${form}?next=${next}`, { maxRedirects: 0 })
      if (form === 'login') {
        // Already logged in: sent on at once, and never to another origin (nor a 500 for a CR).
        expect(response.status(), next).toBe(303)
        const location = response.headers().location ?? ''
        expect(new URL(location, SITE_URL).origin, `${next} → ${location}`).toBe(SITE_URL)
        expect(location, next).toBe('/account')
      } else {
        // The sign-up form carries the cleaned-up target on.
        expect(response.status(), next).toBe(200)
        expect(await response.text(), next).toContain('&amp;next=%2Faccount"')
      }
    }
  }
  // A same-site target with a query survives intact.
  const kept = await page.request.get(`/login?next=${encodeURIComponent('/events?page=2')}`, {
    maxRedirects: 0,
  })
  expect(kept.headers().location).toBe('/events?page=2')
})
