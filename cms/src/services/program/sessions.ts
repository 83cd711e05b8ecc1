import { APIError, type PayloadRequest } from 'payload'

import { PROGRAM_ERROR } from '../../contract/program'
import { RequestError } from '../../lib/errors'
import type { Session } from '../../payload-types'

/**
 * The session (depth 0, every field) when the caller may see it under the sessions' read rule;
 * 404 otherwise. Read twice: first as the caller, to decide, then whole, for the endpoint's use.
 */
export async function findVisibleSession(
  req: PayloadRequest,
  id: string | number | undefined,
): Promise<Session> {
  const visible = await req.payload
    .findByID({
      collection: 'sessions',
      id: String(id),
      depth: 0,
      select: { title: true },
      overrideAccess: false,
      user: req.user,
      req,
    })
    .catch((error: unknown) => {
      if (error instanceof APIError && error.status === 400) throw error
      return null
    })
  if (!visible) {
    throw new RequestError('No such session.', 404, { code: PROGRAM_ERROR.sessionNotFound })
  }
  return req.payload.findByID({
    collection: 'sessions',
    id: visible.id,
    depth: 0,
    overrideAccess: true,
    req,
  })
}
