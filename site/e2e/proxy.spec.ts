// The site as deployed: HTTPS through the real deploy/Caddyfile (proxyStack.ts), with the
// forms, the session cookie, the chat's WebSocket and the per-visitor limits going through it.
import { readFileSync } from 'node:fs'
import https from 'node:https'

import { expect, test, type Browser } from '@playwright/test'
import pg from 'pg'

import { localEnv } from '../../scripts/lib/localEnv.ts'
import { attendee, cms, conference, MINUTE, password, twoDays } from './programFixtures.ts'
import { adminToken, cmsPatch } from './helpers.ts'
import { PROXIED_SIGNUP_LIMIT } from './proxyStack.ts'
import {
  CADDY_ROOT_CERT,
  CMS_DATABASE,
  CMS_URL,
  PROXY_HTTP_PORT,
  PROXY_PORT,
  PROXY_URL,
  SITE_URL,
} from './ports.ts'

// Chromium does not know Caddy's local CA; node's requests below trust it explicitly.
test.use({ baseURL: PROXY_URL, ignoreHTTPSErrors: true })

const LIVE = '/events/live-now-hello-from-event-portal'
const FORM_REFUSED = 'Cross-site POST form submissions are forbidden'

type Reply = { status: number; location?: string; setCookie: string[]; body: string }

/**
 * A form post to the proxy as a browser on that origin sends it, from the loopback address
 * `from`: Caddy sees each address as a different visitor.
 */
function postForm(
  path: string,
  fields: Record<string, string>,
  { from, headers = {} }: { from: string; headers?: Record<string, string | undefined> },
): Promise<Reply> {
  const body = new URLSearchParams(fields).toString()
  const allHeaders = {
    Host: `localhost:${PROXY_PORT}`,
    Origin: PROXY_URL,
    'Content-Type': 'application/x-www-form-urlencoded',
    'Content-Length': String(Buffer.byteLength(body)),
    ...headers,
  }
  return new Promise((resolve, reject) => {
    const request = https.request(
      {
        host: '127.0.0.1',
        port: PROXY_PORT,
        servername: 'localhost',
        localAddress: from,
        ca: readFileSync(CADDY_ROOT_CERT),
        method: 'POST',
        path,
        // An undefined value leaves the header out.
        headers: Object.fromEntries(
          Object.entries(allHeaders).filter((entry): entry is [string, string] => !!entry[1]),
        ),
      },
      (response) => {
        let text = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => (text += chunk))
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            location: response.headers.location,
            setCookie: response.headers['set-cookie'] ?? [],
            body: text,
          }),
        )
      },
    )
    request.on('error', reject)
    request.end(body)
  })
}

const signUp = (email: string, from: string, headers?: Record<string, string | undefined>) =>
  postForm(
    '/signup?_action=signUp&next=%2Faccount',
    { name: 'Proxy Visitor', email, password: 'a-long-password' },
    { from, headers },
  )

async function resetTokenOf(email: string): Promise<string> {
  const databaseUrl = new URL(localEnv().DATABASE_URL!)
  databaseUrl.pathname = `/${CMS_DATABASE}${process.env.E2E_DB_SUFFIX ?? ''}`
  const client = new pg.Client({ connectionString: databaseUrl.toString() })
  await client.connect()
  try {
    const { rows } = await client.query<{ token: string | null }>(
      'SELECT reset_password_token AS token FROM users WHERE email = $1',
      [email],
    )
    return rows[0]?.token ?? ''
  } finally {
    await client.end()
  }
}

async function logInThroughForm(browser: Browser, email: string, password: string, next: string) {
  const context = await browser.newContext({ baseURL: PROXY_URL, ignoreHTTPSErrors: true })
  const page = await context.newPage()
  await page.goto(`/login?next=${encodeURIComponent(next)}`)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Log in' }).click()
  await page.waitForURL((url) => url.pathname === next)
  return { context, page }
}

