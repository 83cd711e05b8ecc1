/* global process, fetch, AbortSignal, URL, console, setTimeout */
// The site's production server: Astro's standalone handler behind a plain
// node:http server that adds what the adapter lacks.
//   GET /healthz  200 while the process runs
//   GET /readyz   200 when cms answers its own /readyz (cms checks PostgreSQL and Redis); 503 otherwise
//   SIGTERM       stop accepting, finish in-flight requests, exit; SHUTDOWN_TIMEOUT_MS bounds it
//   x-request-id  kept from the proxy or made here, echoed on the response
//   TRUST_PROXY   "true" behind the proxy: the visitor's address comes from X-Forwarded-For and
//                 the scheme from X-Forwarded-Proto (unset: both headers are ignored)
// Usage: node deploy/site-server.mjs [path to the site's dist/server/entry.mjs]
import { randomUUID } from 'node:crypto'
import http from 'node:http'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

process.env.ASTRO_NODE_AUTOSTART = 'disabled'
const entry = path.resolve(process.argv[2] ?? 'dist/server/entry.mjs')
const { handler } = await import(pathToFileURL(entry).href)

const port = Number(process.env.PORT ?? 4321)
const host = process.env.HOST ?? '0.0.0.0'
const cmsUrl = (process.env.CMS_URL ?? 'http://localhost:3000').replace(/\/$/, '')
const shutdownTimeoutMs = Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 25_000)
const trustProxy = process.env.TRUST_PROXY === 'true'
let isShuttingDown = false

const log = (level, msg, fields = {}) =>
  console.log(
    JSON.stringify({ level, time: new Date().toISOString(), service: 'site', msg, ...fields }),
  )

function sendJson(res, status, body) {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
  res.end(JSON.stringify(body))
}

async function readiness() {
  if (isShuttingDown) return { status: 'unavailable', checks: { cms: 'ok', shuttingDown: true } }
  try {
    const response = await fetch(`${cmsUrl}/readyz`, { signal: AbortSignal.timeout(3000) })
    return response.ok
      ? { status: 'ok', checks: { cms: 'ok' } }
      : { status: 'unavailable', checks: { cms: 'down' } }
  } catch {
    return { status: 'unavailable', checks: { cms: 'down' } }
  }
}

/** The entry the nearest proxy added to a comma-separated X-Forwarded-* header. */
function lastForwarded(header) {
  return String(header ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .at(-1)
}

const server = http.createServer((req, res) => {
  const pathname = new URL(req.url ?? '/', 'http://site').pathname
  if (req.method === 'GET' && pathname === '/healthz') return sendJson(res, 200, { status: 'ok' })
  if (req.method === 'GET' && pathname === '/readyz') {
    readiness().then((result) => sendJson(res, result.status === 'ok' ? 200 : 503, result))
    return
  }
  // Connections that stay open past shutdown should not be reused.
  if (isShuttingDown) res.setHeader('Connection', 'close')
  // Behind the proxy every connection comes from the proxy. With TRUST_PROXY=true the visitor's
  // address is the last X-Forwarded-For entry (the one the proxy appended), so the per-address
  // rate limits in cms count visitors, not the proxy. Requests on one connection never overlap.
  if (trustProxy) {
    const forwarded = lastForwarded(req.headers['x-forwarded-for'])
    if (forwarded) {
      Object.defineProperty(req.socket, 'remoteAddress', { value: forwarded, configurable: true })
    }
    // The proxy terminates TLS. Astro's node adapter builds the request URL from the socket alone,
    // so without this an https page posting to itself looks cross-origin (Origin https://host vs
    // http://host) and Astro's CSRF check refuses every form with 403. Set on every request: the
    // proxy reuses the connection for other visitors.
    const isHttps = lastForwarded(req.headers['x-forwarded-proto']) === 'https'
    Object.defineProperty(req.socket, 'encrypted', { value: isHttps, configurable: true })
  }
  // The proxy's request id (or a new one) for the site's own logs and its calls to cms.
  const requestId = String(req.headers['x-request-id'] ?? '').slice(0, 128) || randomUUID()
  req.headers['x-request-id'] = requestId
  res.setHeader('X-Request-Id', requestId)
  handler(req, res)
})

server.listen(port, host, () => log('info', `site listening on http://${host}:${port}`))

function shutdown(signal) {
  if (isShuttingDown) return
  isShuttingDown = true
  log('info', 'shutting down: draining in-flight requests', {
    signal,
    timeoutMs: shutdownTimeoutMs,
  })
  setTimeout(() => {
    log('error', 'shutdown bound reached: exiting with requests still open')
    process.exit(1)
  }, shutdownTimeoutMs).unref()
  // close() stops accepting and waits for in-flight requests; idle keep-alive sockets close now.
  server.close(() => process.exit(0))
  server.closeIdleConnections()
}
process.on('SIGTERM', () => shutdown('SIGTERM'))
process.on('SIGINT', () => shutdown('SIGINT'))
