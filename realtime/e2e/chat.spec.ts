import { type BrowserContext, expect, type Page, test } from '@playwright/test'

import { E2E_PORTS } from './ports.ts'

const cmsUrl = `http://localhost:${E2E_PORTS.cms}`

async function logIn(context: BrowserContext, email: string, password: string) {
  const res = await fetch(`${cmsUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  const body = (await res.json()) as { token: string; user: { id: number; name: string } }
  await context.addCookies([
    {
      name: 'payload-token',
      value: body.token,
      domain: 'localhost',
      path: '/',
      httpOnly: true,
      sameSite: 'Lax',
    },
  ])
  return body
}

async function openChat(page: Page, slug: string) {
  await page.goto(`/events/${slug}/watch`)
  await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible()
}

test('an attendee and the organizer chat, ask, upvote and moderate through the island', async ({
  browser,
}) => {
  const attendeeContext = await browser.newContext()
  const organizerContext = await browser.newContext()
  const alice = await logIn(attendeeContext, 'alice@example.com', 'demo-user-1')

  // The demo data gives Alice a seat at the live demo event; its organizer moderates.
  const mine = await fetch(`${cmsUrl}/api/registrations/me`, {
    headers: { Authorization: `JWT ${alice.token}` },
  }).then(
    (res) =>
      res.json() as Promise<{
        docs: { status: string; event: { slug: string; organizer: number | { id: number } } }[]
      }>,
  )
  const registration = mine.docs.find(
    (doc) => doc.status === 'confirmed' && doc.event.slug === 'live-now-hello-from-event-portal',
  )!
  const organizerId =
    typeof registration.event.organizer === 'object'
      ? registration.event.organizer.id
      : registration.event.organizer
  const olivia = await logIn(organizerContext, 'olivia@example.com', 'demo-organizer-1')
  if (olivia.user.id !== organizerId) {
    await organizerContext.clearCookies()
    await logIn(organizerContext, 'oscar@example.com', 'demo-organizer-2')
  }
  const slug = registration.event.slug

  const attendee = await attendeeContext.newPage()
  const organizer = await organizerContext.newPage()
  await openChat(attendee, slug)
  await openChat(organizer, slug)
  await expect(organizer.getByText('2 people here')).toBeVisible()

  // Chat, typed with the keyboard; markup stays text on the other side.
  const xss = '<img src=x onerror="window.__xss = 1"> hello everyone'
  await attendee.getByRole('textbox', { name: 'Message' }).fill(xss)
  await attendee.getByRole('textbox', { name: 'Message' }).press('Enter')
  const line = organizer.getByRole('listitem').filter({ hasText: xss })
  await expect(line).toBeVisible()
  expect(
    await organizer.evaluate(() => (window as unknown as { __xss?: number }).__xss),
  ).toBeUndefined()
  await expect(organizer.locator('.chat-messages img')).toHaveCount(0)

  // Q&A: Alice asks, the organizer upvotes and pins it as "answering now".
  await attendee.getByRole('tab', { name: /Q&A/ }).click()
  await attendee.getByRole('textbox', { name: 'Your question' }).fill('Will the slides be shared?')
  await attendee.getByRole('button', { name: 'Ask' }).click()
  await organizer.getByRole('tab', { name: /Q&A/ }).click()
  const upvote = organizer.getByRole('button', { name: /Upvote “Will the slides be shared\?”/ })
  await upvote.click()
  await expect(upvote).toHaveAttribute('aria-pressed', 'true')
  await expect(
    attendee.getByRole('button', { name: /Upvote “Will the slides be shared\?”, 1 votes/ }),
  ).toBeVisible()
  await organizer.getByRole('button', { name: 'Answering now' }).click()
  await expect(attendee.getByText('Answering now')).toBeVisible()

  // Moderation: the organizer hides Alice's markup message, then mutes her.
  await organizer.getByRole('tab', { name: 'Chat' }).click()
  await attendee.getByRole('tab', { name: 'Chat' }).click()
  await attendee.getByRole('textbox', { name: 'Message' }).fill('second line')
  await attendee.getByRole('textbox', { name: 'Message' }).press('Enter')
  const secondLine = organizer.getByRole('listitem').filter({ hasText: 'second line' })
  await expect(secondLine).toBeVisible()
  await line.getByRole('button', { name: `Hide message from ${alice.user.name}` }).click()
  await expect(attendee.getByText(xss)).toHaveCount(0)
  await expect(organizer.getByText(xss)).toHaveCount(0)
  await secondLine.getByRole('button', { name: `Mute ${alice.user.name} for 10 minutes` }).click()
  await expect(organizer.getByRole('alert')).toContainText('is muted for 10 minutes')
  await expect(
    attendee.getByRole('tabpanel', { name: 'Chat' }).getByText(/You are muted until/),
  ).toBeVisible()
  await attendee.getByRole('textbox', { name: 'Message' }).fill('am I muted?')
  await attendee.getByRole('textbox', { name: 'Message' }).press('Enter')
  await expect(attendee.getByRole('alert')).toContainText('You are muted')
  await expect(organizer.getByText('am I muted?')).toHaveCount(0)

  await attendeeContext.close()
  await organizerContext.close()
})

test('a line whose store was answered "unavailable" is resent with its id and shown once', async ({
  browser,
}) => {
  const context = await browser.newContext()
  const bob = await logIn(context, 'bob@example.com', 'demo-user-2')
  const slug = 'live-now-hello-from-event-portal'
  const page = await context.newPage()

  // cms stored the line but its answer was lost (a busy database, a timeout): the first ack of a
  // `message` reaches the island as UNAVAILABLE, though the line is stored and broadcast.
  const sentClientIds: string[] = []
  const messageAckIds = new Set<string>()
  let isAnswerLost = false
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    const server = ws.connectToServer()
    ws.onMessage((frame) => {
      const sent = /^42(\d+)\["message",(.*)\]$/.exec(String(frame))
      if (sent) {
        messageAckIds.add(sent[1]!)
        sentClientIds.push((JSON.parse(sent[2]!) as { clientId: string }).clientId)
      }
      server.send(frame)
    })
    server.onMessage((frame) => {
      const ackId = /^43(\d+)\[/.exec(String(frame))?.[1]
      if (ackId !== undefined && messageAckIds.has(ackId) && !isAnswerLost) {
        isAnswerLost = true
        ws.send(
          `43${ackId}[{"ok":false,"error":{"code":"UNAVAILABLE","message":"The chat is unavailable right now. Please retry."}}]`,
        )
        return
      }
      ws.send(frame)
    })
  })
  await openChat(page, slug)

  const text = `stored once, answered late ${Date.now()}`
  await page.getByRole('textbox', { name: 'Message' }).fill(text)
  await page.getByRole('textbox', { name: 'Message' }).press('Enter')
  // No error, no second copy to send by hand: it stays pending, is resent and settles.
  await expect(page.getByRole('textbox', { name: 'Message' })).toHaveValue('')
  await expect(page.locator('.chat-pending')).toHaveCount(0, { timeout: 10_000 })
  await expect(page.getByRole('listitem').filter({ hasText: text })).toHaveCount(1)
  expect(isAnswerLost).toBe(true)
  expect(sentClientIds).toHaveLength(2)
  expect(sentClientIds[1]).toBe(sentClientIds[0])

  // Stored once.
  const stored = (await fetch(
    `${cmsUrl}/api/chat-messages?where[clientId][equals]=${sentClientIds[0]}&depth=0`,
    { headers: { Authorization: `JWT ${bob.token}` } },
  ).then((res) => res.json())) as { totalDocs: number; docs: { message: string }[] }
  expect(stored.totalDocs).toBe(1)
  expect(stored.docs[0]!.message).toBe(text)

  await context.close()
})