test('over HTTPS a newcomer signs up, registers, chats, cancels and logs out; the session cookie is Secure', async ({
  page,
  context,
  browser,
}) => {
  const email = `https-${Date.now()}@example.com`
  await page.goto(`/signup?next=${encodeURIComponent(LIVE)}`)
  expect(new URL(page.url()).protocol).toBe('https:')
  await page.getByLabel('Name').fill('Tess Tls')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill('a-long-password')
  await page.getByRole('button', { name: 'Sign up' }).click()
  await expect(page).toHaveURL(`${PROXY_URL}${LIVE}`)

  const session = (await context.cookies()).find((cookie) => cookie.name === 'payload-token')
  expect(session).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' })

  await page.getByRole('button', { name: 'Register for free' }).click()
  await expect(page.getByRole('status')).toContainText('You’re registered')

  // Someone already in the room sees the newcomer's message arrive over the proxied socket.
  const alice = await logInThroughForm(browser, 'alice@example.com', 'demo-user-1', `${LIVE}/watch`)
  await expect(alice.page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible()

  await page.goto(`${LIVE}/watch`)
  await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible()
  const message = `Hello over TLS ${Date.now()}`
  await page.getByRole('textbox', { name: 'Message' }).fill(message)
  await page.getByRole('textbox', { name: 'Message' }).press('Enter')
  await expect(page.getByRole('listitem').filter({ hasText: message })).toBeVisible()
  await expect(alice.page.getByRole('listitem').filter({ hasText: message })).toBeVisible()
  await alice.context.close()

  await page.goto('/account')
  const upcoming = page.getByRole('region', { name: 'Upcoming' })
  await upcoming
    .getByRole('link', { name: 'Cancel registration for Live Now: Hello from Event Portal' })
    .click()
  // The confirmation page's form posts through the proxy too.
  await page.getByRole('button', { name: 'Yes, cancel my registration' }).click()
  await expect(page.getByRole('status')).toContainText('Your registration is cancelled.')

  await page.getByRole('button', { name: 'Log out' }).click()
  await expect(page.getByRole('link', { name: 'Log in' })).toBeVisible()
  expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain('payload-token')

  // And back in through the login form.
  await page.goto('/login?next=/account')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill('a-long-password')
  await page.getByRole('button', { name: 'Log in' }).click()
  await expect(page.getByRole('heading', { name: 'My account' })).toBeVisible()
  expect(page.url()).toBe(`${PROXY_URL}/account`)
})

test('over HTTPS a registrant stars a session with the plain form and finds it in My agenda', async ({
  browser,
}) => {
  const { event } = await conference({
    startsIn: 3 * 24 * 60 * MINUTE,
    minutes: 2 * 24 * 60,
    sessions: twoDays,
  })
  const reggie = await attendee(event.id)
  const { context, page } = await logInThroughForm(
    browser,
    reggie.email,
    password,
    `/events/${event.slug}/agenda`,
  )
  await page.getByRole('button', { name: 'Star Scaling chat' }).click()
  await expect(page.getByRole('button', { name: 'Starred Scaling chat' })).toBeVisible()
  expect(new URL(page.url()).protocol).toBe('https:')
  await page.goto('/account/agenda')
  await expect(page.getByRole('heading', { level: 3, name: 'Scaling chat' })).toBeVisible()
  // The feed address is the public https origin, never an internal one.
  if (await page.getByRole('button', { name: 'Create my calendar feed' }).isVisible()) {
    await page.getByRole('button', { name: 'Create my calendar feed' }).click()
  }
  expect(await page.getByLabel('Your feed address').inputValue()).toMatch(
    new RegExp(`^webcal://localhost:${PROXY_PORT}/`),
  )
  await context.close()
})

test('on the watch page a question goes to the session playing, and the chat marks the session', async ({
  browser,
}) => {
  const { event, sessions } = await conference({
    startsIn: -10 * MINUTE,
    minutes: 120,
    sessions: () => [
      { title: 'Talk on now', start: -10 * MINUTE, end: 50 * MINUTE, track: 'Main stage' },
      { title: 'Later talk', start: 50 * MINUTE, end: 100 * MINUTE, track: 'Main stage' },
    ],
  })
  const reggie = await attendee(event.id)
  const { context, page } = await logInThroughForm(
    browser,
    reggie.email,
    password,
    `/events/${event.slug}/watch`,
  )
  const chat = page.getByRole('region', { name: 'Live chat and questions' })
  await expect(chat.getByRole('status').filter({ hasText: 'Live' })).toBeVisible()
  await expect(page.getByLabel('Talk on now: live stream')).toBeVisible()

  const line = `Hello from the session ${Date.now()}`
  await chat.getByRole('textbox', { name: 'Message' }).fill(line)
  await chat.getByRole('textbox', { name: 'Message' }).press('Enter')
  await expect(chat.getByRole('listitem').filter({ hasText: line })).toBeVisible()
  await expect(chat.locator('.chat-marker')).toHaveText('Session: Talk on now')

  await chat.getByRole('tab', { name: /Q&A/ }).click()
  const question = `Which session is this? ${Date.now()}`
  await chat.getByRole('textbox', { name: 'Your question' }).fill(question)
  await chat.getByRole('button', { name: 'Ask' }).click()
  await expect(chat.getByRole('listitem').filter({ hasText: question })).toBeVisible()
  const stored = await cms<{ docs: { message: string; kind: string; session: unknown }[] }>(
    'GET',
    `/chat-messages?where[event][equals]=${event.id}&depth=0&limit=10`,
    undefined,
    await adminToken(),
  )
  expect(stored.docs.find((doc) => doc.message === question)).toMatchObject({
    kind: 'question',
    session: sessions[0]!.id,
  })
  await context.close()
})

async function claimTokenOf(attendeeEmail: string): Promise<string> {
  const databaseUrl = new URL(localEnv().DATABASE_URL!)
  databaseUrl.pathname = `/${CMS_DATABASE}${process.env.E2E_DB_SUFFIX ?? ''}`
  const client = new pg.Client({ connectionString: databaseUrl.toString() })
  await client.connect()
  try {
    const { rows } = await client.query<{ token: string | null }>(
      'SELECT claim_token AS token FROM registrations WHERE attendee_email = $1',
      [attendeeEmail],
    )
    return rows[0]?.token ?? ''
  } finally {
    await client.end()
  }
}

test('over HTTPS a group order unlocks a type with a code, and its attendee claims the ticket through the form', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const admin = await adminToken()
  const created = await fetch(`${CMS_URL}/api/events`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `JWT ${admin}` },
    body: JSON.stringify({
      title: `Tickets over TLS ${Date.now()}`,
      startTime: new Date(Date.now() + 7 * 24 * 3600_000).toISOString(),
      duration: 60,
      timezone: 'Europe/Berlin',
      capacity: 20,
      price: 0,
      currency: 'EUR',
      status: 'pending_review',
      ticketTypes: [
        { name: 'Standard', price: 0 },
        { name: 'Crew', price: 0, hidden: true },
      ],
      promoCodes: [{ code: 'CREW', kind: 'unlock', appliesTo: ['Crew'] }],
    }),
  })
  const { doc: event } = (await created.json()) as { doc: { id: number; slug: string } }
  await cmsPatch(`/api/events/${event.id}`, admin, { status: 'published' })

  // Accounts come from the cms directly: sign-ups through the proxy are limited per address.
  const account = async (email: string, name: string) =>
    fetch(`${CMS_URL}/api/auth/register`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name, email, password: 'a-long-password' }),
    })
  const buyer = `tls-buyer-${Date.now()}@example.com`
  const friend = `tls-friend-${Date.now()}@example.com`
  await account(buyer, 'Tina Tickets')
  await account(friend, 'Fritz Friend')
  const { context, page: buyerPage } = await logInThroughForm(
    browser,
    buyer,
    'a-long-password',
    `/events/${event.slug}`,
  )
  const page = buyerPage
  await expect(page.getByLabel('Number of Crew tickets')).toHaveCount(0)
  await page.getByLabel('Promo code').fill('crew')
  await page.getByRole('button', { name: 'Apply' }).click()
  await expect(page.getByText('Code CREW: unlocks hidden tickets')).toBeVisible()
  await page.getByLabel('Number of Crew tickets').selectOption('2')
  const second = page.getByRole('group', { name: 'Ticket 2: Crew' })
  await second.getByLabel('Attendee name').fill('Fritz Friend')
  await second.getByLabel('Attendee email').fill(friend)
  await page.getByRole('button', { name: 'Register 2 tickets for free' }).click()
  await expect(
    page.getByRole('status').filter({ hasText: 'Your 2 tickets are confirmed.' }),
  ).toBeVisible()

  // The friend logs in from the claim link and claims with the page's form, all over HTTPS.
  const claim = await browser.newContext({ baseURL: PROXY_URL, ignoreHTTPSErrors: true })
  const friendPage = await claim.newPage()
  await friendPage.goto(`/claim?token=${await claimTokenOf(friend)}`)
  await friendPage.getByRole('link', { name: 'Log in to claim' }).click()
  await friendPage.getByLabel('Email').fill(friend)
  await friendPage.getByLabel('Password').fill('a-long-password')
  await friendPage.getByRole('button', { name: 'Log in' }).click()
  await friendPage.getByRole('button', { name: 'Claim my ticket' }).click()
  await expect(friendPage.getByRole('status')).toContainText('The ticket is yours.')
  expect(new URL(friendPage.url()).protocol).toBe('https:')
  await claim.close()
  await context.close()
})

