import type { FieldAccess } from 'payload'

/** True only for a read of the caller's own account: a query (no doc) never qualifies. */
export const ownSessions: FieldAccess = ({ req: { user }, doc }) =>
  Boolean(user && doc && String(doc.id) === String(user.id))
