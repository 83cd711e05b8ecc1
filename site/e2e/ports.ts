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
