import type { APIRoute } from 'astro'

import { idParam, relayToCms } from '../../../../../lib/relay'

/** The island's "Apply" for a promo code: the types on offer with that code's prices. */
export const GET: APIRoute = async ({ params, url }) => {
  const id = idParam(params.id)
  if (!id) return new Response(null, { status: 404 })
  const code = url.searchParams.get('code')?.trim().slice(0, 64)
  return relayToCms(`/api/events/${id}/tickets${code ? `?code=${encodeURIComponent(code)}` : ''}`)
}
