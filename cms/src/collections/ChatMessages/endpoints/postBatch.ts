import {
  type APIError,
  type Endpoint,
  executeAuthStrategies,
  formatErrors,
  type PayloadRequest,
} from 'payload'
import { z } from 'zod'

import { json, parseBody } from '../../../lib/http'
import { documentId } from '../../../lib/schemas'
import { slugs } from '../../../plugin/settings'

/** A batch is what one realtime node received while cms was busy; far more is not a chat. */
export const MAX_BATCH_POSTS = 50

const batchSchema = z.object({
  posts: z
    .array(
      z.object({
        /** The poster's own session token, as they would send it in `Authorization: JWT …`. */
        token: z.string().min(1).max(4096),
        // The collection validates the fields themselves, as it does for a post of its own.
        data: z.object({
          event: documentId,
          message: z.string(),
          kind: z.enum(['chat', 'question']),
          clientId: z.string().optional(),
          session: documentId.optional(),
        }),
      }),
    )
    .min(1)
    .max(MAX_BATCH_POSTS),
})

type Post = z.infer<typeof batchSchema>['posts'][number]
export type BatchResult = { status: number; doc?: unknown; errors?: unknown[] }

/** One post, as POST /api/chat-messages would have answered its author. */
async function storeAsAuthor(req: PayloadRequest, { token, data }: Post): Promise<BatchResult> {
  const { user } = await executeAuthStrategies({
    headers: new Headers({ Authorization: `JWT ${token}` }),
    payload: req.payload,
  })
  if (!user) {
    return { status: 401, errors: [{ message: 'You are not allowed to perform this action.' }] }
  }
  try {
    const doc = await req.payload.create({
      collection: slugs.chatMessages,
      // Posted as the token's holder (stampAuthor insists for everyone but admins).
      // sentAt is stamped by stampAuthor as well.
      data: { ...data, user: user.id, sentAt: new Date().toISOString() },
      depth: 0,
      overrideAccess: false,
      user,
    })
    return { status: 201, doc }
  } catch (error) {
    const status = (error as { status?: number }).status ?? 500
    if (status < 500) return { status, ...formatErrors(error as APIError) }
    // As Payload's REST routes do: a fault is logged, and its details are not the caller's.
    req.payload.logger.error({ err: error }, 'chat batch: a post failed')
    return { status, errors: [{ message: 'Something went wrong.' }] }
  }
}

/**
 * POST /api/chat-messages/batch { posts: [{ token, data }] } (1–50) → { results } in the same
 * order: `{ status: 201, doc }` or `{ status, errors }`, what POST /api/chat-messages answers.
 *
 * realtime sends the lines its node received while its earlier requests were still in cms in one
 * request: setting up a request (routing, auth headers, the answer) costs cms about 5 ms, as much
 * as storing the line, and under a crowd cms is what falls behind. Each post is authenticated by
 * its own session token and stored through the Local API as that person, with access control and
 * every hook of the collection (bans, mutes, the opening time, the rate limit): exactly the rules
 * of a post of its own. Stored one after another: each takes a transaction of its own, and the
 * pool is not the batch's to fill.
 */
export const postBatch: Endpoint = {
  path: '/batch',
  method: 'post',
  handler: async (req) => {
    const { posts } = await parseBody(req, batchSchema, slugs.chatMessages)
    const results: BatchResult[] = []
    for (const post of posts) results.push(await storeAsAuthor(req, post))
    return json(req, { results })
  },
}
