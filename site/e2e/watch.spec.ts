import { expect, test, type Page } from '@playwright/test'

import { expectAccessible, logIn } from './helpers'
import { CMS_URL } from './ports'

// Seeded demo events (cms/src/seed): alice holds a seat on all three.
const UPCOMING = '/events/typescript-in-production/watch'
const LIVE = '/events/live-now-hello-from-event-portal/watch'
const RECORDED = '/events/replay-realtime-chat-deep-dive/watch'

async function eventId(slug: string): Promise<number> {
  const response = await fetch(`${CMS_URL}/api/events?where[slug][equals]=${slug}&depth=0`)
  return ((await response.json()) as { docs: { id: number }[] }).docs[0]!.id
}

async function cmsToken(email: string, password: string): Promise<string> {
  const response = await fetch(`${CMS_URL}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  return ((await response.json()) as { token: string }).token
}

const seek = (page: Page, seconds: number) =>
  page.locator('video').evaluate(async (video: HTMLVideoElement, to) => {
    if (video.readyState < 1) {
      await new Promise((resolve) =>
        video.addEventListener('loadedmetadata', resolve, { once: true }),
      )
    }
    video.currentTime = to
    await new Promise((resolve) => video.addEventListener('seeked', resolve, { once: true }))
  }, seconds)

test('a registrant sees the countdown before the start, with a calendar link and no player', async ({
  page,
}) => {
  await logIn(page, 'alice@example.com', 'demo-user-1', UPCOMING)
  await expect(page.getByRole('timer')).toContainText(/Starts in \d+ d/)
  await expect(page.getByRole('link', { name: 'Add to calendar' })).toHaveAttribute(
    'href',
    '/events/typescript-in-production/calendar.ics',
  )
  await expect(page.locator('video')).toHaveCount(0)
  await expect(page.getByRole('region', { name: 'Live chat and questions' })).toHaveCount(0)
  await expectAccessible(page)
})

test('during the event the player plays beside the chat, and the slides download', async ({
  page,
}) => {
  await logIn(page, 'alice@example.com', 'demo-user-1', LIVE)
  const video = page.getByLabel('Live Now: Hello from Event Portal: live stream')
  await expect(video).toBeVisible()
  await expect(page.getByRole('region', { name: 'Live chat and questions' })).toBeVisible()
  await video.evaluate((element: HTMLVideoElement) => {
    element.muted = true
    return element.play()
  })
  await expect
    .poll(() => video.evaluate((element: HTMLVideoElement) => element.currentTime))
    .toBeGreaterThan(0.5)
  await expectAccessible(page)

  // The player's heartbeat recorded Alice as attending, and it can renew its stream token.
  const live = await eventId('live-now-hello-from-event-portal')
  const alice = await cmsToken('alice@example.com', 'demo-user-1')
  await expect
    .poll(async () => {
      const response = await fetch(`${CMS_URL}/api/attendance?where[event][equals]=${live}`, {
        headers: { Authorization: `JWT ${alice}` },
      })
      return ((await response.json()) as { totalDocs: number }).totalDocs
    })
    .toBe(1)
  const renewed = await page.request.get(`/api/site/events/${live}/stream`)
  expect(renewed.status()).toBe(200)
  expect((await renewed.json()).token).toMatch(/^\d+\.\d+\.\d+\./)

  const download = page.waitForEvent('download')
  await page.getByRole('link', { name: 'Slides: Hello from Event Portal' }).click()
  const file = await (await download).createReadStream()
  const chunks: Buffer[] = []
  for await (const chunk of file) chunks.push(chunk as Buffer)
  expect(Buffer.concat(chunks).subarray(0, 5).toString()).toBe('%PDF-')
})

test('the recording replays the live chat at the moments it was sent, also after seeking', async ({
  page,
}) => {
  await logIn(page, 'alice@example.com', 'demo-user-1', RECORDED)
  const replay = page.getByRole('region', { name: 'Chat replay' })
  await expect(
    replay.getByText('Messages appear here as the recording reaches them.'),
  ).toBeVisible()
  const lines = replay.getByRole('listitem')

  await seek(page, 12)
  await expect(lines).toHaveCount(3)
  await expect(lines.last()).toContainText('Will the slides be shared afterwards?')
  await expect(replay.getByText('Love the colour bars.')).toHaveCount(0)

  await seek(page, 29)
  await expect(lines).toHaveCount(6)
  await expect(lines.last()).toContainText('Thanks, see you next time!')

  await seek(page, 3)
  await expect(lines).toHaveCount(1)
  await expect(lines.first()).toContainText('Hello everyone, the stream just started!')
})

test('someone without a seat is told to register, and cannot fetch the slides', async ({
  page,
  request,
}) => {
  const anonymous = await request.get('/api/site/media/hello-from-event-portal-slides.pdf')
  expect(anonymous.status()).toBe(401)

  await logIn(page, 'oscar@example.com', 'demo-organizer-2', '/account')
  const refused = await page.goto(LIVE)
  expect(refused?.status()).toBe(403)
  await expect(page.getByText('Register for this event to watch.')).toBeVisible()
  await expect(page.locator('video')).toHaveCount(0)
  await expect(page.getByRole('link', { name: 'Go to the event page' })).toBeVisible()
  const slides = await page.request.get('/api/site/media/hello-from-event-portal-slides.pdf')
  expect(slides.status()).toBe(403)
  const token = await page.request.get(
    `/api/site/events/${await eventId('live-now-hello-from-event-portal')}/stream`,
  )
  expect(token.status()).toBe(403)
})
