import type { FieldHook } from 'payload'

import type { Session } from '../../../payload-types'
import { findSpeakerClashes } from '../../../services/program/speakerClashes'

/**
 * `speakerClashes`: computed when one session is read (its edit page, a write's answer), so the
 * organizer sees the warning; lists skip the extra query.
 */
export const listSpeakerClashes: FieldHook<Session> = async ({ data, findMany, req }) => {
  if (findMany || !data?.id || !req.user) return undefined
  return findSpeakerClashes(req, data as Session)
}
