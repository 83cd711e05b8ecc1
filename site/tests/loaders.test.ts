import { describe, expect, inject, it } from 'vitest'
import { z } from 'zod'

import { createAccountApi } from '../src/lib/account'
import { createCache } from '../src/lib/cache'
import { CmsError, CmsUnavailableError, createCmsClient, type CmsClient } from '../src/lib/cms'
import { parseDiscoveryParams } from '../src/lib/discovery'
import { createPublicLoaders } from '../src/lib/loaders'

const cmsUrl = inject('cmsUrl')

/** The real client, counting the requests that reach the CMS. */
function countingClient(base: CmsClient) {
  const counter = { requests: 0 }
  const client: CmsClient = {
    baseUrl: base.baseUrl,
    request: (...args) => {
      counter.requests++
      return base.request(...args)
    },
  }
  return { client, counter }
}

const filters = (query = '') => parseDiscoveryParams(new URLSearchParams(query))

describe('public loaders against the real cms', () => {
  const { client, counter } = countingClient(createCmsClient(cmsUrl))
  const content = createPublicLoaders({ cms: client, cache: createCache() })

  it('lists only published, upcoming events, soonest first', async () => {
    const result = await content.listEvents(filters())
    const titles = result.docs.map((event) => event.title)
    expect(titles.length).toBeGreaterThan(3)
    expect(result.docs.every((event) => event.status === 'published')).toBe(true)
    expect(
      result.docs.every((event) => new Date(event.startTime) > new Date(Date.now() - 60_000)),
    ).toBe(true)
    const starts = result.docs.map((event) => event.startTime)
    expect([...starts].sort()).toEqual(starts)
    expect(titles).not.toContain('Intro to Observability') // in the past
    expect(titles).not.toContain('Synth Basics') // a draft
  })

  it('filters by text, category and price as the URL says', async () => {
    const design = await content.listEvents(filters('category=design'))
    expect(design.docs.length).toBeGreaterThan(0)
    expect(
      design.docs.every(
        (event) => typeof event.category === 'object' && event.category?.slug === 'design',
      ),
    ).toBe(true)
    const free = await content.listEvents(filters('price=free'))
    expect(free.docs.every((event) => event.price === 0)).toBe(true)
    const cheap = await content.listEvents(filters('maxPrice=15'))
    expect(cheap.docs.every((event) => event.price <= 1500)).toBe(true)
    const search = await content.listEvents(filters('q=Postgres'))
    expect(search.docs.map((event) => event.title)).toEqual(['Postgres Performance Clinic'])
    const unknown = await content.listEvents(filters('category=no-such-category'))
    expect(unknown.totalDocs).toBe(0)
  })

  it('serves repeated reads from the cache, without asking the cms again', async () => {
    await content.getEvent('typescript-in-production')
    const before = counter.requests
    for (let i = 0; i < 5; i++) await content.getEvent('typescript-in-production')
    await content.listEvents(filters())
    expect(counter.requests).toBe(before)
  })

  it('loads one published event with its category and organizer, and nothing for drafts', async () => {
    const event = await content.getEvent('postgres-performance-clinic')
    expect(event).toMatchObject({
      title: 'Postgres Performance Clinic',
      price: 2500,
      currency: 'USD',
    })
    expect(event?.category).toMatchObject({ slug: 'technology' })
    expect(event?.organizer).toMatchObject({ name: expect.any(String) })
    expect(await content.getEvent('synth-basics')).toBeNull()
    expect(await content.getEvent('no-such-event')).toBeNull()
  })

  it('reports seats left, and a full event as full', async () => {
    const small = await content.getEvent('realtime-apps-with-websockets')
    expect(await content.getAvailability(small!.id)).toMatchObject({
      capacity: 3,
      isFull: true,
      seatsLeft: 0,
    })
    const big = await content.getEvent('typescript-in-production')
    expect(await content.getAvailability(big!.id)).toMatchObject({ capacity: 500, isFull: false })
  })

  it('loads published CMS pages by slug', async () => {
    expect(await content.getPage('about')).toMatchObject({ title: 'About Event Portal' })
    expect(await content.getPage('no-such-page')).toBeNull()
  })
})

describe('account calls against the real cms', () => {
  const account = createAccountApi(createCmsClient(cmsUrl))

  it('logs in, knows who is logged in, and refuses a wrong password', async () => {
    const { token, user } = await account.logIn('bob@example.com', 'demo-user-2')
    expect(user.role).toBe('user')
    expect(await account.me(token)).toMatchObject({ email: 'bob@example.com' })
    expect(await account.me('not-a-token')).toBeNull()
    await expect(account.logIn('bob@example.com', 'wrong')).rejects.toMatchObject({ status: 401 })
  })

  it('registers for a free event once, lists it, and cancels it', async () => {
    const { token } = await account.logIn('carol@example.com', 'demo-user-3')
    const content = createPublicLoaders({ cms: createCmsClient(cmsUrl), cache: createCache() })
    const event = await content.getEvent('typography-for-the-web')
    const registration = await account.register(event!.id, token)
    expect(registration.status).toBe('confirmed')
    await expect(account.register(event!.id, token)).rejects.toBeInstanceOf(CmsError)
    const mine = await account.myRegistrations(token)
    expect(
      mine.map((item) => (typeof item.event === 'object' ? item.event.slug : item.event)),
    ).toContain('typography-for-the-web')
    await account.cancel(registration.id, token)
    const after = await account.myRegistrations(token)
    expect(after.find((item) => item.id === registration.id)?.status).toBe('cancelled')
  })

  it('refuses registration without a session', async () => {
    const content = createPublicLoaders({ cms: createCmsClient(cmsUrl), cache: createCache() })
    const event = await content.getEvent('typography-for-the-web')
    await expect(account.register(event!.id, '')).rejects.toMatchObject({ status: 401 })
  })
})

describe('when the cms is down', () => {
  it('fails with CmsUnavailableError, and keeps serving what was cached', async () => {
    const down = createCmsClient('http://127.0.0.1:9')
    await expect(down.request('/api/events', z.unknown())).rejects.toBeInstanceOf(
      CmsUnavailableError,
    )
    let time = Date.now()
    const cache = createCache({ now: () => time })
    const page = await createPublicLoaders({ cms: createCmsClient(cmsUrl), cache }).getPage('about')
    // Long past fresh and stale-while-revalidate: the reload is attempted, fails, and the last
    // good copy is served instead of an error.
    time += 60 * 60 * 1000
    const offline = createPublicLoaders({ cms: down, cache })
    expect(await offline.getPage('about')).toEqual(page)
  })
})
