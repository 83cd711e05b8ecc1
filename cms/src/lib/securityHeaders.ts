/**
 * Headers on every cms response. The admin renders inline scripts and styles
 * (Next, Payload UI), so its CSP restricts where it may be framed, where forms
 * post and which plugins load, rather than which scripts run.
 */
export const cmsSecurityHeaders: { key: string; value: string }[] = [
  {
    key: 'Content-Security-Policy',
    value: "frame-ancestors 'self'; base-uri 'self'; form-action 'self'; object-src 'none'",
  },
  { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  // Browsers ignore HSTS over plain HTTP, so it is safe to send always; behind
  // the HTTPS proxy it pins the origin to HTTPS.
  { key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' },
]

/** Largest request bodies the cms accepts (the proxy enforces the same limits first). */
export const MAX_JSON_BODY_BYTES = 1024 * 1024
export const MAX_UPLOAD_BODY_BYTES = 25 * 1024 * 1024
