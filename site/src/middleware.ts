import { defineMiddleware } from 'astro:middleware'

import { AUTH_COOKIE } from './lib/account'
import { CmsUnavailableError } from './lib/cms'
import { cachedPage, isShareable, storePage } from './lib/pageCache'
import { withRequestContext } from './lib/requestContext'
import { account, cache, isSecureSite } from './lib/site'

/**
 * Who is visiting (from Payload's cookie, asked of the cms, never cached), and
 * one place that turns "the CMS is down" into the friendly 503 page.
 */
export const onRequest = defineMiddleware((context, next) => {
  const requestId = context.request.headers.get('x-request-id')?.slice(0, 128) || undefined
  return withRequestContext({ requestId }, () => handle(context, next))
})

const handle: Parameters<typeof defineMiddleware>[0] = async (context, next) => {
  context.locals.user = null
  context.locals.token = null
  const token = context.cookies.get(AUTH_COOKIE)?.value
  if (token && !context.url.pathname.startsWith('/_')) {
    try {
      const user = await account.me(token)
      if (user) {
        context.locals.user = user
        context.locals.token = token
      } else {
        context.cookies.delete(AUTH_COOKIE, { path: '/', secure: isSecureSite })
      }
    } catch (error) {
      // The CMS is unreachable: public pages can still be served from the cache.
      if (!(error instanceof CmsUnavailableError)) throw error
    }
  }
  const isShared = isShareable(context.request, context.url, Boolean(context.locals.token))
  if (isShared) {
    const hit = cachedPage(cache, context.url)
    if (hit) return hit
  }
  const cacheVersion = cache.version()
  try {
    const response = await next()
    if (context.locals.user) response.headers.set('Cache-Control', 'private, no-store')
    return isShared ? await storePage(cache, context.url, response, cacheVersion) : response
  } catch (error) {
    if (error instanceof CmsUnavailableError) return context.rewrite('/503')
    throw error
  }
}
