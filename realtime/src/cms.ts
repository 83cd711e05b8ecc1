// A small REST client for the cms, the owner of users, registrations and chat
// data. Every call carries the end user's own token, so cms access rules apply.
import { createHmac } from 'node:crypto'

import { z } from 'zod'

import type { ChatMessage } from './events.ts'
import { createPostQueue } from './postQueue.ts'

/** cms could not be reached or failed: the caller answers UNAVAILABLE. */
export class CmsUnavailableError extends Error {}

/** cms refused or rejected the request (status 4xx). */
export class CmsRequestError extends Error {
  status: number
  body: unknown
  constructor(status: number, body: unknown) {
    super(`cms answered ${status}`)
    this.status = status
    this.body = body
  }
}

const idOf = z.union([z.number(), z.object({ id: z.number() }).transform((value) => value.id)])

const messageDocSchema = z.object({
  id: z.number(),
  event: idOf,
  user: idOf,
  session: idOf.nullish(),
  authorName: z.string().nullish(),
  message: z.string(),
  kind: z.enum(['chat', 'question']),
  sentAt: z.string(),
  offsetSeconds: z.number().nullish(),
  upvotes: z.number().nullish(),
  answered: z.boolean().nullish(),
  pinned: z.boolean().nullish(),
  hidden: z.boolean().nullish(),
  clientId: z.string().nullish(),
})

const toChatMessage = (doc: z.infer<typeof messageDocSchema>): ChatMessage => ({
  id: doc.id,
  eventId: doc.event,
  sessionId: doc.session ?? null,
  kind: doc.kind,
  text: doc.message,
  author: { id: doc.user, name: doc.authorName ?? 'Attendee' },
  sentAt: doc.sentAt,
  offsetSeconds: doc.offsetSeconds ?? null,
  upvotes: doc.upvotes ?? 0,
  answered: doc.answered ?? false,
  pinned: doc.pinned ?? false,
  hidden: doc.hidden ?? false,
  clientId: doc.clientId ?? null,
})

const listOf = <T extends z.ZodType>(doc: T) =>
  z.object({ docs: z.array(doc), hasNextPage: z.boolean().default(false), totalDocs: z.number() })

const chatAccessSchema = z.object({
  event: z.object({ id: z.number(), organizer: z.number(), startTime: z.string() }),
  attendees: z.array(z.number()),
  banned: z.array(z.number()),
  muted: z.array(z.object({ userId: z.number(), until: z.string() })),
})
export type ChatAccess = z.infer<typeof chatAccessSchema>

/** The header that carries the service key on realtime's service calls. */
const SERVICE_KEY_HEADER = 'X-Realtime-Service-Key'

/**
 * realtime's credential for its service calls to cms, derived from the secret
 * both already share (cms/src/lib/realtimeBus.ts derives the same).
 */
export const realtimeServiceKey = (payloadSecret: string) =>
  createHmac('sha256', payloadSecret).update('event-portal realtime service').digest('hex')

type Query = Record<string, string | number | boolean>

type NewMessage = {
  event: number
  message: string
  kind: 'chat' | 'question'
  clientId?: string
  session?: number
}

// Each result as POST /api/chat-messages would have answered (the doc is checked once used).
const batchAnswerSchema = z.object({
  results: z.array(
    z.object({
      status: z.number(),
      doc: z.unknown().optional(),
      errors: z.array(z.unknown()).optional(),
    }),
  ),
})

export type CmsClient = ReturnType<typeof createCmsClient>

