import { sql } from '@payloadcms/db-postgres'
import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { CollectionAfterChangeHook, CollectionBeforeLoginHook } from 'payload'

import { RequestError } from '../../../lib/errors'
import type { User } from '../../../payload-types'
import { sessionsTable } from '../../../services/tables'

export const refuseDisabledLogin: CollectionBeforeLoginHook<User> = ({ user }) => {
  if (user.disabled) {
    throw new RequestError('This account is disabled. Contact the organizers for help.', 403)
  }
  return user
}

/** Disabling an account ends its sessions: tokens carry a session id that no longer exists. */
export const endSessionsOfDisabled: CollectionAfterChangeHook<User> = async ({
  doc,
  previousDoc,
  req,
}) => {
  if (!doc.disabled || previousDoc?.disabled) return doc
  const adapter = req.payload.db as unknown as PostgresAdapter
  const db = adapter.sessions?.[String(await req.transactionID)]?.db ?? adapter.drizzle
  await db.execute(sql`DELETE FROM ${sessionsTable()} WHERE _parent_id = ${doc.id}`)
  return doc
}
