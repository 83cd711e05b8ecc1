import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionAfterLogoutHook,
} from 'payload'

import { revokeSessions } from '../../../lib/realtimeBus'
import type { User } from '../../../payload-types'

// The realtime gateway verifies session tokens itself; these tell it which ended.

const RANK = { user: 0, organizer: 1, admin: 2 } as const

/** A logout ends that session (or every session, `?allSessions=true`) in the chat too. */
export const endChatSessionOnLogout: CollectionAfterLogoutHook = async ({ req }) => {
  const user = req.user as (User & { _sid?: string }) | null
  if (!user) return
  const isEverySession = req.searchParams?.get('allSessions') === 'true'
  await revokeSessions(req, user.id, isEverySession ? undefined : user._sid)
}

/**
 * A disabled account, or one that lost a role (the role travels in the token),
 * is let out of the chat at once; a re-enabled or demoted person signs in again.
 */
export const endChatSessionsOnChange: CollectionAfterChangeHook<User> = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  if (operation !== 'update' || !previousDoc) return doc
  const isNewlyDisabled = Boolean(doc.disabled) && !previousDoc.disabled
  const hasLostRole = RANK[doc.role] < RANK[previousDoc.role]
  if (isNewlyDisabled || hasLostRole) await revokeSessions(req, doc.id)
  return doc
}

export const endChatSessionsOnDelete: CollectionAfterDeleteHook<User> = async ({ doc, req }) => {
  await revokeSessions(req, doc.id)
  return doc
}
