import type { CmsClient } from './cms'
import { eventSchema, paginatedSchema, type CmsEvent } from './schemas'

const eventList = paginatedSchema(eventSchema)

/**
 * An event as its organizer (or an admin) sees it, published or not: the CMS's read rules decide
 * with the visitor's token, so another organizer's draft stays a 404. Never cached.
 */
export async function loadEventPreview(
  cms: CmsClient,
  slug: string,
  token: string,
): Promise<CmsEvent | null> {
  const { data } = await cms.request('/api/events', eventList, {
    query: { 'where[slug][equals]': slug, limit: 1, depth: 1 },
    token,
  })
  return data.docs[0] ?? null
}
