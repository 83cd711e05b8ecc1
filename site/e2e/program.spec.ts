import { expect, test, type Page } from '@playwright/test'

import { expectAccessible, logIn } from './helpers'
import { SITE_URL } from './ports'
import { attendee, cms, conference, MINUTE, password, person, twoDays } from './programFixtures'

const PHONE = { width: 375, height: 812 }
const DESKTOP = { width: 1280, height: 900 }

const sessionCard = (page: Page, title: string) =>
  page.getByRole('article').filter({ has: page.getByRole('heading', { name: title }) })

test.describe('the agenda', () => {
  test('desktop: days × tracks, times in the visitor zone with the event zone named, track filter', async ({
    browser,
  }) => {
    const { event } = await conference({
      startsIn: 3 * 24 * 60 * MINUTE,
      minutes: 2 * 24 * 60,
      sessions: twoDays,
    })
    const context = await browser.newContext({ viewport: DESKTOP, timezoneId: 'America/New_York' })
    const page = await context.newPage()
    await page.goto(`/events/${event.slug}/agenda`)

    await expect(page.getByRole('heading', { name: /^Day 1:/ })).toBeVisible()
    await expect(page.getByRole('heading', { name: /^Day 2:/ })).toBeVisible()
    await expect(page.getByText('The event runs in Europe/Berlin')).toBeVisible()
    // The visitor's zone: New York's time, named, with the Berlin time kept in the title.
    const keynote = sessionCard(page, 'Opening keynote')
    await expect(keynote.locator('time').last()).toContainText('Eastern Standard Time')

    // Tracks are columns side by side; the shared lunch spans both.
    const main = await sessionCard(page, 'Scaling chat').boundingBox()
    const roomB = await sessionCard(page, 'Hands-on workshop').boundingBox()
    const lunch = await sessionCard(page, 'Lunch').boundingBox()
    expect(roomB!.x).toBeGreaterThan(main!.x + main!.width - 1)
    expect(Math.abs(roomB!.y - main!.y)).toBeLessThan(2)
    expect(lunch!.width).toBeGreaterThan(main!.width + roomB!.width)
    await expect(keynote.getByRole('link', { name: /Ada Lovelace/ })).toBeVisible()
    await expectAccessible(page)

    // The filter is a link: it works without JavaScript and keeps shared sessions.
    await page
      .getByRole('navigation', { name: 'Tracks' })
      .getByRole('link', { name: 'Room B' })
      .click()
    await expect(page).toHaveURL(/\?track=Room\+B|\?track=Room%20B/)
    await expect(sessionCard(page, 'Hands-on workshop')).toBeVisible()
    await expect(sessionCard(page, 'Lunch')).toBeVisible()
    await expect(sessionCard(page, 'Scaling chat')).toHaveCount(0)
    await context.close()
  })

  test('phone: a list in time order without sideways scrolling; speakers have pages', async ({
    browser,
  }) => {
    const { event, speakers } = await conference({
      startsIn: 3 * 24 * 60 * MINUTE,
      minutes: 2 * 24 * 60,
      sessions: twoDays,
    })
    const context = await browser.newContext({ viewport: PHONE, timezoneId: 'Europe/Berlin' })
    const page = await context.newPage()
    await page.goto(`/events/${event.slug}/agenda`)
    const titles = await page.getByRole('article').getByRole('heading').allTextContents()
    expect(titles.map((title) => title.trim())).toEqual([
      'Opening keynote',
      'Scaling chat',
      'Hands-on workshop',
      'Lunch',
      'Day two talk',
    ])
    const first = await sessionCard(page, 'Scaling chat').boundingBox()
    const second = await sessionCard(page, 'Hands-on workshop').boundingBox()
    expect(second!.y).toBeGreaterThan(first!.y + first!.height - 1)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width,
    )
    // In the event's own zone the times read as the organizer wrote them (10:00 on day one).
    await expect(sessionCard(page, 'Opening keynote').locator('time').last()).toContainText(/CES?T/)
    await expectAccessible(page)

    await sessionCard(page, 'Scaling chat').getByRole('link', { name: speakers[0]!.name }).click()
    await expect(page.getByRole('heading', { level: 1, name: speakers[0]!.name })).toBeVisible()
    await expect(page.getByRole('link', { name: 'Scaling chat' })).toBeVisible()

    // The event page lists the speakers and the sessions are sub-events in its JSON-LD.
    await page.goto(`/events/${event.slug}`)
    await expect(
      page.getByRole('region', { name: 'Speakers' }).getByRole('link', { name: speakers[1]!.name }),
    ).toBeVisible()
    const jsonLd = JSON.parse(
      (await page.locator('script[type="application/ld+json"]').first().textContent())!,
    )
    const keynote = jsonLd.subEvent.find(
      (item: { name: string }) => item.name === 'Opening keynote',
    )
    expect(keynote.performer.map((p: { name: string }) => p.name)).toEqual(
      speakers.map((speaker) => speaker.name),
    )
    await context.close()
  })
})

