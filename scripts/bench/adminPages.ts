// `npm run bench:admin-pages`: how long the custom admin pages take to show their figures in
// Chromium, on the cms production build with the demo seed: from the start of the navigation to
// the page's main table being visible. Target: under 1.5 s (issue 15).
import { chromium, type Page } from '@playwright/test'

import { debianChromium } from '../lib/chromium.ts'
import { startTestCms } from '../lib/testCms.ts'

const PORT = Number(process.env.ADMIN_PAGES_PORT ?? 3750)
/** Visits per page after the first; the median is reported beside the first (cold) visit. */
const VISITS = 5
const TARGET_MS = 1500

type PageUnderTest = { path: string; email: string; password: string; figures: string }

const pages: PageUnderTest[] = [
  {
    path: '/admin/analytics',
    email: 'olivia@example.com',
    password: 'demo-organizer-1',
    figures: 'Seats, waitlist and attendance per event',
  },
  {
    path: '/admin/overview',
    email: 'admin@example.com',
    password: 'demo-admin-1',
    figures: 'Revenue by organizer in the range',
  },
]

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

async function logIn(page: Page, email: string, password: string) {
  await page.goto('/admin/login')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Login' }).click()
  await page.waitForURL(/\/admin\/?$/)
}

/** Milliseconds from the navigation's start to the figures table on screen. */
async function visit(page: Page, { path, figures }: PageUnderTest): Promise<number> {
  const started = performance.now()
  await page.goto(path, { waitUntil: 'commit' })
  await page.getByRole('table', { name: figures }).waitFor({ state: 'visible', timeout: 30_000 })
  return performance.now() - started
}

console.log('Starting the cms production build on a fresh database with the demo seed…')
const cms = await startTestCms({ port: PORT, database: 'event_portal_bench_admin_pages' })
const browser = await chromium.launch(debianChromium)
try {
  for (const target of pages) {
    const context = await browser.newContext({ baseURL: cms.url })
    const page = await context.newPage()
    await logIn(page, target.email, target.password)
    const first = await visit(page, target)
    const again: number[] = []
    for (let i = 0; i < VISITS; i++) again.push(await visit(page, target))
    const typical = median(again)
    console.log(
      `${target.path.padEnd(18)} first ${first.toFixed(0).padStart(5)} ms   median of ${VISITS} ${typical.toFixed(0).padStart(5)} ms   ${typical < TARGET_MS ? 'ok' : 'SLOW'} (target ${TARGET_MS} ms)`,
    )
    await context.close()
  }
} finally {
  await browser.close()
  await cms.stop()
}
process.exit(0)
