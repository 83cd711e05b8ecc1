import type { APIRoute } from 'astro'

import { escapeHtml } from '../lib/lexical'
import { absoluteUrl, content } from '../lib/site'

export const GET: APIRoute = async () => {
  const [{ events, pages }, categories] = await Promise.all([
    content.sitemapEntries(),
    content.listCategories(),
  ])
  const entries = [
    { path: '/', lastmod: undefined },
    { path: '/events', lastmod: undefined },
    ...categories.map((category) => ({ path: `/categories/${category.slug}`, lastmod: undefined })),
    ...events.map((event) => ({ path: `/events/${event.slug}`, lastmod: event.updatedAt })),
    ...pages.map((page) => ({ path: `/${page.slug}`, lastmod: page.updatedAt })),
  ]
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${entries
  .map(
    ({ path, lastmod }) =>
      `  <url><loc>${escapeHtml(absoluteUrl(path))}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`,
  )
  .join('\n')}
</urlset>
`
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } })
}
