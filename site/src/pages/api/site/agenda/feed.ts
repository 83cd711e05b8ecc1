import type { APIRoute } from 'astro'

import { visitorMessage } from '../../../../lib/http'
import { program } from '../../../../lib/site'

/**
 * The "new address" and "turn off" buttons of /account/agenda (form posts): a new secret feed
 * address replaces the old one, or none is left. The page shows the outcome.
 */
export const POST: APIRoute = async ({ request, locals, redirect }) => {
  if (!locals.token) return redirect('/login?next=/account/agenda', 303)
  const form = await request.formData().catch(() => new FormData())
  const action = form.get('action')
  if (action !== 'rotate' && action !== 'revoke')
    return redirect('/account/agenda?feed=invalid', 303)
  try {
    if (action === 'rotate') await program.rotateFeed(locals.token)
    else await program.revokeFeed(locals.token)
    return redirect(`/account/agenda?feed=${action === 'rotate' ? 'rotated' : 'revoked'}`, 303)
  } catch (error) {
    const { status } = visitorMessage(error)
    return redirect(`/account/agenda?feed=failed&status=${status}`, 303)
  }
}
