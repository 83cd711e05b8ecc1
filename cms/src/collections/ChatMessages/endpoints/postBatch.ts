import {
  type APIError,
  type Endpoint,
  executeAuthStrategies,
  Forbidden,
  formatErrors,
  type PayloadRequest,
  ValidationError,
} from 'payload'
import { z } from 'zod'

import { CHAT_BATCH_MAX_POSTS } from '../../../contract/chat'
import { json, parseBody } from '../../../lib/http'
import { isDatabaseOverload, noteOverloadRefusal, serviceBusyErrors } from '../../../lib/overload'
import { documentId } from '../../../lib/schemas'
import { slugs } from '../../../plugin/settings'

// Only the batch's shape is checked as a whole: one person's malformed post must not cost the
// others in the same batch theirs, so each post is checked on its own (postSchema).
const batchSchema = z.object({ posts: z.array(z.unknown()).min(1).max(CHAT_BATCH_MAX_POSTS) })

const postSchema = z.object({
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
})

type BatchResult = { status: number; doc?: unknown; errors?: unknown[] }

/** The token's holder, or null for a token that is no session (as REST treats it: no user). */
async function holderOf(req: PayloadRequest, token: string) {
  try {
    const { user } = await executeAuthStrategies({
      // Trimmed as a header value would be; a value no header can carry is no session.
      headers: new Headers({ Authorization: `JWT ${token.trim()}` }),
      payload: req.payload,
    })
    return user
  } catch {
    return null
  }
}

/** The post, or a 400 that names each bad field by its place in the batch. */
function checkedPost(post: unknown, index: number) {
  const result = postSchema.safeParse(post)
  if (result.success) return result.data
  throw new ValidationError({
    collection: slugs.chatMessages,
    errors: result.error.issues.map((issue) => ({
      path: ['posts', index, ...issue.path].join('.'),
      message: issue.message,
    })),
  })
}

/**
 * One post, answered as POST /api/chat-messages would have answered its author (but for one
 * difference: it is stored without a transaction, see below).
 */
async function storeAsAuthor(
  req: PayloadRequest,
  post: unknown,
  index: number,
): Promise<BatchResult> {
  try {
    const { token, data } = checkedPost(post, index)
    const user = await holderOf(req, token)
    // What REST's create access answers a request without a session.
    if (!user) throw new Forbidden(req.t)
    const doc = await req.payload.create({
      collection: slugs.chatMessages,
      // Posted as the token's holder (stampAuthor insists for everyone but admins).
      data: { ...data, user: user.id, sentAt: new Date().toISOString() },
      depth: 0,
      // No transaction: a post is one insert (and its read-back) after reads that lock nothing,
      // and the collection has no after-change hook to undo. A transaction cost BEGIN and COMMIT
      // round trips and a pool connection held through every hook; measured with
      // `npm run bench:chat`, the knee went from 15 msg/s (four runs) to 30–80 without it. What
      // it bought: a read-back that fails (a pool too busy) no longer undoes the insert, so the
      // post is answered 503 though stored; the island resends it with its client id, which is
      // never stored twice (useChat.ts).
      disableTransaction: true,
      overrideAccess: false,
      user,
    })
    return { status: 201, doc }
  } catch (error) {
    if (isDatabaseOverload(error)) {
      noteOverloadRefusal()
      return { status: 503, errors: serviceBusyErrors() }
    }
    const status = (error as APIError).status ?? 500
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
 * realtime sends the lines its node received while its last request was still in cms in one
 * request: setting up a request (routing, auth headers, the answer) costs cms about as much as
 * storing the line, and under a crowd cms is what falls behind. Each post is authenticated by its
 * own session token and stored through the Local API as that person, with access control and
 * every hook of the collection (bans, mutes, the opening time, the rate limit): exactly the rules
 * of a post of its own. A post that fails, for whatever reason, fails alone. Stored one after
 * another, so the pool is not the batch’s to fill.
 */
export const postBatch: Endpoint = {
  path: '/batch',
  method: 'post',
  handler: async (req) => {
    const { posts } = await parseBody(req, batchSchema, slugs.chatMessages)
    const results: BatchResult[] = []
    for (const [index, post] of posts.entries()) results.push(await storeAsAuthor(req, post, index))
    return json(req, { results })
  },
}