test('a form posted from another site is refused, through the proxy as without it', async ({
  page,
  context,
}) => {
  // A page on a foreign origin that posts Alice's credentials to the site's login form.
  await page.route('https://evil.example/**', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<form method="post" action="${PROXY_URL}/login?_action=logIn&next=%2Faccount">
        <input name="email" value="alice@example.com"><input name="password" value="demo-user-1">
        <button>Win a prize</button></form>`,
    }),
  )
  await page.goto('https://evil.example/')
  await page.getByRole('button', { name: 'Win a prize' }).click()
  await expect(page.getByText(FORM_REFUSED)).toBeVisible()
  expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain('payload-token')

  // The same refusal without a browser: a foreign Origin, and no Origin at all.
  const login = '/login?_action=logIn'
  const fields = { email: 'alice@example.com', password: 'demo-user-1' }
  for (const headers of [{ Origin: 'https://evil.example' }, { Origin: undefined }]) {
    const reply = await postForm(login, fields, { from: '127.0.0.1', headers })
    expect(reply.status, JSON.stringify(headers)).toBe(403)
    expect(reply.body).toBe(FORM_REFUSED)
  }
  // A forged scheme from the visitor changes nothing: Caddy sets X-Forwarded-Proto itself.
  const forged = await postForm(login, fields, {
    from: '127.0.0.1',
    headers: { Origin: `http://localhost:${PROXY_PORT}`, 'X-Forwarded-Proto': 'http' },
  })
  expect(forged.status).toBe(403)
})

