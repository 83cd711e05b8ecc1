import type { CollectionBeforeOperationHook } from 'payload'

import { CHAT_ERROR } from '../contract/chat'
import { assertWithinRateLimit, rateLimits } from '../lib/rateLimit'
import { slugs } from '../plugin/settings'

/**
 * Upvotes (cast or taken back) and reports count against the person's
 * RATE_LIMIT_CHAT_ACTIONS, whichever route they take (REST, the toggle,
 * realtime on their behalf): a script cannot flood the moderation log or churn
 * the counts. Moderators' own decisions are not counted.
 */
export const limitChatActions: CollectionBeforeOperationHook = async ({
  args,
  collection,
  operation,
  req,
}) => {
  if (!req.user) return args
  const isVote = collection.slug === slugs.chatVotes && ['create', 'delete'].includes(operation)
  const isReport =
    collection.slug === slugs.chatModerationActions &&
    operation === 'create' &&
    (args as { data?: { action?: unknown } }).data?.action === 'report'
  if (isVote || isReport) {
    await assertWithinRateLimit(req, rateLimits.chatActions, CHAT_ERROR.rateLimited)
  }
  return args
}
