import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

import { CMS_URL } from './ports'

/** No serious or critical WCAG violations on the page as it is now. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze()
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    )
  expect(serious).toEqual([])
}

export async function logIn(page: Page, email: string, password: string, next = '/account') {
  await page.goto(`/login?next=${encodeURIComponent(next)}`)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Log in' }).click()
  await page.waitForURL((url) => url.pathname === next.split('?')[0])
}

/** An admin's token for editing content in the cms the way an editor would. */
export async function adminToken(): Promise<string> {
  const response = await fetch(`${CMS_URL}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'admin@example.com', password: 'demo-admin-1' }),
  })
  const body = (await response.json()) as { token: string }
  return body.token
}

export async function cmsPatch(path: string, token: string, data: unknown) {
  const response = await fetch(`${CMS_URL}${path}`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
    body: JSON.stringify(data),
  })
  expect(response.ok, `PATCH ${path} → ${response.status}`).toBe(true)
  return (await response.json()) as { doc: { id: number } }
}

export async function cmsFind(path: string, token?: string) {
  const response = await fetch(`${CMS_URL}${path}`, {
    headers: token ? { Authorization: `JWT ${token}` } : {},
  })
  return (await response.json()) as { docs: { id: number; title: string; slug: string }[] }
}

/** Polls until the page at `path` contains `text`; returns the milliseconds it took. */
export async function msUntilVisible(page: Page, path: string, text: string, limitMs = 5000) {
  const started = Date.now()
  for (;;) {
    const response = await page.request.get(path)
    if ((await response.text()).includes(text)) return Date.now() - started
    if (Date.now() - started > limitMs) throw new Error(`"${text}" did not appear on ${path}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
