import type { CollectionBeforeDeleteHook, PayloadRequest, Where } from 'payload'

import { RequestError } from '../../../lib/errors'

export const USER_HAS_PAYMENTS = 'USER_HAS_PAYMENTS'
export const USER_ORGANIZES_EVENTS = 'USER_ORGANIZES_EVENTS'
export const USER_HAS_MODERATION_HISTORY = 'USER_HAS_MODERATION_HISTORY'

const count = async (
  req: PayloadRequest,
  collection: 'events' | 'payments' | 'chat-moderation-actions',
  where: Where,
) => (await req.payload.count({ collection, where, overrideAccess: true, req })).totalDocs

/** Records that must outlive the account: deleting it is refused with the reason (409). */
async function refuseIfKept(req: PayloadRequest, userId: number | string): Promise<void> {
  const events =
    (await count(req, 'events', { organizer: { equals: userId } })) +
    (
      await req.payload.countVersions({
        collection: 'events',
        where: { 'version.organizer': { equals: userId } },
        overrideAccess: true,
        req,
      })
    ).totalDocs
  if (events > 0) {
    throw new RequestError(
      'This person organizes events: give the events to another organizer first, or disable the account.',
      409,
      { code: USER_ORGANIZES_EVENTS },
    )
  }
  // Money that moved stays on the books (receipts, refunds, accounting).
  if (
    (await count(req, 'payments', {
      and: [{ user: { equals: userId } }, { status: { in: ['succeeded', 'refunded'] } }],
    })) > 0
  ) {
    throw new RequestError(
      'This person has paid for tickets: their payments must be kept. Disable the account instead.',
      409,
      { code: USER_HAS_PAYMENTS },
    )
  }
  if ((await count(req, 'chat-moderation-actions', { actor: { equals: userId } })) > 0) {
    throw new RequestError(
      'This person has moderated chats: the moderation log must be kept. Disable the account instead.',
      409,
      { code: USER_HAS_MODERATION_HISTORY },
    )
  }
}

/**
 * Deleting an account takes what belongs only to that person with it:
 * registrations and unpaid payments, chat messages and votes, attendance,
 * email records, starred sessions and the calendar feed. It is refused (409 with a code) while records that others or
 * the books depend on remain. All of it happens in the delete's transaction.
 */
export const deleteOwnRecords: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await refuseIfKept(req, id)
  const mine = { user: { equals: id } }
  // Through Payload, so their hooks run: votes recount others' questions, messages take their votes.
  for (const collection of ['chat-votes', 'chat-messages'] as const) {
    await req.payload.delete({ collection, where: mine, overrideAccess: true, req })
  }
  for (const collection of [
    'payments',
    'registrations',
    'attendance',
    'email-deliveries',
    'email-opt-outs',
    'session-stars',
    'calendar-feeds',
  ] as const) {
    await req.payload.db.deleteMany({ collection, where: mine, req })
  }
}
