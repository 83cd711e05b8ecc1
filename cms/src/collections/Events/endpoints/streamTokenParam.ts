import type { PayloadRequest } from 'payload'

import { RequestError } from '../../../lib/errors'
import { verifyStreamToken, type StreamGrant } from '../../../services/streamToken'

/** The grant of the stream token the player sends (`?token=` or `{ token }`), or 401. */
export function requireStreamGrant(req: PayloadRequest, token: unknown): StreamGrant {
  const eventId = Number(req.routeParams?.id)
  const grant =
    typeof token === 'string' && Number.isInteger(eventId)
      ? verifyStreamToken(token, eventId)
      : null
  if (!grant) {
    throw new RequestError(
      'The stream token is missing, invalid or expired: reload the page.',
      401,
      {
        reason: 'token',
      },
    )
  }
  return grant
}
