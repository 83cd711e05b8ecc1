import { z } from 'zod'

import type { Cache, CacheOptions } from './cache'
import { CmsError, type CmsClient } from './cms'
import { cmsEventQuery, type DiscoveryFilters } from './discovery'
import { agendaSchema, speakerPageSchema, type Agenda, type SpeakerPage } from './program'
import {
  availabilitySchema,
  categorySchema,
  eventSchema,
  pageSchema,
  paginatedSchema,
  type Availability,
  type Category,
  type CmsEvent,
  type CmsPage,
  type Paginated,
  ticketsSchema,
  type Tickets,
} from './schemas'

const SECOND = 1000
const MINUTE = 60 * SECOND

/**
 * Public content changes only through the CMS, which purges these tags on
 * every change; the TTLs are a safety net for a missed purge.
 */
const CONTENT: Omit<CacheOptions, 'tags'> = {
  ttl: 5 * MINUTE,
  staleWhileRevalidate: 10 * MINUTE,
  staleIfError: 24 * 60 * MINUTE,
}
/** Seats change with every registration: short-lived even when no purge arrives. */
const SEATS: Omit<CacheOptions, 'tags'> = { ttl: 5 * SECOND, staleWhileRevalidate: 5 * SECOND }

const eventList = paginatedSchema(eventSchema)
const categoryList = paginatedSchema(categorySchema)
const pageList = paginatedSchema(pageSchema)
/** Sessions move during a conference: a missed purge must not keep an old time for long. */
const PROGRAM: Omit<CacheOptions, 'tags'> = {
  ttl: MINUTE,
  staleWhileRevalidate: MINUTE,
  staleIfError: 24 * 60 * MINUTE,
}
const sitemapList = paginatedSchema(z.object({ slug: z.string(), updatedAt: z.string() }).loose())

export type PublicLoaders = ReturnType<typeof createPublicLoaders>

