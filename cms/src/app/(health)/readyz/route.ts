import config from '@payload-config'
import { getPayload } from 'payload'

import { checkReadiness } from '../../../lib/readiness'

// Readiness: PostgreSQL (through Payload) and Redis answer, and the process is
// not shutting down. 503 takes this process out of the proxy's rotation.
export const dynamic = 'force-dynamic'

export async function GET(): Promise<Response> {
  const headers = { 'Cache-Control': 'no-store' }
  try {
    const payload = await getPayload({ config })
    const readiness = await checkReadiness(payload)
    return Response.json(readiness, { status: readiness.status === 'ok' ? 200 : 503, headers })
  } catch {
    // Payload could not even start (its database was unreachable at boot).
    return Response.json(
      { status: 'unavailable', checks: { database: 'down', redis: 'unknown' } },
      { status: 503, headers },
    )
  }
}
