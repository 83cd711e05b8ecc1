import type { APIRoute } from 'astro'

import { absoluteUrl } from '../lib/site'

export const GET: APIRoute = () =>
  new Response(
    `User-agent: *
Disallow: /account
Disallow: /checkout/
Disallow: /api/
Allow: /

Sitemap: ${absoluteUrl('/sitemap.xml')}
`,
    { headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
  )
