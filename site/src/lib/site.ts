// The site's single instances of the CMS client, the cache and the loaders.
import { CMS_URL, REDIS_URL, SITE_CACHE_CHANNEL, SITE_URL } from 'astro:env/server'

import { createAccountApi } from './account'
import { createCache } from './cache'
import { createCmsClient } from './cms'
import { createPublicLoaders } from './loaders'
import { createNavigationLoader } from './navigation'
import { createPersonalAgendaApi } from './personalAgenda'
import { createPurgeBus } from './purgeBus'

export const cms = createCmsClient(CMS_URL)
export const cache = createCache()
export const content = createPublicLoaders({ cms, cache })
export const loadNavigation = createNavigationLoader({ cms, cache })
export const purgeBus = createPurgeBus({ cache, redisUrl: REDIS_URL, channel: SITE_CACHE_CHANNEL })
export const account = createAccountApi(cms)
export const program = createPersonalAgendaApi(cms)
export const siteUrl = SITE_URL.replace(/\/$/, '')
export const cmsUrl = cms.baseUrl
/** An https public address (behind the TLS proxy) keeps the session cookie off plain http. */
export const isSecureSite = new URL(siteUrl).protocol === 'https:'

export function absoluteUrl(path: string): string {
  return `${siteUrl}${path}`
}
