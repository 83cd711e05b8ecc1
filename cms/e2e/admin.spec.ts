import { expect, test } from '@playwright/test'

test('a user without an organizer role is refused by the admin', async ({ page }) => {
  await page.goto('/admin/login')
  await page.getByLabel('Email').fill('alice@example.com')
  await page.getByLabel('Password').fill('demo-user-1')
  await page.getByRole('button', { name: 'Login' }).click()
  await expect(page.getByText(/not allowed|unauthorized|access/i).first()).toBeVisible()
  await expect(page.getByRole('link', { name: 'Events' })).toHaveCount(0)
})
