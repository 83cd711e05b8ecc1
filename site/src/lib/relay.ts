import { cmsUrl } from './site'
import { json } from './http'

/**
 * Passes one request through to the CMS and its answer back unchanged, for the
 * islands' calls that carry their own proof (a stream token, the session).
 */
export async function relayToCms(
  path: string,
  init: { method?: 'GET' | 'POST'; body?: unknown; token?: string | null } = {},
): Promise<Response> {
  const headers: Record<string, string> = { Accept: '*/*' }
  if (init.body !== undefined) headers['Content-Type'] = 'application/json'
  if (init.token) headers.Authorization = `JWT ${init.token}`
  let response: Response
  try {
    response = await fetch(`${cmsUrl}${path}`, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: AbortSignal.timeout(15_000),
    })
  } catch {
    return json({ error: 'The service is temporarily unavailable. Please try again shortly.' }, 503)
  }
  const passed = new Headers({ 'Cache-Control': 'private, no-store' })
  for (const name of ['content-type', 'content-length', 'content-disposition']) {
    const value = response.headers.get(name)
    if (value) passed.set(name, value)
  }
  return new Response(response.body, { status: response.status, headers: passed })
}

/** A positive integer route parameter, or null. */
export function idParam(value: string | undefined): number | null {
  return value && /^\d{1,12}$/.test(value) ? Number(value) : null
}
