import { z } from 'zod'

import type { Cache } from './cache'
import type { CmsClient } from './cms'

export type NavLink = { label: string; href: string }

/** The menu until an editor sets one in the CMS (and while the CMS cannot say). */
export const DEFAULT_NAVIGATION: NavLink[] = [
  { label: 'Events', href: '/events' },
  { label: 'About', href: '/about' },
]

const navigationSchema = z
  .object({
    links: z
      .array(
        z.object({
          label: z.string(),
          kind: z.enum(['page', 'url']),
          // A published page comes populated; one the visitor may not read stays a bare id.
          page: z.union([z.object({ slug: z.string() }).loose(), z.number()]).nullish(),
          url: z.string().nullish(),
        }),
      )
      .nullish(),
  })
  .loose()

export type CmsNavigation = z.infer<typeof navigationSchema>

/** Links people can follow: pages by their slug, addresses as given; unpublished pages left out. */
export function toNavLinks(navigation: CmsNavigation): NavLink[] {
  const links = (navigation.links ?? []).flatMap((link): NavLink[] => {
    if (link.kind === 'page') {
      return link.page && typeof link.page === 'object'
        ? [{ label: link.label, href: `/${link.page.slug}` }]
        : []
    }
    return link.url ? [{ label: link.label, href: link.url }] : []
  })
  return links.length > 0 ? links : DEFAULT_NAVIGATION
}

/** The header's menu from the CMS's `navigation` global, cached until the CMS purges `navigation`. */
export function createNavigationLoader({ cms, cache }: { cms: CmsClient; cache: Cache }) {
  return (): Promise<NavLink[]> =>
    cache.get(
      'navigation',
      {
        ttl: 5 * 60_000,
        staleWhileRevalidate: 10 * 60_000,
        staleIfError: 24 * 60 * 60_000,
        tags: ['navigation', 'pages'],
      },
      async () => {
        const { data } = await cms.request('/api/globals/navigation', navigationSchema, {
          query: { depth: 1 },
          timeoutMs: 2000,
        })
        return toNavLinks(data)
      },
    )
}
