import os from 'node:os'
import path from 'node:path'

export const SITE_PORT = Number(process.env.SITE_E2E_PORT ?? 4310)
export const CMS_PORT = Number(process.env.SITE_E2E_CMS_PORT ?? 3210)
export const STRIPE_PORT = SITE_PORT + 80
/** The local mail catcher the e2e worker sends to, and the folder its messages land in. */
export const MAIL_SMTP_PORT = SITE_PORT + 81
export const MAIL_HTTP_PORT = SITE_PORT + 82
export const MAIL_DIR = `/tmp/event-portal-site-e2e-${SITE_PORT}-mail`
export const SITE_URL = `http://127.0.0.1:${SITE_PORT}`
export const CMS_URL = `http://localhost:${CMS_PORT}`
export const REVALIDATE_SECRET = 'e2e-site-revalidate-secret'
/** This run's own pub/sub channel on the shared Redis. */
export const PURGE_CHANNEL = `event-portal-site-e2e-${SITE_PORT}:purge`

/**
 * The HTTPS stack (proxy.spec.ts): deploy/Caddyfile with Caddy's local CA on PROXY_PORT (its
 * HTTP-to-HTTPS redirect on +1) in front of a site, a cms and two realtime nodes on +2 … +5.
 */
export const PROXY_PORT = Number(process.env.SITE_E2E_PROXY_PORT ?? SITE_PORT + 90)
export const PROXY_HTTP_PORT = PROXY_PORT + 1
export const PROXIED_SITE_PORT = PROXY_PORT + 2
export const PROXIED_CMS_PORT = PROXY_PORT + 3
export const REALTIME_PORTS = [PROXY_PORT + 4, PROXY_PORT + 5] as const
export const PROXY_URL = `https://localhost:${PROXY_PORT}`
/** Caddy's data (its local CA and certificates) for this run; the spec trusts this CA. */
export const CADDY_DATA_DIR = path.join(os.tmpdir(), `event-portal-site-e2e-caddy-${PROXY_PORT}`)
export const CADDY_ROOT_CERT = path.join(CADDY_DATA_DIR, 'caddy/pki/authorities/local/root.crt')
/** The cms's database; scripts/lib/testCms.ts appends E2E_DB_SUFFIX. */
export const CMS_DATABASE = 'event_portal_site_e2e'
