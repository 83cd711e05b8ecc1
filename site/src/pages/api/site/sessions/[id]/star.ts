import type { APIRoute } from 'astro'

import { json, visitorMessage } from '../../../../../lib/http'
import { PAGE_TAG } from '../../../../../lib/pageCache'
import { idParam } from '../../../../../lib/relay'
import { safeNextPath } from '../../../../../lib/redirect'
import { cache, program } from '../../../../../lib/site'

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** A readable refusal for a form post, with the way back. */
function refusalPage(message: string, status: number, back: string): Response {
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Could not star the session</title></head><body><main><h1>Could not star the session</h1><p role="alert">${escapeHtml(message)}</p><p><a href="${escapeHtml(back)}">Back</a></p></main></body></html>`
  return new Response(body, {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
  })
}

/**
 * Stars or unstars a session for the signed-in registrant (cms decides who may), with or
 * without the reminder email 10 minutes before (`remind`). A form post
 * (no JavaScript needed) goes back to the page it came from; a JSON call gets JSON.
 */
export const POST: APIRoute = async ({ params, request, locals, redirect }) => {
  const isForm = !request.headers.get('content-type')?.includes('application/json')
  const input = isForm
    ? Object.fromEntries(await request.formData().catch(() => new FormData()))
    : await request.json().catch(() => ({}))
  const back = safeNextPath(typeof input.next === 'string' ? input.next : null, '/account/agenda')
  const id = idParam(params.id)
  if (id === null) {
    return isForm
      ? refusalPage('No such session.', 404, back)
      : json({ error: 'No such session.' }, 404)
  }
  if (!locals.token) {
    if (isForm) return redirect(`/login?next=${encodeURIComponent(back)}`, 303)
    return json({ error: 'Log in to star sessions.', code: 'LOGIN_REQUIRED' }, 401)
  }
  const starred = input.starred === true || input.starred === 'true'
  const remind = input.remind === true || input.remind === 'true'
  try {
    const result = await program.star(id, { starred, remind }, locals.token)
    cache.purgeTags([PAGE_TAG])
    return isForm ? redirect(`${back}#session-${id}`, 303) : json(result)
  } catch (error) {
    const { message, status, code } = visitorMessage(error)
    return isForm ? refusalPage(message, status, back) : json({ error: message, code }, status)
  }
}