test('without TRUST_PROXY the site ignores a forwarded scheme', async () => {
  // The plain-http site of the other specs: a visitor cannot claim https to pass the check.
  const logOut = (origin: string, headers: Record<string, string> = {}) =>
    fetch(`${SITE_URL}/logout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    })
  const secureOrigin = SITE_URL.replace('http:', 'https:')
  expect((await logOut(secureOrigin, { 'X-Forwarded-Proto': 'https' })).status).toBe(403)
  expect((await logOut(SITE_URL)).status).toBe(303)
})

test('plain HTTP is redirected to HTTPS', async () => {
  const response = await fetch(`http://localhost:${PROXY_HTTP_PORT}/events?page=2`, {
    redirect: 'manual',
  })
  expect(response.status).toBe(308)
  // Whether Caddy names a non-standard HTTPS port here differs by version; the scheme matters.
  const location = new URL(response.headers.get('location') ?? '')
  expect(location.protocol).toBe('https:')
  expect(`${location.hostname}${location.pathname}${location.search}`).toBe(
    'localhost/events?page=2',
  )
})

test('sign-up is limited per visitor address behind the proxy; forgot and reset password work', async () => {
  const run = Date.now()
  // One visitor uses up the limit; a forged X-Forwarded-For does not make them someone else.
  for (let index = 0; index < PROXIED_SIGNUP_LIMIT; index += 1) {
    const reply = await signUp(`limit-${run}-${index}@example.com`, '127.0.0.2')
    expect(reply.status, reply.body.slice(0, 200)).toBe(303)
    expect(reply.location).toBe('/account')
  }
  for (const headers of [{}, { 'X-Forwarded-For': '203.0.113.9' }]) {
    const refused = await signUp(`limit-${run}-over@example.com`, '127.0.0.2', headers)
    expect(refused.location).toBeUndefined()
    expect(refused.body).toMatch(/Too many requests\. Try again in \d+ seconds\./)
  }

  // Another visitor still signs up, then forgets and resets the password.
  const email = `reset-${run}@example.com`
  const other = await signUp(email, '127.0.0.3')
  expect(other.status).toBe(303)
  expect(other.setCookie.join('\n')).toMatch(/payload-token=[^;]+;.*HttpOnly/)
  expect(other.setCookie.join('\n')).toMatch(/payload-token=[^;]+;.*Secure/)

  const forgot = await postForm(
    '/forgot-password?_action=forgotPassword',
    { email },
    { from: '127.0.0.3' },
  )
  expect(forgot.status).toBe(200)
  expect(forgot.body).toContain(`If an account exists for ${email}`)
  const token = await resetTokenOf(email)
  expect(token).not.toBe('')

  const reset = await postForm(
    '/reset-password?_action=resetPassword',
    { token, password: 'a-new-long-password' },
    { from: '127.0.0.3' },
  )
  expect(reset.status, reset.body.slice(0, 200)).toBe(303)
  expect(reset.location).toBe('/account')
  expect(reset.setCookie.join('\n')).toMatch(/payload-token=[^;]+;.*Secure/)

  const login = await postForm(
    '/login?_action=logIn&next=%2Faccount',
    { email, password: 'a-new-long-password' },
    { from: '127.0.0.3' },
  )
  expect(login.status).toBe(303)
  expect(login.location).toBe('/account')
})