test('a registrant stars two sessions, sees them in order in My agenda, downloads an .ics and the feed', async ({
  page,
}) => {
  const { event } = await conference({
    startsIn: 3 * 24 * 60 * MINUTE,
    minutes: 2 * 24 * 60,
    sessions: twoDays,
  })
  const reggie = await attendee(event.id)
  await logIn(page, reggie.email, password, `/events/${event.slug}/agenda`)
  // Star the later one first: My agenda orders them by time, not by when they were starred.
  await sessionCard(page, 'Day two talk').getByRole('button', { name: 'Star Day two talk' }).click()
  await expect(
    sessionCard(page, 'Day two talk').getByRole('button', { name: 'Starred Day two talk' }),
  ).toHaveAttribute('aria-pressed', 'true')
  await sessionCard(page, 'Scaling chat').getByRole('button', { name: 'Star Scaling chat' }).click()
  await expect(
    sessionCard(page, 'Scaling chat').getByRole('button', { name: 'Starred Scaling chat' }),
  ).toBeVisible()

  await page.goto('/account/agenda')
  const starred = page.getByRole('region', { name: 'Coming up' }).getByRole('heading', { level: 3 })
  await expect(starred).toHaveText(['Scaling chat', 'Day two talk'])
  await expectAccessible(page)

  // The reminder email is asked for per session.
  await page.getByRole('button', { name: 'Email me 10 minutes before for Scaling chat' }).click()
  await expect(
    page.getByRole('listitem').filter({ hasText: 'Scaling chat' }).getByText('Email reminder on'),
  ).toBeVisible()

  const download = page.waitForEvent('download')
  await page.getByRole('link', { name: 'Download .ics for Scaling chat' }).click()
  const ics = await streamText(await (await download).createReadStream())
  expect(ics).toContain('BEGIN:VEVENT')
  expect(ics).toContain('SUMMARY:Scaling chat')

  // The private feed: a webcal address that works without the login cookie.
  if (await page.getByRole('button', { name: 'Create my calendar feed' }).isVisible()) {
    await page.getByRole('button', { name: 'Create my calendar feed' }).click()
  }
  const webcal = await page.getByLabel('Your feed address').inputValue()
  expect(webcal).toMatch(/^webcal:\/\//)
  const feedUrl = webcal.replace(/^webcal:\/\//, 'http://')
  const feed = await fetch(feedUrl)
  expect(feed.status).toBe(200)
  const calendar = await feed.text()
  expect(calendar).toContain('BEGIN:VCALENDAR')
  expect(calendar).toContain('Scaling chat')
  expect(calendar).toContain('Day two talk')
  expect(calendar).not.toContain('Opening keynote')

  // A new address replaces the old one, which stops working.
  await page.getByRole('button', { name: 'Get a new address' }).click()
  await expect(page.getByRole('status')).toContainText('new address')
  const rotated = await page.getByLabel('Your feed address').inputValue()
  expect(rotated).not.toBe(webcal)
  expect((await fetch(feedUrl)).status).toBeGreaterThanOrEqual(400)
  expect((await fetch(rotated.replace(/^webcal:\/\//, 'http://'))).status).toBe(200)
})

test('the watch page switches to the next session at its start, without a reload', async ({
  page,
}) => {
  test.setTimeout(90_000)
  const boundary = 20_000
  const { event } = await conference({
    startsIn: -10 * MINUTE,
    minutes: 120,
    sessions: () => [
      { title: 'First session', start: -10 * MINUTE, end: boundary, track: 'Main stage' },
      { title: 'Second session', start: boundary, end: 60 * MINUTE, track: 'Main stage' },
      { title: 'Parallel session', start: -10 * MINUTE, end: 60 * MINUTE, track: 'Room B' },
    ],
  })
  const reggie = await attendee(event.id)
  await logIn(page, reggie.email, password, `/events/${event.slug}/watch`)
  const program = page.getByRole('region', { name: 'Program' })
  await expect(program).toContainText('Now First session')
  await expect(program).toContainText('Up next: Second session')
  await expect(page.getByLabel('First session: live stream')).toBeVisible()
  await page.evaluate(() => Object.assign(window, { stayedOnPage: true }))

  await expect(program).toContainText('Now Second session', { timeout: boundary + 15_000 })
  await expect(page.getByLabel('Second session: live stream')).toBeVisible()
  expect(await page.evaluate(() => 'stayedOnPage' in window)).toBe(true)

  // The other track plays its own session.
  await program.getByLabel('Track').selectOption('Room B')
  await expect(program).toContainText('Now Parallel session')
  await expect(page.getByLabel('Parallel session: live stream')).toBeVisible()
})

test("after the event a session's page replays its recording with its Q&A; no seat, no stream", async ({
  page,
}) => {
  test.setTimeout(150_000)
  // The event started a moment ago and its only session ends in seconds: a question asked now
  // belongs to the session and replays beside its recording once it is over.
  const { event, sessions } = await conference({
    startsIn: -5_000,
    minutes: 1,
    sessions: () => [
      {
        title: 'Only session',
        start: -5_000,
        end: 20_000,
        track: 'Main stage',
        recordingUrl: `${SITE_URL}/demo/stream.webm`,
      },
    ],
  })
  const sessionId = sessions[0]!.id
  const reggie = await attendee(event.id)
  // The chat island stores a question through this same cms call (realtime relays it).
  const me = await cms<{ user: { id: number } }>('GET', '/auth/me', undefined, reggie.token)
  await cms(
    'POST',
    '/chat-messages',
    {
      event: event.id,
      session: sessionId,
      user: me.user.id,
      kind: 'question',
      message: 'Will this session be recorded?',
    },
    reggie.token,
  )
  await logIn(page, reggie.email, password, '/account')

  // Once the session is over, its page has the recording and the question in step with it.
  const sessionPage = `/events/${event.slug}/sessions/${sessionId}`
  await expect
    .poll(
      async () => {
        await page.goto(sessionPage)
        return page.getByRole('heading', { name: 'Recording' }).count()
      },
      { timeout: 90_000, intervals: [5_000] },
    )
    .toBe(1)
  const replay = page.getByRole('region', { name: 'Chat replay' })
  await page.locator('video').evaluate(async (video: HTMLVideoElement) => {
    if (video.readyState < 1) {
      await new Promise((resolve) =>
        video.addEventListener('loadedmetadata', resolve, { once: true }),
      )
    }
    video.currentTime = Math.max(0, video.duration - 0.5)
    await new Promise((resolve) => video.addEventListener('seeked', resolve, { once: true }))
  })
  await expect(replay.getByText('Will this session be recorded?')).toBeVisible()

  // Someone without a seat sees why and gets no stream from the API either.
  const stranger = await person('Stranger')
  await page.context().clearCookies()
  await logIn(page, stranger.email, password, sessionPage)
  await expect(page.getByRole('heading', { name: 'Recording' })).toHaveCount(0)
  await expect(page.getByRole('link', { name: 'Go to the event page' })).toBeVisible()
  const refused = await page.request.get(`/api/site/sessions/${sessionId}/stream`)
  expect(refused.status()).toBe(403)
})

async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString()
}

test('the demo conference: two days, two tracks, a session live now on each, speakers on the event page', async ({
  page,
}) => {
  await page.goto('/events/devconf-live-two-days-two-tracks/agenda')
  await expect(page.getByRole('heading', { name: /^Day 1:/ })).toBeVisible()
  await expect(page.getByRole('heading', { name: /^Day 2:/ })).toBeVisible()
  const tracks = page.getByRole('navigation', { name: 'Tracks' })
  await expect(tracks.getByRole('link', { name: 'Main stage' })).toBeVisible()
  await expect(tracks.getByRole('link', { name: 'Room B' })).toBeVisible()
  // The "now" marker: one session running on each track at the seed's time.
  await expect(
    page.getByRole('article').getByText('Now', { exact: true }).filter({ visible: true }),
  ).toHaveCount(2)
  await page.goto('/events/devconf-live-two-days-two-tracks')
  await expect(page.getByRole('region', { name: 'Speakers' }).getByRole('listitem')).toHaveCount(6)
})
