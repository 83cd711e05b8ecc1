// Liveness: the process answers. It checks nothing else, so a database outage
// does not make the orchestrator restart every cms process.
export const dynamic = 'force-dynamic'

export function GET(): Response {
  return Response.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } })
}