/** Reads of published content, shared by every visitor and therefore cached. */
export function createPublicLoaders({
  cms,
  cache,
  now = () => new Date(),
}: {
  cms: CmsClient
  cache: Cache
  now?: () => Date
}) {
  async function findEventBySlug(slug: string): Promise<CmsEvent | null> {
    const { data } = await cms.request('/api/events', eventList, {
      query: { 'where[slug][equals]': slug, limit: 1, depth: 1 },
    })
    return data.docs[0] ?? null
  }

  return {
    listEvents(
      filters: DiscoveryFilters,
      options?: Parameters<typeof cmsEventQuery>[2],
    ): Promise<Paginated<CmsEvent>> {
      const query = cmsEventQuery(filters, now(), options)
      const key = `events:${new URLSearchParams(query).toString()}`
      return cache.get(key, { ...CONTENT, tags: ['events'] }, async () => {
        try {
          return (await cms.request('/api/events', eventList, { query })).data
        } catch (error) {
          // A filter the CMS refuses (e.g. an unknown category) simply matches nothing.
          if (error instanceof CmsError && error.status === 400) {
            return {
              docs: [],
              totalDocs: 0,
              totalPages: 0,
              page: 1,
              hasNextPage: false,
              hasPrevPage: false,
            }
          }
          throw error
        }
      })
    },

    listCategories(): Promise<Category[]> {
      return cache.get('categories', { ...CONTENT, tags: ['categories'] }, async () => {
        const { data } = await cms.request('/api/categories', categoryList, {
          query: { limit: 100, sort: 'name', depth: 0 },
        })
        return data.docs
      })
    },

    getEvent(slug: string): Promise<CmsEvent | null> {
      return cache.get(`event:${slug}`, { ...CONTENT, tags: ['events', `event:${slug}`] }, () =>
        findEventBySlug(slug),
      )
    },

    /** Null when the CMS cannot say (no availability endpoint, or the event is not public). */
    getAvailability(eventId: number): Promise<Availability | null> {
      return cache.get(`seats:${eventId}`, { ...SEATS, tags: [`seats:${eventId}`] }, async () => {
        try {
          return (
            await cms.request(`/api/events/${eventId}/availability`, availabilitySchema, {
              timeoutMs: 2000,
            })
          ).data
        } catch {
          // Seats are a detail of the page: when the CMS cannot say, the page shows none
          // rather than failing, and asks again once this short entry expires.
          return null
        }
      })
    },

    /** The public program of an event (no stream addresses); null when it has none to show. */
    getAgenda(eventId: number): Promise<Agenda | null> {
      return cache.get(
        `agenda:${eventId}`,
        { ...PROGRAM, tags: ['sessions', 'speakers', `agenda:${eventId}`] },
        async () => {
          try {
            return (await cms.request(`/api/events/${eventId}/agenda`, agendaSchema)).data
          } catch (error) {
            if (error instanceof CmsError && error.status === 404) return null
            throw error
          }
        },
      )
    },

    /** A speaker with their sessions of published events; null for no such speaker. */
    getSpeaker(slug: string): Promise<SpeakerPage | null> {
      return cache.get(
        `speaker:${slug}`,
        { ...PROGRAM, tags: ['sessions', 'speakers', `speaker:${slug}`] },
        async () => {
          try {
            return (
              await cms.request(
                `/api/speakers/by-slug/${encodeURIComponent(slug)}`,
                speakerPageSchema,
              )
            ).data
          } catch (error) {
            if (error instanceof CmsError && error.status === 404) return null
            throw error
          }
        },
      )
    },

    /**
     * The ticket types on offer (docs/tickets.md). With a code the answer is this visitor's
     * (hidden types, discounts) and never cached; without one it is cached like the seats.
     */
    async getTickets(eventId: number, code?: string | null): Promise<Tickets | null> {
      const load = async () => {
        try {
          return (
            await cms.request(`/api/events/${eventId}/tickets`, ticketsSchema, {
              query: code ? { code } : undefined,
              timeoutMs: 3000,
            })
          ).data
        } catch {
          // As for seats: the page then offers the plain booking button rather than failing.
          return null
        }
      }
      if (code) return load()
      return cache.get(`tickets:${eventId}`, { ...SEATS, tags: [`seats:${eventId}`] }, load)
    },

    getPage(slug: string): Promise<CmsPage | null> {
      return cache.get(
        `page:${slug}`,
        { ...CONTENT, tags: ['pages', `page:${slug}`] },
        async () => {
          const { data } = await cms.request('/api/pages', pageList, {
            query: { 'where[slug][equals]': slug, limit: 1, depth: 1 },
          })
          return data.docs[0] ?? null
        },
      )
    },

    /** Every published event and page, for sitemap.xml. */
    sitemapEntries(): Promise<{
      events: { slug: string; updatedAt: string }[]
      pages: { slug: string; updatedAt: string }[]
    }> {
      return cache.get('sitemap', { ...CONTENT, tags: ['events', 'pages'] }, async () => {
        // cms returns at most 100 documents per request to visitors: read every page.
        const everyPage = async (path: string, sort: string) => {
          const entries: { slug: string; updatedAt: string }[] = []
          for (let page = 1; ; page++) {
            const { data } = await cms.request(path, sitemapList, {
              query: { limit: 100, page, depth: 0, sort },
            })
            entries.push(...data.docs.map(({ slug, updatedAt }) => ({ slug, updatedAt })))
            if (!data.hasNextPage) return entries
          }
        }
        const [events, pages] = await Promise.all([
          everyPage('/api/events', '-startTime'),
          everyPage('/api/pages', 'slug'),
        ])
        return { events, pages }
      })
    },
  }
}

/** A draft (or published) page as an editor sees it: never cached. */
export async function loadPagePreview(cms: CmsClient, slug: string, token: string) {
  const { data } = await cms.request('/api/pages', pageList, {
    query: { 'where[slug][equals]': slug, limit: 1, depth: 1, draft: 'true' },
    token,
  })
  return data.docs[0] ?? null
}
