import type { APIRoute } from 'astro'

import { AUTH_COOKIE } from '../lib/account'
import { account, isSecureSite } from '../lib/site'

export const POST: APIRoute = async ({ locals, cookies, redirect }) => {
  if (locals.token) {
    // The session ends on the site whatever the CMS answers.
    await account.logOut(locals.token).catch(() => undefined)
  }
  cookies.delete(AUTH_COOKIE, { path: '/', secure: isSecureSite })
  return redirect('/', 303)
}
