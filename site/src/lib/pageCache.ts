import type { Cache } from './cache'

/**
 * Whole pages as an anonymous visitor sees them, for a few seconds. Every
 * revalidation from the CMS purges them all (tag `html`), so an edit still
 * shows on the next request; the short TTL bounds how stale seats-left can be.
 */
export const PAGE_TAG = 'html'
const PAGE_TTL_MS = 5000

/** Pages that differ per visitor or per submission are never shared. */
const PERSONAL = /^\/(api|account|checkout|login|signup|logout|forgot-password|reset-password|_)/

type CachedPage = { body: string; headers: [string, string][] }

export function isShareable(request: Request, url: URL, hasSession: boolean): boolean {
  return (
    request.method === 'GET' &&
    !hasSession &&
    !PERSONAL.test(url.pathname) &&
    !url.searchParams.has('preview') &&
    !url.searchParams.has('_action')
  )
}

const keyFor = (url: URL) => `page:${url.pathname}${url.search}`

export function cachedPage(cache: Cache, url: URL): Response | null {
  const page = cache.peek<CachedPage>(keyFor(url))
  if (!page) return null
  return new Response(page.body, { status: 200, headers: [...page.headers, ['X-Cache', 'HIT']] })
}

/** Stores a successful HTML answer and hands back an equivalent response. */
export async function storePage(
  cache: Cache,
  url: URL,
  response: Response,
  version: number,
): Promise<Response> {
  const isHtml = response.headers.get('content-type')?.includes('text/html')
  if (response.status !== 200 || !isHtml || response.headers.has('set-cookie')) return response
  const body = await response.text()
  const headers = [...response.headers.entries()]
  cache.set(
    keyFor(url),
    { body, headers } satisfies CachedPage,
    {
      ttl: PAGE_TTL_MS,
      tags: [PAGE_TAG],
    },
    version,
  )
  return new Response(body, { status: 200, headers: [...headers, ['X-Cache', 'MISS']] })
}
