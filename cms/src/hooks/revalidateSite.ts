import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  GlobalAfterChangeHook,
  Payload,
  PayloadRequest,
  TypeWithID,
} from 'payload'

import { afterCommit } from '../jobs/afterCommit'
import { settings, slugs } from '../plugin/settings'

type AnyDoc = TypeWithID & Record<string, unknown>

const idOf = (value: unknown): unknown =>
  value && typeof value === 'object' && 'id' in value ? (value as { id: unknown }).id : value

/**
 * Cache tags on the site that depend on a document of each collection (or a global). The tags are
 * the site's names, whatever the host calls the collections.
 */
function tagsFor(collection: string): ((doc: AnyDoc) => string[]) | undefined {
  switch (collection) {
    case slugs.events:
      return (doc) => ['events', `event:${String(doc.slug)}`, `seats:${doc.id}`]
    case slugs.categories:
      return () => ['categories', 'events']
    case slugs.registrations:
      return (doc) => [`seats:${String(idOf(doc.event))}`]
    case slugs.sessions:
      return (doc) => [`agenda:${String(idOf(doc.event))}`, 'speakers']
    case slugs.speakers:
      return (doc) => ['speakers', `speaker:${String(doc.slug)}`]
    case 'pages':
      return (doc) => ['pages', `page:${String(doc.slug)}`]
    // Globals: the slug is the tag.
    case 'navigation':
      return () => ['navigation']
  }
}

/** Writes within this window share one purge request: a ticket rush writes a registration per
 * seat, and each would otherwise POST the same `seats:<id>` tag to the site. */
const COALESCE_MS = 100
let pendingTags: Set<string> | null = null

/** Never throws: a site that is down must not fail a CMS write. */
function purge(payload: Payload, tags: string[]): void {
  fetch(new URL('/api/revalidate', settings.siteUrl), {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-Revalidate-Secret': settings.revalidateSecret,
    },
    body: JSON.stringify({ tags }),
    signal: AbortSignal.timeout(2000),
  })
    .then((response) => {
      if (!response.ok) payload.logger.warn(`site revalidation answered ${response.status}`)
    })
    .catch(() => {
      // The site is not running (e.g. during the seed); its caches expire on their own.
      payload.logger.debug('site revalidation skipped: site unreachable')
    })
}

/** Purges `tags` on the site with the other writes of this window (call it after the commit). */
export function purgeSiteTags(payload: Payload, tags: string[]): void {
  if (!pendingTags) {
    const batch = (pendingTags = new Set())
    setTimeout(() => {
      pendingTags = null
      purge(payload, [...batch])
    }, COALESCE_MS).unref()
  }
  for (const tag of tags) pendingTags.add(tag)
}

/**
 * Tells the public site to purge what it cached from this collection, once the write has
 * committed (purged earlier, the site could re-read and cache the row as it was). Never awaited.
 */
function notifySite(req: PayloadRequest, collection: string, docs: AnyDoc[]): void {
  if (req.context.skipRevalidate) return
  const tags = [...new Set(docs.flatMap((doc) => tagsFor(collection)?.(doc) ?? []))]
  if (tags.length === 0) return
  const { payload } = req
  void afterCommit(req, `site revalidation of ${collection}`, async () =>
    purgeSiteTags(payload, tags),
  )
}

export const revalidateSiteAfterChange: CollectionAfterChangeHook = ({
  collection,
  doc,
  previousDoc,
  req,
}) => {
  const docs = [doc as AnyDoc]
  // A renamed slug must purge the old address too.
  if (previousDoc && (previousDoc as AnyDoc).slug !== (doc as AnyDoc).slug) {
    docs.push(previousDoc as AnyDoc)
  }
  notifySite(req, collection.slug, docs)
  return doc
}

export const revalidateSiteAfterDelete: CollectionAfterDeleteHook = ({ collection, doc, req }) => {
  notifySite(req, collection.slug, [doc as AnyDoc])
  return doc
}

export const revalidateSiteAfterGlobalChange: GlobalAfterChangeHook = ({ doc, global, req }) => {
  notifySite(req, global.slug, [doc as AnyDoc])
  return doc
}