export function createCmsClient(
  baseUrl: string,
  { payloadSecret, timeoutMs = 10_000 }: { payloadSecret: string; timeoutMs?: number },
) {
  const serviceKey = realtimeServiceKey(payloadSecret)
  async function request(
    method: string,
    path: string,
    token: string | null,
    {
      query,
      body,
      headers,
    }: { query?: Query; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<unknown> {
    const url = new URL(`/api${path}`, baseUrl)
    for (const [key, value] of Object.entries(query ?? {})) url.searchParams.set(key, String(value))
    let response: Response
    try {
      response = await fetch(url, {
        method,
        headers: {
          Accept: 'application/json',
          // cms is a hop away on the same network: compressing every answer only costs both CPU.
          'Accept-Encoding': 'identity',
          ...(token ? { Authorization: `JWT ${token}` } : {}),
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      })
    } catch (error) {
      throw new CmsUnavailableError(`cms unreachable: ${(error as Error).message}`)
    }
    let text: string
    try {
      text = await response.text()
    } catch (error) {
      throw new CmsUnavailableError(`cms answer unreadable: ${(error as Error).message}`)
    }
    let parsed: unknown
    try {
      parsed = text ? JSON.parse(text) : null
    } catch {
      parsed = text
    }
    if (response.status >= 500) throw new CmsUnavailableError(`cms answered ${response.status}`)
    if (!response.ok) throw new CmsRequestError(response.status, parsed)
    return parsed
  }

  const storeMessage = createPostQueue(async (posts: { token: string; data: NewMessage }[]) => {
    const body = await request('POST', '/chat-messages/batch', null, { body: { posts } })
    const { results } = batchAnswerSchema.parse(body)
    if (results.length !== posts.length) throw new CmsUnavailableError('cms answered another batch')
    return results
  })

  const orNull = async <T>(promise: Promise<T>): Promise<T | null> => {
    try {
      return await promise
    } catch (error) {
      if (error instanceof CmsRequestError && [401, 403, 404].includes(error.status)) return null
      throw error
    }
  }

  return {
    /**
     * Who may be in an event's chat, in one service-authenticated request: the
     * event's organizer and times, its confirmed attendees, and its live bans
     * and mutes. null when there is no such event.
     */
    async chatAccess(eventId: number): Promise<ChatAccess | null> {
      const body = await orNull(
        request('GET', `/events/${eventId}/chat-access`, null, {
          headers: { [SERVICE_KEY_HEADER]: serviceKey },
        }),
      )
      return body === null ? null : chatAccessSchema.parse(body)
    },

    /**
     * Stores a message as the token's holder, with every rule of a post of its own; sent with the
     * other messages this node received meanwhile when cms is busy (postQueue.ts). A refusal is
     * the CmsRequestError POST /api/chat-messages would have thrown.
     */
    async createMessage(token: string, data: NewMessage): Promise<ChatMessage> {
      const result = await storeMessage({ token, data })
      if (result.status >= 500) throw new CmsUnavailableError(`cms answered ${result.status}`)
      if (result.status >= 300) throw new CmsRequestError(result.status, { errors: result.errors })
      return toChatMessage(messageDocSchema.parse(result.doc))
    },

    async messageByClientId(token: string, userId: number, clientId: string) {
      const body = await request('GET', '/chat-messages', token, {
        query: {
          'where[user][equals]': userId,
          'where[clientId][equals]': clientId,
          limit: 1,
          depth: 0,
        },
      })
      const doc = listOf(messageDocSchema).parse(body).docs[0]
      return doc ? toChatMessage(doc) : null
    },

    async message(token: string, messageId: number): Promise<ChatMessage | null> {
      const body = await orNull(
        request('GET', `/chat-messages/${messageId}`, token, { query: { depth: 0 } }),
      )
      return body === null ? null : toChatMessage(messageDocSchema.parse(body))
    },

    /** Newest first, older than `before` (a message id) when given. */
    async messages(
      token: string,
      eventId: number,
      {
        kind,
        before,
        limit,
        sort = '-id',
      }: { kind: 'chat' | 'question'; before?: number; limit: number; sort?: string },
    ) {
      const body = await request('GET', '/chat-messages', token, {
        query: {
          'where[event][equals]': eventId,
          'where[kind][equals]': kind,
          'where[hidden][not_equals]': true,
          ...(before ? { 'where[id][less_than]': before } : {}),
          sort,
          limit,
          depth: 0,
        },
      })
      const page = listOf(messageDocSchema).parse(body)
      return { messages: page.docs.map(toChatMessage), hasNextPage: page.hasNextPage }
    },

    async updateMessage(
      token: string,
      messageId: number,
      data: { hidden?: boolean; answered?: boolean; pinned?: boolean },
    ): Promise<ChatMessage> {
      const body = await request('PATCH', `/chat-messages/${messageId}`, token, {
        body: data,
        query: { depth: 0 },
      })
      return toChatMessage(z.object({ doc: messageDocSchema }).parse(body).doc)
    },

    /** Hides every visible message of the event; returns the ids hidden. */
    async hideAll(token: string, eventId: number): Promise<number[]> {
      const body = await request('PATCH', '/chat-messages', token, {
        body: { hidden: true },
        query: {
          'where[event][equals]': eventId,
          'where[hidden][not_equals]': true,
          limit: 0,
          depth: 0,
        },
      })
      return z
        .object({ docs: z.array(z.object({ id: z.number() })) })
        .parse(body)
        .docs.map((d) => d.id)
    },

    async myVotes(token: string, userId: number, eventId: number) {
      const body = await request('GET', '/chat-votes', token, {
        query: {
          'where[user][equals]': userId,
          'where[message.event][equals]': eventId,
          limit: 0,
          depth: 0,
        },
      })
      return z
        .object({ docs: z.array(z.object({ id: z.number(), message: idOf })) })
        .parse(body)
        .docs.map((vote) => ({ id: vote.id, messageId: vote.message }))
    },

    /** Casts or takes back the caller's vote in one cms transaction (concurrent clicks stay consistent). */
    async toggleVote(token: string, messageId: number) {
      const body = await request('POST', '/chat-votes/toggle', token, {
        body: { message: messageId },
      })
      return z
        .object({ messageId: z.number(), upvotes: z.number(), hasVoted: z.boolean() })
        .parse(body)
    },

    async recordModeration(
      token: string,
      data: {
        event: number
        action: string
        targetUser?: number
        targetMessage?: number
        until?: string
        slowModeSeconds?: number
        reason?: string
      },
    ) {
      await request('POST', '/chat-moderation-actions', token, { body: data, query: { depth: 0 } })
    },
  }
}
