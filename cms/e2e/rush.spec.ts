import { expect, test, type APIRequestContext } from '@playwright/test'

const first = `http://localhost:${Number(process.env.CMS_E2E_PORT ?? 3100)}`
const second = `http://localhost:${Number(process.env.CMS_E2E_PORT ?? 3100) + 1}`

async function logIn(request: APIRequestContext, email: string, password: string) {
  const response = await request.post(`${first}/api/auth/login`, { data: { email, password } })
  expect(response.ok()).toBe(true)
  return (await response.json()).token as string
}

async function signUpMany(request: APIRequestContext, count: number, prefix: string) {
  const tokens: string[] = []
  for (let offset = 0; offset < count; offset += 25) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(25, count - offset) }, async (_, index) => {
        const response = await request.post(`${first}/api/auth/register`, {
          data: {
            email: `${prefix}-${offset + index}@rush.test`,
            password: 'rush-password-1',
            name: `Rush ${offset + index}`,
          },
        })
        expect(response.status()).toBe(201)
        return (await response.json()).token as string
      }),
    )
    tokens.push(...batch)
  }
  return tokens
}

test('the approval workflow over HTTP: organizer submits, admin publishes, anyone sees it', async ({
  request,
}) => {
  const organizer = await logIn(request, 'olivia@example.com', 'demo-organizer-1')
  const admin = await logIn(request, 'admin@example.com', 'demo-admin-1')
  const created = await request.post(`${first}/api/events`, {
    headers: { Authorization: `JWT ${organizer}` },
    data: {
      title: 'Workflow Over HTTP',
      startTime: '2031-01-01T10:00:00.000Z',
      duration: 60,
      timezone: 'UTC',
      capacity: 10,
    },
  })
  expect(created.status()).toBe(201)
  const { doc } = await created.json()
  const submit = await request.patch(`${second}/api/events/${doc.id}`, {
    headers: { Authorization: `JWT ${organizer}` },
    data: { status: 'pending_review' },
  })
  expect(submit.status()).toBe(200)
  const selfPublish = await request.put(`${first}/api/events/${doc.id}`, {
    headers: { Authorization: `JWT ${organizer}` },
    data: { status: 'published' },
  })
  expect(selfPublish.status()).toBe(403)
  expect((await request.get(`${first}/api/events/${doc.id}`)).status()).toBe(404)
  const publish = await request.put(`${second}/api/events/${doc.id}`, {
    headers: { Authorization: `JWT ${admin}` },
    data: { status: 'published' },
  })
  expect(publish.status()).toBe(200)
  const list = await (await request.get(`${first}/api/events?q=Workflow Over HTTP`)).json()
  expect(list.docs.map((event: { id: number }) => event.id)).toEqual([doc.id])
  // A production build names its errors too (no minified "unknown error").
  const me = await request.get(`${first}/api/auth/me`)
  expect(me.status()).toBe(401)
  expect((await me.json()).errors[0].message).toBe('You are not logged in.')
})

test('a rush of 300 buyers on two cms processes confirms exactly the 50 seats', async ({
  request,
}) => {
  test.setTimeout(180_000)
  await expect
    .poll(async () => (await request.get(`${second}/api/events?limit=1`)).status())
    .toBe(200)
  const admin = await logIn(request, 'admin@example.com', 'demo-admin-1')
  const created = await request.post(`${first}/api/events`, {
    headers: { Authorization: `JWT ${admin}` },
    data: {
      title: 'Rush Hour',
      startTime: '2031-02-01T10:00:00.000Z',
      duration: 60,
      timezone: 'UTC',
      capacity: 50,
      status: 'pending_review',
    },
  })
  const event = (await created.json()).doc
  await request.patch(`${first}/api/events/${event.id}`, {
    headers: { Authorization: `JWT ${admin}` },
    data: { status: 'published' },
  })
  const buyers = await signUpMany(request, 300, `rush-${Date.now()}`)

  const responses = await Promise.all(
    buyers.map((token, index) =>
      request.post(`${index % 2 ? second : first}/api/registrations`, {
        headers: { Authorization: `JWT ${token}` },
        data: { event: event.id },
        timeout: 120_000,
      }),
    ),
  )
  const statuses = responses.map((response) => response.status())
  const count = (status: number) => statuses.filter((value) => value === status).length
  expect(statuses.filter((status) => status >= 500)).toEqual([])
  expect(count(201)).toBe(50)
  expect(count(409)).toBe(250)

  const availability = await (
    await request.get(`${second}/api/events/${event.id}/availability`)
  ).json()
  expect(availability).toMatchObject({ capacity: 50, taken: 50, seatsLeft: 0, isFull: true })
  const confirmed = await request.get(
    `${first}/api/registrations?where[event][equals]=${event.id}&where[status][equals]=confirmed&limit=1`,
    { headers: { Authorization: `JWT ${admin}` } },
  )
  expect((await confirmed.json()).totalDocs).toBe(50)
})
