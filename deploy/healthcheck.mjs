/* global process, fetch, AbortSignal */
// Container HEALTHCHECK: exits 0 when $HEALTH_URL (or the first argument) answers 2xx within 4s.
const url = process.argv[2] ?? process.env.HEALTH_URL

if (!url) process.exit(0)
try {
  const response = await fetch(url, { signal: AbortSignal.timeout(4000) })
  process.exit(response.ok ? 0 : 1)
} catch {
  process.exit(1)
}
